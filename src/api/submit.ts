/**
 * Accepting a document: hash the bytes, keep them in the blob folder, register the document
 * (deduplicated by hash) and, when it is new or failed before, extract it.
 *
 * IN-PROCESS STAND-IN. Extraction runs here, one document at a time, on this process's event
 * loop. The queue/worker (src/queue, src/runner) replaces `createInProcessSubmitter` with one that
 * enqueues instead; the API depends only on the `Submitter` interface below.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IkiError } from '../errors.js';
import { extractFile } from '../pipeline/extract-file.js';
import { EXTRACTOR_VERSION } from '../pipeline/extract.js';
import { sniffMediaType } from '../read/media-type.js';
import {
  type DocumentRecord,
  NotFoundError,
  StateConflictError,
  type Store,
  documentErrorFrom,
  getDocument,
  listDocuments,
  recordFailedRun,
  saveExtraction,
  setDocumentStatus,
  upsertDocument,
} from '../store/repository.js';

/** Documents read per page when resuming after a restart. */
const RESUME_PAGE = 500;

export interface SubmitResult {
  document: DocumentRecord;
  /** False when the same bytes were uploaded before. */
  created: boolean;
  /** True when an extraction was scheduled by this call. */
  queued: boolean;
}

/** What the API needs from whatever processes documents. */
export interface Submitter {
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
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>;
}

export interface ExtractionEvent {
  documentId: string;
  outcome: 'done' | 'failed';
  seconds: number;
}

export interface SubmitterOptions {
  store: Store;
  /** Root of blobs (and of PGlite's folder); defaults to IKI_DATA_DIR or `.data`. */
  dataDir?: string;
  /** Told about every finished extraction (metrics). */
  onExtracted?: (e: ExtractionEvent) => void;
  /** Told about failures of the bookkeeping itself (the store went away, …). */
  onError?: (err: unknown) => void;
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

export function createInProcessSubmitter(opts: SubmitterOptions): Submitter {
  const { store } = opts;
  const dataDir = opts.dataDir ?? defaultDataDir();
  const onError = opts.onError ?? (() => undefined);
  /** Documents scheduled or running here, so one document never runs twice at once. */
  const pending = new Set<string>();
  /** Runs one extraction after another: extraction is CPU-bound and shares the API's thread. */
  let chain: Promise<void> = Promise.resolve();

  function schedule(doc: DocumentRecord, actor: string): void {
    pending.add(doc.id);
    chain = chain.then(
      () =>
        new Promise<void>((resolve) => {
          // setImmediate: the upload's response goes out before extraction takes the thread.
          setImmediate(() => {
            run(doc, actor)
              .catch(onError)
              .finally(() => {
                pending.delete(doc.id);
                resolve();
              });
          });
        }),
    );
  }

  async function run(doc: DocumentRecord, actor: string): Promise<void> {
    const startedAt = new Date();
    await setDocumentStatus(store, doc.id, 'processing');
    let outcome: ExtractionEvent['outcome'] = 'done';
    try {
      const bytes = await readBlob(dataDir, doc.storageKey ?? blobKey(doc.sha256)).catch((cause: unknown) => {
        // Not the fs message: it names server paths, and the reason is shown to API clients.
        throw new IkiError('BLOB_MISSING', 'the stored copy of the file is missing or unreadable', {
          file: doc.fileName,
          stage: 'read',
          cause,
        });
      });
      const result = await extractFile(bytes, { fileName: doc.fileName });
      await saveExtraction(store, doc.id, result, EXTRACTOR_VERSION, { actor, startedAt });
    } catch (err) {
      outcome = 'failed';
      const error = documentErrorFrom(err);
      // The reason names the file and page as IkiError.describe() does.
      if (err instanceof IkiError) error.reason = err.describe();
      await recordFailedRun(store, doc.id, EXTRACTOR_VERSION, error, { actor, startedAt });
    }
    opts.onExtracted?.({
      documentId: doc.id,
      outcome,
      seconds: (Date.now() - startedAt.getTime()) / 1000,
    });
  }

  return {
    async submitDocument(bytes, fileName, uploadedBy, meta = {}) {
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
      const retry = !created && document.status === 'failed';
      if ((!created && !retry) || pending.has(document.id)) return { document, created, queued: false };
      const queuedDoc = retry ? await setDocumentStatus(store, document.id, 'queued') : document;
      schedule(queuedDoc, uploadedBy ?? 'system');
      return { document: queuedDoc, created, queued: true };
    },

    async reextract(documentId, actor) {
      const doc = await getDocument(store, documentId);
      if (!doc) throw new NotFoundError(`no document ${documentId}`);
      if (pending.has(doc.id)) throw new StateConflictError(`document ${documentId} is already queued`);
      if (!existsSync(join(dataDir, doc.storageKey ?? blobKey(doc.sha256)))) {
        throw new StateConflictError(`the original file of document ${documentId} is not stored`);
      }
      const queued = await setDocumentStatus(store, doc.id, 'queued');
      schedule(queued, actor);
      return queued;
    },

    async resumePending() {
      const found = new Map<string, DocumentRecord>();
      for (const status of ['queued', 'processing'] as const) {
        for (let offset = 0; ; offset += RESUME_PAGE) {
          const page = await listDocuments(store, { status, limit: RESUME_PAGE, offset });
          for (const d of page.items) if (!pending.has(d.id)) found.set(d.id, d);
          if (page.items.length < RESUME_PAGE) break;
        }
      }
      for (const d of found.values()) schedule(d, 'system');
      return found.size;
    },

    async idle() {
      for (;;) {
        const current = chain;
        await current;
        if (current === chain) return;
      }
    },
  };
}
