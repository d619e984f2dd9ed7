/**
 * `iki ingest`: register every file found (bytes into the blob store, a document row by content
 * hash), then run the unfinished documents through the queue (Redis) or the in-process pool.
 *
 * Idempotent and resumable: a document already done is skipped, one left queued by an earlier
 * (crashed or stopped) run continues, the same bytes found twice are processed once. A document
 * that failed earlier is reported again with its reason and not re-run: that is `iki retry`.
 */
import { sniffMediaTypeDetailed } from '../read/media-type.js';
import type { Store } from '../store/repository.js';
import { getDocumentBySha256, upsertDocument } from '../store/repository.js';
import type { DocumentRef, Failure } from '../runner/handlers.js';
import type { RunEvent, RunTotals } from '../runner/in-process.js';
import type { ProgressListener } from '../runner/progress.js';
import { putBlob } from './blobs.js';
import type { WalkOptions } from './sources.js';
import { walkSources } from './sources.js';

export type FileStatus = 'done' | 'skipped' | 'duplicate' | 'failed' | 'interrupted';

export interface FileOutcome {
  /** Where the file came from (`archive.zip!/member` for archive members). */
  display: string;
  documentId: string | null;
  sha256: string | null;
  status: FileStatus;
  pages: number;
  failure: Pick<Failure, 'reason' | 'stage' | 'page'> | null;
  /** The failure is from an earlier run (not retried by ingest). */
  earlier?: boolean;
  /** For a duplicate: the file whose bytes it repeats. */
  duplicateOf?: string;
}

export interface IngestReport {
  outcomes: FileOutcome[];
  runner: 'in-process' | 'queue';
  totals: RunTotals;
  elapsedMs: number;
}

/**
 * Runs the documents to the end (either runner), reporting each as it finishes and, when asked,
 * where each running one is (OCR page k of n, …).
 */
export type RunDocuments = (
  docs: DocumentRef[],
  onEvent: (e: RunEvent) => void,
  onProgress?: ProgressListener,
) => Promise<RunTotals>;

export interface IngestOptions extends WalkOptions {
  store: Store;
  runner: 'in-process' | 'queue';
  run: RunDocuments;
  /** The data directory of the blob store (defaults to IKI_DATA_DIR or `.data`). */
  dataDir?: string;
  /** Called once registration is over, with how many documents will run. */
  onRegistered?: (counts: { pending: number; skipped: number; files: number }) => void;
  onEvent?: (e: RunEvent) => void;
  /** Where each running document is (for a progress bar's OCR pages). */
  onProgress?: ProgressListener;
}

export async function ingest(paths: readonly string[], opts: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const outcomes: FileOutcome[] = [];
  const byDocument = new Map<string, FileOutcome>();
  const pending: Pending[] = [];

  for await (const source of walkSources(paths, opts)) {
    if (source.kind === 'problem') {
      outcomes.push(failed(source.display, { reason: source.reason, stage: 'read', page: null }));
      continue;
    }
    try {
      const outcome = await register(
        opts,
        source.display,
        source.fileName,
        source.bytes,
        byDocument,
        pending,
      );
      outcomes.push(outcome);
    } catch (err) {
      outcomes.push(failed(source.display, { reason: (err as Error).message, stage: 'store', page: null }));
    }
  }
  opts.onRegistered?.({
    pending: pending.length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    files: outcomes.length,
  });

  // Largest first: the slowest documents (scans, long PDFs) start early, so a batch does not
  // end with every worker but one idle while a big file finishes.
  pending.sort((a, b) => b.byteSize - a.byteSize);
  const totals = await opts.run(
    pending.map(({ byteSize: _size, ...ref }) => ref),
    (e) => {
      recordRunEvent(byDocument, e);
      opts.onEvent?.(e);
    },
    opts.onProgress,
  );
  return { outcomes, runner: opts.runner, totals, elapsedMs: Date.now() - started };
}

/** A runner's event, written onto the file's outcome (shared by ingest and retry). */
export function recordRunEvent(byDocument: ReadonlyMap<string, FileOutcome>, e: RunEvent): void {
  const outcome = byDocument.get(e.doc.documentId);
  if (!outcome) return;
  outcome.status = e.status === 'skipped' ? 'done' : e.status;
  outcome.pages = e.pages;
  outcome.failure = e.failure
    ? { reason: e.failure.reason, stage: e.failure.stage, page: e.failure.page }
    : null;
}

/** Registers one file and decides what happens to it. */
async function register(
  opts: IngestOptions,
  display: string,
  fileName: string,
  bytes: Buffer,
  byDocument: Map<string, FileOutcome>,
  pending: Pending[],
): Promise<FileOutcome> {
  const { sha256, storageKey } = await putBlob(bytes, opts.dataDir);
  const existing = await getDocumentBySha256(opts.store, sha256);
  const seen = existing ? byDocument.get(existing.id) : undefined;
  if (existing && seen) {
    return {
      display,
      documentId: existing.id,
      sha256,
      status: 'duplicate',
      pages: 0,
      failure: null,
      duplicateOf: seen.display,
    };
  }
  const base = { display, sha256 };
  if (existing?.status === 'done') {
    const outcome: FileOutcome = {
      ...base,
      documentId: existing.id,
      status: 'skipped',
      pages: existing.pages ?? 1,
      failure: null,
    };
    byDocument.set(existing.id, outcome);
    return outcome;
  }
  if (existing?.status === 'failed') {
    const outcome: FileOutcome = {
      ...base,
      documentId: existing.id,
      status: 'failed',
      pages: 0,
      failure: {
        reason: existing.error ?? 'unknown error',
        stage: existing.errorStage,
        page: existing.errorPage,
      },
      earlier: true,
    };
    byDocument.set(existing.id, outcome);
    return outcome;
  }
  const document =
    existing ??
    (
      await upsertDocument(
        opts.store,
        {
          sha256,
          fileName,
          mediaType: (await sniffMediaTypeDetailed(bytes, fileName)).mediaType,
          byteSize: bytes.length,
          storageKey,
        },
        'ingest',
      )
    ).document;
  const outcome: FileOutcome = {
    ...base,
    documentId: document.id,
    status: 'interrupted',
    pages: 0,
    failure: null,
  };
  byDocument.set(document.id, outcome);
  pending.push({
    documentId: document.id,
    sha256,
    storageKey,
    fileName: document.fileName,
    byteSize: bytes.length,
  });
  return outcome;
}

interface Pending extends DocumentRef {
  byteSize: number;
}

function failed(display: string, failure: FileOutcome['failure']): FileOutcome {
  return { display, documentId: null, sha256: null, status: 'failed', pages: 0, failure };
}
