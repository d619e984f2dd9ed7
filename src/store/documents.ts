/** Documents (one per distinct file content), their pages and their extraction runs. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { BadInputError, IkiError } from '../errors.js';
import { audit } from './audit.js';
import type { Db, Store } from './db.js';
import { NotFoundError } from './errors.js';
import { documents, extractionRuns, pages } from './schema.js';

export type DocumentRecord = typeof documents.$inferSelect;
export type DocumentStatus = DocumentRecord['status'];
export type RunRecord = Omit<typeof extractionRuns.$inferSelect, 'result'>;
export type PageRecord = Omit<typeof pages.$inferInsert, 'id' | 'documentId'>;

export interface DocumentMeta {
  sha256: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  pages?: number | null;
  storageKey?: string | null;
  unitKerja?: string | null;
  uploadedBy?: string | null;
}

/** Why a document failed, and where when known. */
export interface DocumentError {
  reason: string;
  stage?: string | null;
  page?: number | null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Registers a file by its content hash. The same bytes uploaded again return the existing
 * document (`created: false`), so nothing is processed twice.
 */
export async function upsertDocument(
  store: Store,
  meta: DocumentMeta,
  actor = 'system',
): Promise<{ document: DocumentRecord; created: boolean }> {
  const sha256 = meta.sha256.toLowerCase();
  if (!SHA256_HEX.test(sha256)) {
    throw new BadInputError('sha256 must be 64 hex digits', { stage: 'store', file: meta.fileName });
  }
  return store.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(documents)
      .values({
        sha256,
        fileName: meta.fileName,
        mediaType: meta.mediaType,
        byteSize: meta.byteSize,
        pages: meta.pages ?? null,
        storageKey: meta.storageKey ?? null,
        unitKerja: meta.unitKerja ?? null,
        uploadedBy: meta.uploadedBy ?? null,
      })
      .onConflictDoNothing({ target: documents.sha256 })
      .returning();
    const created = inserted[0];
    if (created) {
      await audit(tx, actor, 'document.create', created.id, { fileName: meta.fileName, sha256 });
      return { document: created, created: true };
    }
    const [existing] = await tx.select().from(documents).where(eq(documents.sha256, sha256));
    if (!existing) throw new IkiError('STORE_RACE', 'document vanished during upsert', { stage: 'store' });
    return { document: existing, created: false };
  });
}

export async function getDocument(store: Store, id: string): Promise<DocumentRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await store.db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

export async function getDocumentBySha256(store: Store, sha256: string): Promise<DocumentRecord | null> {
  const [row] = await store.db.select().from(documents).where(eq(documents.sha256, sha256.toLowerCase()));
  return row ?? null;
}

/** Moves a document through queued → processing → done | failed; a failure keeps its reason. */
export async function setDocumentStatus(
  store: Store,
  id: string,
  status: DocumentStatus,
  error: DocumentError | null = null,
): Promise<DocumentRecord> {
  const failed = status === 'failed';
  const [row] = await store.db
    .update(documents)
    .set({
      status,
      error: failed ? (error?.reason ?? 'unknown error') : null,
      errorStage: failed ? (error?.stage ?? null) : null,
      errorPage: failed ? (error?.page ?? null) : null,
      updatedAt: sql`now()`,
    })
    .where(eq(documents.id, id))
    .returning();
  if (!row) throw new NotFoundError(`no document ${id}`);
  return row;
}

/**
 * queued → processing, only from queued: a document already done or failed (a redelivered job,
 * a run racing another) keeps its status. Returns whether the row changed.
 */
export async function markProcessing(store: Store, id: string): Promise<boolean> {
  const rows = await store.db
    .update(documents)
    .set({ status: 'processing', updatedAt: sql`now()` })
    .where(and(eq(documents.id, id), eq(documents.status, 'queued')))
    .returning({ id: documents.id });
  return rows.length > 0;
}

/** A DocumentError from anything thrown by a stage (IkiError keeps its stage and page). */
export function documentErrorFrom(err: unknown): DocumentError {
  if (err instanceof IkiError)
    return { reason: err.message, stage: err.stage ?? null, page: err.page ?? null };
  return { reason: err instanceof Error ? err.message : String(err) };
}

/** Records (or replaces) how each page was read. */
export async function recordPages(store: Store, documentId: string, records: PageRecord[]): Promise<void> {
  if (records.length === 0) return;
  await store.db
    .insert(pages)
    .values(records.map((p) => ({ ...p, documentId })))
    .onConflictDoUpdate({
      target: [pages.documentId, pages.pageNo],
      set: {
        extraction: sql`excluded.extraction`,
        meanConfidence: sql`excluded.mean_confidence`,
        status: sql`excluded.status`,
      },
    });
}

export async function listPages(store: Store, documentId: string): Promise<(typeof pages.$inferSelect)[]> {
  return store.db.select().from(pages).where(eq(pages.documentId, documentId)).orderBy(asc(pages.pageNo));
}

/** Every run of a document, newest first, without the (large) result JSON. */
export async function listRuns(store: Store, documentId: string): Promise<RunRecord[]> {
  return store.db
    .select({
      id: extractionRuns.id,
      documentId: extractionRuns.documentId,
      version: extractionRuns.version,
      extractorVersion: extractionRuns.extractorVersion,
      status: extractionRuns.status,
      startedAt: extractionRuns.startedAt,
      finishedAt: extractionRuns.finishedAt,
      error: extractionRuns.error,
    })
    .from(extractionRuns)
    .where(eq(extractionRuns.documentId, documentId))
    .orderBy(desc(extractionRuns.version));
}

/** Locks the document row for the rest of the transaction (serialises runs and corrections). */
export async function lockDocument(tx: Db, id: string): Promise<DocumentRecord> {
  const [row] = isUuid(id) ? await tx.select().from(documents).where(eq(documents.id, id)).for('update') : [];
  if (!row) throw new NotFoundError(`no document ${id}`);
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs; a malformed one is "not found", not a database error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
