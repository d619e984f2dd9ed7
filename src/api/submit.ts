/**
 * Accepting a document: hash the bytes, keep them in the blob folder, register the document
 * (deduplicated by hash) and, when it is new or failed before, hand it to the runner the CLI
 * uses: the in-process worker-thread pool (src/runner/service.ts) when REDIS_URL is unset, a
 * BullMQ flow (src/queue) when it is set, so that an API server with Redis only transports and
 * stores while workers extract. The API depends only on the `Submitter` interface below.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import type { QueueConfig } from '../queue/connection.js';
import { queueConfigFromEnv } from '../queue/connection.js';
import { queueProgress } from '../queue/progress.js';
import { PipelineQueues } from '../queue/queues.js';
import { sniffMediaType } from '../read/media-type.js';
import type { DocumentRef } from '../runner/handlers.js';
import type { RunEvent } from '../runner/in-process.js';
import type { DocumentProgress } from '../runner/progress.js';
import { progressOfStatus } from '../runner/progress.js';
import { createInProcessService } from '../runner/service.js';
import {
  type DocumentRecord,
  NotFoundError,
  StateConflictError,
  type Store,
  getDocument,
  listDocuments,
  setDocumentStatus,
  upsertDocument,
} from '../store/repository.js';
import { documents } from '../store/schema.js';

/** Documents read per page when resuming after a restart. */
const RESUME_PAGE = 500;
/** How often (ms) `idle()` asks the store whether queued documents have finished (queue runner). */
const IDLE_POLL_MS = 200;

export interface SubmitResult {
  document: DocumentRecord;
  /** False when the same bytes were uploaded before. */
  created: boolean;
  /** True when an extraction was scheduled by this call. */
  queued: boolean;
}

/** What the API needs from whatever processes documents. */
export interface Submitter {
  /** Which runner documents go to. */
  readonly runner: 'in-process' | 'queue';
  submitDocument(
    bytes: Uint8Array,
    fileName: string,
    uploadedBy: string | null,
    meta?: { unitKerja?: string | null },
  ): Promise<SubmitResult>;
  /** Extracts a stored document again (a new run); its corrections are re-applied by the store. */
  reextract(documentId: string, actor: string): Promise<DocumentRecord>;
  /** Schedules documents left queued or processing by a previous process. */
  resumePending(): Promise<number>;
  /** Each document's progress: live where a runner reports it, else what its status implies. */
  progress(docs: readonly ProgressDoc[]): Promise<Map<string, DocumentProgress>>;
  /** Resolves when nothing this submitter scheduled is queued or running (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops taking work; running documents finish (in-process) or stay with the workers (queue). */
  close(): Promise<void>;
}

/** What a progress look-up needs of a document. */
export type ProgressDoc = Pick<DocumentRecord, 'id' | 'sha256' | 'status' | 'pages'>;

export interface ExtractionEvent {
  documentId: string;
  outcome: 'done' | 'failed';
  seconds: number;
}

export interface SubmitterOptions {
  store: Store;
  /** Root of blobs (and of PGlite's folder); defaults to IKI_DATA_DIR or `.data`. */
  dataDir?: string;
  /**
   * The queue to enqueue to; defaults to REDIS_URL's. null: always in-process. The queue is used
   * only with PostgreSQL (workers must reach the same store; PGlite serves one process).
   */
  queue?: QueueConfig | null;
  /** Pool threads of the in-process runner. @defaultValue os.availableParallelism() */
  threads?: number;
  /** Page-OCR module of the in-process runner (see src/runner/page-ocr.ts). */
  pageOcrModule?: string | null;
  /** Told about every extraction finished in this process (metrics). */
  onExtracted?: (e: ExtractionEvent) => void;
  /** Told about failures of the bookkeeping itself (the store went away, …). */
  onError?: (err: unknown) => void;
  /** A note for the operator (which runner, why). */
  onNote?: (line: string) => void;
}

/** `IKI_DATA_DIR`, else `.data` (relative to the working directory). */
export function defaultDataDir(): string {
  return process.env.IKI_DATA_DIR || '.data';
}

/** `blobs/<sha[0:2]>/<sha>`, relative to the data dir: the document's storage key. */
export function blobKey(sha256: string): string {
  return join('blobs', sha256.slice(0, 2), sha256);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a blob once (write to a temporary name, then rename: a reader never sees half a file). */
export async function writeBlob(dataDir: string, sha256: string, bytes: Uint8Array): Promise<string> {
  const key = blobKey(sha256);
  const path = join(dataDir, key);
  const existing = await stat(path).catch(() => null);
  if (existing?.size === bytes.length) return key;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
  return key;
}

export function readBlob(dataDir: string, key: string): Promise<Buffer> {
  return readFile(join(dataDir, key));
}

/** The runner-backed submitter: a BullMQ flow when a queue is configured with PostgreSQL, else in-process. */
export function createSubmitter(opts: SubmitterOptions): Submitter {
  const queue = opts.queue === undefined ? queueConfigFromEnv() : opts.queue;
  if (queue && opts.store.driver !== 'pg') {
    opts.onNote?.(
      'REDIS_URL is set but DATABASE_URL is not; the embedded store serves one process, so extracting in-process',
    );
  }
  return queue && opts.store.driver === 'pg'
    ? createQueueSubmitter(opts, queue)
    : createInProcessSubmitter(opts);
}

/** Stores the bytes and registers the document; says whether it should run now. */
async function register(
  store: Store,
  dataDir: string,
  bytes: Uint8Array,
  fileName: string,
  uploadedBy: string | null,
  meta: { unitKerja?: string | null },
): Promise<{ document: DocumentRecord; created: boolean; run: boolean }> {
  const sha256 = sha256Hex(bytes);
  const storageKey = await writeBlob(dataDir, sha256, bytes);
  const { document, created } = await upsertDocument(
    store,
    {
      sha256,
      fileName,
      mediaType: sniffMediaType(bytes, fileName).mediaType,
      byteSize: bytes.length,
      storageKey,
      unitKerja: meta.unitKerja ?? null,
      uploadedBy,
    },
    uploadedBy ?? 'system',
  );
  return { document, created, run: created || document.status === 'failed' };
}

function refOf(doc: DocumentRecord): DocumentRef {
  return {
    documentId: doc.id,
    sha256: doc.sha256,
    storageKey: doc.storageKey ?? blobKey(doc.sha256),
    fileName: doc.fileName,
  };
}

async function unfinishedDocuments(store: Store): Promise<DocumentRecord[]> {
  const found: DocumentRecord[] = [];
  for (const status of ['queued', 'processing'] as const) {
    for (let offset = 0; ; offset += RESUME_PAGE) {
      const page = await listDocuments(store, { status, limit: RESUME_PAGE, offset });
      found.push(...page.items);
      if (page.items.length < RESUME_PAGE) break;
    }
  }
  return found;
}

function storedProgress(docs: readonly ProgressDoc[]): Map<string, DocumentProgress> {
  return new Map(docs.map((d) => [d.id, progressOfStatus(d.status, d.pages)]));
}

/** Documents run here, on this process's worker-thread pool (no Redis). */
export function createInProcessSubmitter(opts: SubmitterOptions): Submitter {
  const { store } = opts;
  const dataDir = resolve(opts.dataDir ?? defaultDataDir());
  const service = createInProcessService({
    store,
    blobRoot: dataDir,
    ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
    ...(opts.pageOcrModule !== undefined ? { pageOcrModule: opts.pageOcrModule } : {}),
    ...(opts.onError ? { onError: opts.onError } : {}),
    onEvent: (e: RunEvent) =>
      opts.onExtracted?.({
        documentId: e.doc.documentId,
        outcome: e.status === 'failed' ? 'failed' : 'done',
        seconds: e.ms / 1000,
      }),
  });

  return {
    runner: 'in-process',
    async submitDocument(bytes, fileName, uploadedBy, meta = {}) {
      const { document, created, run } = await register(store, dataDir, bytes, fileName, uploadedBy, meta);
      if (!run || service.has(document.id)) return { document, created, queued: false };
      const queuedDoc = created ? document : await setDocumentStatus(store, document.id, 'queued');
      service.submit(refOf(queuedDoc), { actor: uploadedBy ?? 'system' });
      return { document: queuedDoc, created, queued: true };
    },

    async reextract(documentId, actor) {
      const doc = await getDocument(store, documentId);
      if (!doc) throw new NotFoundError(`no document ${documentId}`);
      if (service.has(doc.id)) throw new StateConflictError(`document ${documentId} is already queued`);
      if (!existsSync(join(dataDir, doc.storageKey ?? blobKey(doc.sha256)))) {
        throw new StateConflictError(`the original file of document ${documentId} is not stored`);
      }
      const queued = await setDocumentStatus(store, doc.id, 'queued');
      service.submit(refOf(queued), { force: true, actor });
      return queued;
    },

    async resumePending() {
      let n = 0;
      for (const d of await unfinishedDocuments(store)) {
        if (service.submit(refOf(d), { actor: 'system' })) n++;
      }
      return n;
    },

    async progress(docs) {
      const out = storedProgress(docs);
      for (const d of docs) {
        const live = service.progress.get(d.id);
        if (live) out.set(d.id, live);
      }
      return out;
    },

    idle: () => service.idle(),
    close: () => service.close(),
  };
}

/** Documents go to the Redis queue; `iki worker` processes extract and store them. */
export function createQueueSubmitter(opts: SubmitterOptions, config: QueueConfig): Submitter {
  const { store } = opts;
  const dataDir = resolve(opts.dataDir ?? defaultDataDir());
  const queues = new PipelineQueues(config);
  /** Documents enqueued by this process and not yet seen finished (for `idle`). */
  const pending = new Set<string>();

  /** Removes a document's old jobs so its flow can be added again; false when one is running. */
  async function clearJobs(doc: DocumentRecord): Promise<boolean> {
    const state = (await queues.storeStates([doc.sha256])).get(doc.sha256);
    if (state && state !== 'unknown' && state !== 'completed' && state !== 'failed') return false;
    return queues.removeDocumentJobs(doc.sha256);
  }

  async function enqueue(doc: DocumentRecord, force: boolean): Promise<void> {
    pending.add(doc.id);
    await queues.enqueue([refOf(doc)], force ? { force: true } : {});
  }

  return {
    runner: 'queue',
    async submitDocument(bytes, fileName, uploadedBy, meta = {}) {
      const { document, created, run } = await register(store, dataDir, bytes, fileName, uploadedBy, meta);
      if (!run || !(await clearJobs(document))) return { document, created, queued: false };
      const queuedDoc = created ? document : await setDocumentStatus(store, document.id, 'queued');
      await enqueue(queuedDoc, false);
      return { document: queuedDoc, created, queued: true };
    },

    // Workers record the run as theirs ('worker'); who asked for it is in the access log.
    async reextract(documentId, _actor) {
      const doc = await getDocument(store, documentId);
      if (!doc) throw new NotFoundError(`no document ${documentId}`);
      if (!existsSync(join(dataDir, doc.storageKey ?? blobKey(doc.sha256)))) {
        throw new StateConflictError(`the original file of document ${documentId} is not stored`);
      }
      if (!(await clearJobs(doc))) throw new StateConflictError(`document ${documentId} is already queued`);
      const queued = await setDocumentStatus(store, doc.id, 'queued');
      await enqueue(queued, true);
      return queued;
    },

    async resumePending() {
      const docs = await unfinishedDocuments(store);
      // Flows are added by content hash: a document whose jobs Redis still has is left as it is.
      await queues.enqueue(docs.map(refOf));
      return docs.length;
    },

    async progress(docs) {
      const out = storedProgress(docs);
      const running = docs.filter((d) => d.status === 'queued' || d.status === 'processing');
      if (running.length === 0) return out;
      for (const [id, p] of await queueProgress(queues, running)) out.set(id, p);
      return out;
    },

    async idle() {
      while (pending.size > 0) {
        const rows = await store.db
          .select({ id: documents.id, status: documents.status })
          .from(documents)
          .where(inArray(documents.id, [...pending]));
        for (const r of rows) if (r.status === 'done' || r.status === 'failed') pending.delete(r.id);
        for (const id of [...pending]) if (!rows.some((r) => r.id === id)) pending.delete(id);
        if (pending.size > 0) await sleep(IDLE_POLL_MS);
      }
    },

    close: () => queues.close(),
  };
}
