/**
 * The job handlers shared by both runners (the in-process thread pool and the Redis queue):
 * `parseDocument` (bytes from the blob store → contract JSON; CPU only, runs in a worker thread)
 * and `storeOutcome` (contract JSON or a failure → the store; runs where the database is).
 *
 * A failure crosses a thread or a queue as data (`Failure`), never as a thrown object: class,
 * stage and page of an IkiError would not survive structured cloning or JSON.
 */
import type { ExtractedFile } from '../contract/schema.js';
import { BadInputError, IkiError, InputTooLargeError, describeError } from '../errors.js';
import { readBlob } from '../ingest/blobs.js';
import { EXTRACTOR_VERSION } from '../pipeline/version.js';
import type { DocumentError, Store } from '../store/repository.js';
import { getDocument, recordFailedRun, saveExtraction } from '../store/repository.js';

/** What a parse job needs: where the bytes are and the name to report. */
export interface DocumentRef {
  documentId: string;
  sha256: string;
  storageKey: string;
  fileName: string;
}

/** Why a document (or one of its pages) failed; JSON- and clone-safe. */
export interface Failure {
  reason: string;
  code: string;
  stage: string | null;
  page: number | null;
  /** Bad input: retrying cannot help, so the job is not retried. */
  unrecoverable: boolean;
}

export interface ParseOutput {
  result: ExtractedFile;
  /** Epoch ms when parsing began (the run's started_at). */
  startedAt: number;
  /** Wall time of the parse in ms. */
  ms: number;
  /** Pages read; a text file counts as one page. */
  pages: number;
}

/** A task's result or its failure, as data. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };
export type ParseOutcome = Outcome<ParseOutput>;

/** Runs `fn`, returning what it throws as a Failure. */
export async function outcomeOf<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

/** A page-OCR adapter's extraction given every planned page's OCR result (see page-ocr.ts). */
export type ExtractWithPages = (
  bytes: Uint8Array,
  fileName: string,
  pages: ReadonlyMap<number, unknown>,
) => Promise<ExtractedFile>;

/**
 * The extractor's version (from its own small module: a process that only stores results, or only
 * drives the queue, never loads the extractor).
 */
export async function extractorVersion(): Promise<string> {
  return EXTRACTOR_VERSION;
}

/** Pages a document counts for progress and throughput: text has no pages and counts as one. */
export function pagesOf(result: Pick<ExtractedFile, 'source'>): number {
  return result.source.pages ?? 1;
}

/** The Failure for anything thrown by a stage. */
export function failureOf(err: unknown): Failure {
  const unrecoverable = err instanceof BadInputError || err instanceof InputTooLargeError;
  if (err instanceof IkiError) {
    return {
      reason: err.message,
      code: err.code,
      stage: err.stage ?? null,
      page: err.page ?? null,
      unrecoverable,
    };
  }
  return { reason: describeError(err), code: 'INTERNAL', stage: null, page: null, unrecoverable };
}

/** One line for a terminal: `page 3: reason (stage read)`. */
export function describeFailure(f: Pick<Failure, 'reason' | 'stage' | 'page'>): string {
  const where = f.page === null ? '' : `page ${f.page}: `;
  return `${where}${f.reason}${f.stage ? ` (stage ${f.stage})` : ''}`;
}

/**
 * Reads a document's bytes and extracts it. Throws only what `failureOf` can describe; the
 * signal is checked between stages (a running extraction is stopped by ending its thread).
 */
export async function parseDocument(
  ref: Pick<DocumentRef, 'storageKey' | 'fileName'> & { blobRoot?: string },
  opts: {
    signal?: AbortSignal;
    extractWithPages?: ExtractWithPages;
    ocrPages?: ReadonlyMap<number, unknown>;
    /** When the document's processing began (its page OCR ran before this parse); default now. */
    startedAt?: number;
  } = {},
): Promise<ParseOutput> {
  const startedAt = opts.startedAt ?? Date.now();
  opts.signal?.throwIfAborted();
  const bytes = await readBlob(ref.storageKey, ref.blobRoot);
  opts.signal?.throwIfAborted();
  const result =
    opts.extractWithPages && opts.ocrPages
      ? await opts.extractWithPages(bytes, ref.fileName, opts.ocrPages)
      : await (await import('../pipeline/extract-file.js')).extractFile(bytes, { fileName: ref.fileName });
  return { result, startedAt, ms: Date.now() - startedAt, pages: pagesOf(result) };
}

export interface StoreResult {
  status: 'done' | 'failed' | 'skipped';
  runId: string | null;
  version: number | null;
  pages: number;
}

/**
 * Saves a parse outcome. Idempotent: a document already done is left alone unless `force`, so a
 * store job that runs twice (a redelivered job, a flow re-added after Redis lost it) never
 * creates a second run.
 */
export async function storeOutcome(
  store: Store,
  documentId: string,
  outcome: ParseOutcome,
  opts: { force?: boolean; actor?: string } = {},
): Promise<StoreResult> {
  const doc = await getDocument(store, documentId);
  if (!doc) throw new IkiError('STORE_NO_DOCUMENT', `no document ${documentId}`, { stage: 'store' });
  if (!opts.force && doc.status === 'done' && doc.latestRunId) {
    return { status: 'skipped', runId: doc.latestRunId, version: null, pages: doc.pages ?? 1 };
  }
  const actor = opts.actor ?? 'system';
  if (outcome.ok) {
    const { result, startedAt, pages } = outcome.value;
    try {
      const saved = await saveExtraction(store, documentId, result, await extractorVersion(), {
        actor,
        startedAt: new Date(startedAt),
      });
      return { status: 'done', runId: saved.runId, version: saved.version, pages };
    } catch (err) {
      // A result the contract refuses is a defect of this input, not of the database: record it.
      if (!(err instanceof BadInputError)) throw err;
      outcome = { ok: false, failure: failureOf(err) };
    }
  }
  const failed = await recordFailedRun(
    store,
    documentId,
    await extractorVersion(),
    documentErrorOf(outcome.failure),
    {
      actor,
    },
  );
  return { status: 'failed', runId: failed.runId, version: failed.version, pages: 0 };
}

export function documentErrorOf(f: Failure): DocumentError {
  return { reason: f.reason, stage: f.stage, page: f.page };
}
