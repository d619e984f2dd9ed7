/**
 * `iki retry`: processes failed documents again from their stored bytes (a new run is recorded
 * for each). With the queue, a document's old jobs are removed first so its flow can be added
 * again; a document whose job is running right now is left alone.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { DocumentRecord, Store } from '../store/repository.js';
import { setDocumentStatus } from '../store/repository.js';
import { documents } from '../store/schema.js';
import type { DocumentRef } from '../runner/handlers.js';
import { hasBlob, storageKeyOf } from './blobs.js';
import type { FileOutcome, IngestReport } from './ingest.js';
import { recordRunEvent } from './ingest.js';
import type { Runtime } from './runtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;

export interface RetryOptions {
  /** Also re-run documents left queued or processing (e.g. after a crash). */
  unfinished?: boolean;
  dataDir?: string;
  onNote?: (line: string) => void;
  onStart?: (total: number) => void;
  onEvent?: Parameters<Runtime['run']>[1];
  /** Where each running document is (OCR page k of n, …). */
  onProgress?: Parameters<Runtime['run']>[2];
}

/** The documents named (by id or sha256), or every failed (and, if asked, unfinished) one. */
export async function retryTargets(
  store: Store,
  names: readonly string[],
  unfinished = false,
): Promise<DocumentRecord[]> {
  if (names.length > 0) {
    const bad = names.filter((n) => !UUID.test(n) && !SHA256.test(n));
    if (bad.length > 0) throw new RangeError(`not a document id or sha256: ${bad.join(', ')}`);
    const ids = names.filter((n) => UUID.test(n));
    const shas = names.filter((n) => SHA256.test(n)).map((n) => n.toLowerCase());
    const conds = [
      ...(ids.length ? [inArray(documents.id, ids)] : []),
      ...(shas.length ? [inArray(documents.sha256, shas)] : []),
    ];
    return store.db
      .select()
      .from(documents)
      .where(or(...conds))
      .orderBy(asc(documents.createdAt));
  }
  const statuses = unfinished ? (['failed', 'queued', 'processing'] as const) : (['failed'] as const);
  return store.db
    .select()
    .from(documents)
    .where(statuses.length === 1 ? eq(documents.status, 'failed') : inArray(documents.status, [...statuses]))
    .orderBy(asc(documents.createdAt));
}

export async function retryDocuments(
  runtime: Runtime,
  targets: readonly DocumentRecord[],
  opts: RetryOptions = {},
): Promise<IngestReport> {
  const started = Date.now();
  const outcomes: FileOutcome[] = [];
  const byDocument = new Map<string, FileOutcome>();
  const docs: DocumentRef[] = [];
  for (const doc of targets) {
    const storageKey = doc.storageKey ?? storageKeyOf(doc.sha256);
    const outcome: FileOutcome = {
      display: doc.fileName,
      documentId: doc.id,
      sha256: doc.sha256,
      status: 'interrupted',
      pages: 0,
      failure: null,
    };
    outcomes.push(outcome);
    if (!hasBlob(storageKey, opts.dataDir)) {
      outcome.status = 'failed';
      outcome.failure = {
        reason: 'the stored bytes are missing; ingest the file again',
        stage: 'read',
        page: null,
      };
      continue;
    }
    if (runtime.queues && !(await runtime.queues.removeDocumentJobs(doc.sha256))) {
      opts.onNote?.(`${doc.fileName}: its job is running right now; left alone`);
      outcome.status = 'duplicate';
      continue;
    }
    await setDocumentStatus(runtime.store, doc.id, 'queued');
    byDocument.set(doc.id, outcome);
    docs.push({ documentId: doc.id, sha256: doc.sha256, storageKey, fileName: doc.fileName });
  }
  opts.onStart?.(docs.length);
  const totals = await runtime.run(
    docs,
    (e) => {
      recordRunEvent(byDocument, e);
      opts.onEvent?.(e);
    },
    opts.onProgress,
  );
  return { outcomes, runner: runtime.runner, totals, elapsedMs: Date.now() - started };
}
