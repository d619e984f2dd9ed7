/**
 * Runs documents through the queue and follows them to the end, for `iki ingest` and `iki retry`
 * with Redis. The store is the source of truth: a document is finished when its row says done
 * or failed. Redis may lose jobs (a restart without persistence): every `reconcileMs` the flows
 * of unfinished documents whose jobs are gone are added again (ids make that idempotent), and a
 * store job that failed for good is recorded as the document's failure.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { and, inArray } from 'drizzle-orm';
import type { Store } from '../store/repository.js';
import { recordFailedRun } from '../store/repository.js';
import { documents } from '../store/schema.js';
import type { DocumentRef } from '../runner/handlers.js';
import { extractorVersion } from '../runner/handlers.js';
import type { RunEvent, RunTotals } from '../runner/in-process.js';
import type { ProgressListener } from '../runner/progress.js';
import { ocrProgressOfWaiting } from './progress.js';
import type { PipelineQueues } from './queues.js';

/** How often (ms) the store is asked which documents finished. */
export const DEFAULT_POLL_MS = 300;
/** How often (ms) unfinished documents' jobs are checked (and re-added when Redis lost them). */
export const DEFAULT_RECONCILE_MS = 5000;
/** How often (ms) the OCR progress of scans is read from Redis, when asked for. */
export const DEFAULT_PROGRESS_MS = 1000;
/** Documents looked up per query. */
const QUERY_CHUNK = 1000;

export interface DriveOptions {
  store: Store;
  queues: PipelineQueues;
  /** Store even documents already done (explicit re-run). */
  force?: boolean;
  /** Stop following (the jobs stay queued and finish without us). */
  signal?: AbortSignal;
  /** @defaultValue DEFAULT_POLL_MS */
  pollMs?: number;
  /** @defaultValue DEFAULT_RECONCILE_MS */
  reconcileMs?: number;
  onEvent?: (e: RunEvent) => void;
  /** Told which documents are in OCR, page k of n (read every `progressMs`), and when they leave it. */
  onProgress?: ProgressListener;
  /** @defaultValue DEFAULT_PROGRESS_MS */
  progressMs?: number;
  /** Called when flows were added again after Redis lost them. */
  onRequeue?: (count: number) => void;
  /** Called after each reconcile round with the connected workers per queue. */
  onWorkers?: (workers: Record<string, number>) => void;
}

export async function runThroughQueue(docs: readonly DocumentRef[], opts: DriveOptions): Promise<RunTotals> {
  const totals: RunTotals = { done: 0, failed: 0, skipped: 0, interrupted: 0, pages: 0 };
  const pending = new Map(docs.map((d) => [d.documentId, d]));
  const enqueuedAt = Date.now();
  await opts.queues.enqueue(docs, opts.force ? { force: true } : {});

  let stop = false;
  const recorded = new Set<string>();
  const reconciler = (async () => {
    while (!stop) {
      await sleepUnless(opts.reconcileMs ?? DEFAULT_RECONCILE_MS, () => stop);
      if (stop) break;
      await reconcile(pending, opts, recorded).catch(() => undefined);
    }
  })();
  const progress = opts.onProgress
    ? followOcr(pending, opts, opts.onProgress, () => stop)
    : Promise.resolve();
  try {
    while (pending.size > 0 && !opts.signal?.aborted) {
      for (const row of await finishedRows(opts.store, [...pending.keys()])) {
        const doc = pending.get(row.id)!;
        pending.delete(row.id);
        const ok = row.status === 'done';
        if (ok) totals.done++;
        else totals.failed++;
        const pages = ok ? (row.pages ?? 1) : 0;
        totals.pages += pages;
        opts.onEvent?.({
          doc,
          status: ok ? 'done' : 'failed',
          pages,
          failure: ok
            ? null
            : {
                reason: row.error ?? 'unknown error',
                code: 'FAILED',
                stage: row.errorStage,
                page: row.errorPage,
                unrecoverable: true,
              },
          ms: Date.now() - enqueuedAt,
        });
      }
      if (pending.size > 0) await sleepUnless(opts.pollMs ?? DEFAULT_POLL_MS, () => !!opts.signal?.aborted);
    }
  } finally {
    stop = true;
    await Promise.all([reconciler, progress]);
  }
  totals.interrupted = pending.size;
  return totals;
}

/**
 * Unfinished documents' rows that are now done or failed: only those rows and only the columns
 * the progress needs, since this runs every `pollMs` over every pending document.
 */
async function finishedRows(store: Store, ids: string[]) {
  const out: FinishedRow[] = [];
  for (let i = 0; i < ids.length; i += QUERY_CHUNK) {
    const rows = await store.db
      .select({
        id: documents.id,
        status: documents.status,
        pages: documents.pages,
        error: documents.error,
        errorStage: documents.errorStage,
        errorPage: documents.errorPage,
      })
      .from(documents)
      .where(
        and(
          inArray(documents.id, ids.slice(i, i + QUERY_CHUNK)),
          inArray(documents.status, ['done', 'failed']),
        ),
      );
    out.push(...rows);
  }
  return out;
}

type FinishedRow = Pick<
  typeof documents.$inferSelect,
  'id' | 'status' | 'pages' | 'error' | 'errorStage' | 'errorPage'
>;

async function reconcile(
  pending: Map<string, DocumentRef>,
  opts: DriveOptions,
  recorded: Set<string>,
): Promise<void> {
  const docs = [...pending.values()];
  const states = await opts.queues.storeStates(docs.map((d) => d.sha256));
  const lost = docs.filter((d) => states.get(d.sha256) === 'unknown');
  // Re-check the store first: a job removed after it finished is not lost.
  const finished = new Set(
    (
      await finishedRows(
        opts.store,
        lost.map((d) => d.documentId),
      )
    ).map((r) => r.id),
  );
  const requeue = lost.filter((d) => !finished.has(d.documentId) && pending.has(d.documentId));
  if (requeue.length > 0) {
    await opts.queues.enqueue(requeue, opts.force ? { force: true } : {});
    opts.onRequeue?.(requeue.length);
  }
  for (const doc of docs.filter((d) => states.get(d.sha256) === 'failed' && !recorded.has(d.documentId))) {
    recorded.add(doc.documentId);
    const reason = (await opts.queues.storeFailure(doc.sha256)) ?? 'the store job failed';
    await recordFailedRun(opts.store, doc.documentId, await extractorVersion(), { reason, stage: 'store' });
  }
  opts.onWorkers?.(await opts.queues.workerCounts());
}

/**
 * Reports the OCR progress of pending scans every `progressMs` until `stopped()`: page k of n
 * while a scan's page jobs run, then stage 'parse' once they are over.
 */
async function followOcr(
  pending: ReadonlyMap<string, DocumentRef>,
  opts: DriveOptions,
  onProgress: ProgressListener,
  stopped: () => boolean,
): Promise<void> {
  const inOcr = new Map<string, DocumentRef>();
  while (!stopped()) {
    await sleepUnless(opts.progressMs ?? DEFAULT_PROGRESS_MS, stopped);
    if (stopped()) break;
    const bySha = new Map([...pending.values()].map((d) => [d.sha256, d]));
    const now = await ocrProgressOfWaiting(opts.queues, new Set(bySha.keys())).catch(() => null);
    if (!now) continue;
    for (const [sha, doc] of inOcr) {
      if (now.has(sha)) continue;
      inOcr.delete(sha);
      if (pending.has(doc.documentId))
        onProgress(doc.documentId, { stage: 'parse', page: null, pages: null });
    }
    for (const [sha, p] of now) {
      const doc = bySha.get(sha)!;
      inOcr.set(sha, doc);
      onProgress(doc.documentId, p);
    }
  }
}

async function sleepUnless(ms: number, done: () => boolean): Promise<void> {
  const step = Math.min(ms, 100);
  for (let waited = 0; waited < ms && !done(); waited += step) await sleep(step);
}
