/**
 * Reviewer queries over the latest run of each document: filters by status, unit kerja, jabatan
 * and flag code (all indexed), and full-text search (tsvector, 'simple' config) over
 * jabatan, sasaran, indikator and formulasi.
 */
import { type AnyColumn, and, asc, count, desc, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import type { IndikatorRow } from '../contract/schema.js';
import type { Store } from './db.js';
import type { DocumentRecord, DocumentStatus } from './documents.js';
import { documents, flags, indicatorRows, sections } from './schema.js';

/** Page size when the caller gives none. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 500;
/** Longest free-text query accepted; longer input is cut (a search box, not a document). */
export const MAX_QUERY_LENGTH = 200;

export interface Paging {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ReviewFilter extends Paging {
  status?: DocumentStatus;
  unitKerja?: string;
  jabatan?: string;
  flagCode?: string;
  /** Free text: words (all must match), "quoted phrases", -excluded, OR. */
  q?: string;
}

export function pageOf(p: Paging): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(p.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(p.offset ?? 0), 0);
  return { limit, offset };
}

/** The tsquery for a user's text, or null when there is nothing to search for. */
export function tsQuery(q: string | undefined): SQL | null {
  const text = q?.trim().slice(0, MAX_QUERY_LENGTH);
  return text ? sql`websearch_to_tsquery('simple', ${text})` : null;
}

function sameText(column: SQL | AnyColumn, value: string): SQL {
  return sql`lower(${column}) = lower(${value.trim()})`;
}

/** Documents matching every given filter; jabatan, flag code and text look at the latest run. */
export async function listDocuments(store: Store, filter: ReviewFilter = {}): Promise<Page<DocumentRecord>> {
  const db = store.db;
  const conds: SQL[] = [];
  if (filter.status !== undefined) conds.push(eq(documents.status, filter.status));
  if (filter.unitKerja) {
    conds.push(
      or(
        sameText(documents.unitKerja, filter.unitKerja),
        exists(
          db
            .select({ one: sql`1` })
            .from(sections)
            .where(
              and(eq(sections.runId, documents.latestRunId), sameText(sections.unitKerja, filter.unitKerja)),
            ),
        ),
      ) as SQL,
    );
  }
  if (filter.jabatan) {
    conds.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(sections)
          .where(and(eq(sections.runId, documents.latestRunId), sameText(sections.jabatan, filter.jabatan))),
      ),
    );
  }
  if (filter.flagCode) {
    conds.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(flags)
          .where(and(eq(flags.runId, documents.latestRunId), eq(flags.code, filter.flagCode))),
      ),
    );
  }
  const query = tsQuery(filter.q);
  if (query) {
    conds.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(indicatorRows)
          .where(
            and(eq(indicatorRows.runId, documents.latestRunId), sql`${indicatorRows.search} @@ ${query}`),
          ),
      ),
    );
  }
  const where = and(...conds);
  const { limit, offset } = pageOf(filter);
  const items = await db
    .select()
    .from(documents)
    .where(where)
    .orderBy(desc(documents.createdAt), asc(documents.id))
    .limit(limit)
    .offset(offset);
  return { items, total: await total(db.select({ n: count() }).from(documents).where(where)) };
}

async function total(q: PromiseLike<{ n: number }[]>): Promise<number> {
  const [row] = await q;
  return Number(row?.n ?? 0);
}

export interface RowHit {
  documentId: string;
  fileName: string;
  runId: string;
  sectionId: string;
  sectionIndex: number;
  sectionKey: string;
  rowId: string;
  index: number;
  rowKey: string;
  jabatan: string | null;
  unitKerja: string | null;
  no: string | null;
  sasaran: string | null;
  indikator: string | null;
  formulasi: string | null;
  /** The row with corrections applied. */
  data: IndikatorRow;
}

export interface RowFilter extends ReviewFilter {
  documentId?: string;
}

/** Indicator rows of the latest runs; with `q`, best matches first. */
export async function queryRows(store: Store, filter: RowFilter = {}): Promise<Page<RowHit>> {
  const db = store.db;
  const conds: SQL[] = [];
  if (filter.documentId !== undefined) conds.push(eq(documents.id, filter.documentId));
  if (filter.status !== undefined) conds.push(eq(documents.status, filter.status));
  if (filter.unitKerja) {
    // The extraction's unit kerja, or the one given at upload.
    conds.push(
      or(
        sameText(indicatorRows.unitKerja, filter.unitKerja),
        sameText(documents.unitKerja, filter.unitKerja),
      ) as SQL,
    );
  }
  if (filter.jabatan) conds.push(sameText(indicatorRows.jabatan, filter.jabatan));
  if (filter.flagCode) {
    conds.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(flags)
          .where(and(eq(flags.rowId, indicatorRows.id), eq(flags.code, filter.flagCode))),
      ),
    );
  }
  const query = tsQuery(filter.q);
  if (query) conds.push(sql`${indicatorRows.search} @@ ${query}`);
  const where = and(...conds);
  const { limit, offset } = pageOf(filter);
  const order = [
    ...(query ? [sql`ts_rank(${indicatorRows.search}, ${query}) desc`] : []),
    desc(documents.createdAt),
    asc(documents.id),
    asc(sections.index),
    asc(indicatorRows.index),
  ];
  const rows = await db
    .select({
      documentId: documents.id,
      fileName: documents.fileName,
      runId: indicatorRows.runId,
      sectionId: sections.id,
      sectionIndex: sections.index,
      sectionKey: sections.sectionKey,
      rowId: indicatorRows.id,
      index: indicatorRows.index,
      rowKey: indicatorRows.rowKey,
      jabatan: indicatorRows.jabatan,
      unitKerja: indicatorRows.unitKerja,
      no: indicatorRows.no,
      sasaran: indicatorRows.sasaran,
      indikator: indicatorRows.indikator,
      formulasi: indicatorRows.formulasi,
      data: indicatorRows.data,
    })
    .from(indicatorRows)
    .innerJoin(documents, eq(documents.latestRunId, indicatorRows.runId))
    .innerJoin(sections, eq(sections.id, indicatorRows.sectionId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const n = await total(
    db
      .select({ n: count() })
      .from(indicatorRows)
      .innerJoin(documents, eq(documents.latestRunId, indicatorRows.runId))
      .where(where),
  );
  return { items: rows.map((r) => ({ ...r, data: r.data as IndikatorRow })), total: n };
}
