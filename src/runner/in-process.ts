/**
 * The in-process runner: no Redis, one machine. Documents run on the worker-thread pool with the
 * same handlers as the queue; every database write stays in this (the main) thread, which PGlite
 * requires. Retries and backoff mirror the queue's job options. A document interrupted by a crash
 * or a shutdown stays `queued` or `processing` in the store, so the next run continues it.
 *
 * `runInProcess` runs a batch to its end (`iki ingest`); `runDocument` runs one document, for a
 * long-lived service that takes documents as they come (src/runner/service.ts, the API).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describeError } from '../errors.js';
import type { Store } from '../store/repository.js';
import { markProcessing } from '../store/repository.js';
import type { DocumentRef, Failure, Outcome, ParseOutput, StoreResult } from './handlers.js';
import { failureOf, storeOutcome } from './handlers.js';
import { resolvePageOcrModule } from './page-ocr.js';
import type { ExtractPool } from './pool.js';
import type { ProgressListener } from './progress.js';
import { ocrProgress } from './progress.js';

/** Attempts per document when the failure may be transient (bad input is never retried). */
export const DEFAULT_ATTEMPTS = 3;
/** First retry delay (ms); doubled on each further attempt. */
export const DEFAULT_BACKOFF_MS = 1000;
/** After a stop is requested, running documents get this long (ms) before their threads end. */
export const DEFAULT_GRACE_MS = 30_000;

export interface RunEvent {
  doc: DocumentRef;
  status: StoreResult['status'] | 'failed';
  pages: number;
  failure: Failure | null;
  /** Parse + store wall time (ms). */
  ms: number;
}

export interface InProcessOptions {
  store: Store;
  pool: ExtractPool;
  /** @defaultValue DEFAULT_ATTEMPTS */
  attempts?: number;
  /** @defaultValue DEFAULT_BACKOFF_MS */
  backoffMs?: number;
  /** Page-OCR module (see page-ocr.ts); unset: DEFAULT_PAGE_OCR_MODULE; null: OCR inside extractFile. */
  pageOcrModule?: string | null;
  /** The blob store's data directory (default IKI_DATA_DIR). */
  blobRoot?: string;
  /** Who the stored runs are by (the audit log's actor). @defaultValue 'ingest' */
  actor?: string;
  /** Told where each document is: parse, OCR page k of n, store, then done or failed. */
  onProgress?: ProgressListener;
  /** Stop taking documents; running ones finish (or are stopped after `graceMs`). */
  signal?: AbortSignal;
  /** @defaultValue DEFAULT_GRACE_MS */
  graceMs?: number;
  /** Re-run documents already done (a new run is stored). */
  force?: boolean;
  onEvent?: (e: RunEvent) => void;
}

export interface RunTotals {
  done: number;
  failed: number;
  skipped: number;
  /** Documents not finished because a stop was requested; they stay queued. */
  interrupted: number;
  pages: number;
}

export async function runInProcess(docs: readonly DocumentRef[], opts: InProcessOptions): Promise<RunTotals> {
  const totals: RunTotals = { done: 0, failed: 0, skipped: 0, interrupted: 0, pages: 0 };
  const hard = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  const onStop = () => {
    graceTimer = setTimeout(() => hard.abort(), opts.graceMs ?? DEFAULT_GRACE_MS);
    graceTimer.unref();
  };
  if (opts.signal?.aborted) onStop();
  else opts.signal?.addEventListener('abort', onStop, { once: true });

  let next = 0;
  // One more slot than threads: a thread starts the next document while this thread saves.
  const slots = Math.min(docs.length, opts.pool.threads + 1);
  const lane = async () => {
    while (next < docs.length && !opts.signal?.aborted) {
      const doc = docs[next++]!;
      const started = Date.now();
      try {
        const stored = await runDocument(doc, opts, hard.signal);
        if (stored.status === 'done') totals.done++;
        else if (stored.status === 'skipped') totals.skipped++;
        else totals.failed++;
        totals.pages += stored.pages;
        opts.onEvent?.({ doc, ...stored, ms: Date.now() - started });
      } catch (err) {
        if (hard.signal.aborted) {
          totals.interrupted++;
          continue;
        }
        totals.failed++;
        opts.onEvent?.({
          doc,
          status: 'failed',
          pages: 0,
          failure: failureOf(err),
          ms: Date.now() - started,
        });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: slots }, lane));
  } finally {
    clearTimeout(graceTimer);
    opts.signal?.removeEventListener('abort', onStop);
  }
  totals.interrupted += docs.length - next;
  return totals;
}

/** One document: parse (with retries for transient failures), then store (also retried). */
export async function runDocument(
  doc: DocumentRef,
  opts: Omit<InProcessOptions, 'signal' | 'graceMs' | 'onEvent'>,
  signal: AbortSignal,
): Promise<StoreResult & { failure: Failure | null }> {
  const attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
  const backoff = opts.backoffMs ?? DEFAULT_BACKOFF_MS;
  const progress = opts.onProgress ?? (() => undefined);
  progress(doc.documentId, { stage: 'parse', page: null, pages: null });
  await markProcessing(opts.store, doc.documentId);
  let outcome: Outcome<ParseOutput> | undefined;
  for (let attempt = 1; ; attempt++) {
    outcome = await parseWithPool(doc, opts, signal);
    if (outcome.ok || outcome.failure.unrecoverable || attempt >= attempts) break;
    await sleep(backoff * 2 ** (attempt - 1), undefined, { signal });
  }
  progress(doc.documentId, { stage: 'store', page: null, pages: null });
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await storeOutcome(opts.store, doc.documentId, outcome, {
        ...(opts.force ? { force: true } : {}),
        actor: opts.actor ?? 'ingest',
      });
      progress(doc.documentId, {
        stage: stored.status === 'failed' ? 'failed' : 'done',
        page: null,
        pages: stored.status === 'failed' ? null : stored.pages,
      });
      return { ...stored, failure: outcome.ok ? null : outcome.failure };
    } catch (err) {
      if (attempt >= attempts) {
        progress(doc.documentId, { stage: 'failed', page: null, pages: null });
        throw Object.assign(new Error(`cannot save the result: ${describeError(err)}`), { cause: err });
      }
      await sleep(backoff * 2 ** (attempt - 1), undefined, { signal });
    }
  }
}

/**
 * The pool's parse, with page OCR split into parallel page tasks when a module is configured:
 * one task plans (and, when no page needs OCR, extracts at once), then one task per page, then
 * the parse that merges the pages.
 */
async function parseWithPool(
  doc: DocumentRef,
  opts: Omit<InProcessOptions, 'signal' | 'graceMs' | 'onEvent'>,
  signal: AbortSignal,
): Promise<Outcome<ParseOutput>> {
  const ref = {
    storageKey: doc.storageKey,
    fileName: doc.fileName,
    ...(opts.blobRoot !== undefined ? { blobRoot: opts.blobRoot } : {}),
  };
  const module = resolvePageOcrModule(opts.pageOcrModule);
  if (!module) return opts.pool.run({ kind: 'parse', ...ref }, signal);
  const startedAt = Date.now();
  const plan = await opts.pool.run({ kind: 'plan-parse', ...ref, pageOcrModule: module }, signal);
  if (!plan.ok) return plan;
  if (plan.value.parsed) return { ok: true, value: plan.value.parsed };
  const planned = plan.value.ocrPages;
  const report = (p: Parameters<ProgressListener>[1]) => opts.onProgress?.(doc.documentId, p);
  let finished = 0;
  report(ocrProgress(0, planned.length));
  const pages = await Promise.all(
    planned.map(async (page) => {
      const reply = await opts.pool.run({ kind: 'ocr-page', ...ref, pageOcrModule: module, page }, signal);
      if (++finished < planned.length) report(ocrProgress(finished, planned.length));
      return reply;
    }),
  );
  const failed = pages.find((p) => !p.ok);
  if (failed && !failed.ok) return failed;
  report({ stage: 'parse', page: null, pages: null });
  const ocrPages = pages.flatMap((p): [number, unknown][] => (p.ok ? [[p.value.page, p.value.value]] : []));
  return opts.pool.run({ kind: 'parse', ...ref, pageOcrModule: module, ocrPages, startedAt }, signal);
}
