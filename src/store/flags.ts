/** Flags of the latest runs as a reviewer's work list, and the reviewer's decision on each. */
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { audit } from './audit.js';
import type { Store } from './db.js';
import { isUuid } from './documents.js';
import { NotFoundError } from './errors.js';
import { documents, flags, indicatorRows, sections } from './schema.js';
import { type Page, type Paging, pageOf } from './search.js';

export type FlagRecord = typeof flags.$inferSelect;
export type FlagStatus = FlagRecord['status'];

export interface FlagHit extends FlagRecord {
  documentId: string;
  fileName: string;
  /** Null for a file-level flag. */
  sectionIndex: number | null;
  jabatan: string | null;
  rowIndex: number | null;
}

export interface FlagFilter extends Paging {
  documentId?: string;
  code?: string;
  severity?: FlagRecord['severity'];
  status?: FlagStatus;
  jabatan?: string;
  unitKerja?: string;
}

export async function listFlags(store: Store, filter: FlagFilter = {}): Promise<Page<FlagHit>> {
  const db = store.db;
  const conds: SQL[] = [];
  if (filter.documentId !== undefined) conds.push(eq(documents.id, filter.documentId));
  if (filter.code !== undefined) conds.push(eq(flags.code, filter.code));
  if (filter.severity !== undefined) conds.push(eq(flags.severity, filter.severity));
  if (filter.status !== undefined) conds.push(eq(flags.status, filter.status));
  if (filter.jabatan) conds.push(sql`lower(${sections.jabatan}) = lower(${filter.jabatan.trim()})`);
  if (filter.unitKerja) {
    conds.push(
      sql`(lower(${sections.unitKerja}) = lower(${filter.unitKerja.trim()}) or lower(${documents.unitKerja}) = lower(${filter.unitKerja.trim()}))`,
    );
  }
  const where = and(...conds);
  const { limit, offset } = pageOf(filter);
  const rows = await db
    .select({
      flag: flags,
      documentId: documents.id,
      fileName: documents.fileName,
      sectionIndex: sections.index,
      jabatan: sections.jabatan,
      rowIndex: indicatorRows.index,
    })
    .from(flags)
    .innerJoin(documents, eq(documents.latestRunId, flags.runId))
    .leftJoin(sections, eq(sections.id, flags.sectionId))
    .leftJoin(indicatorRows, eq(indicatorRows.id, flags.rowId))
    .where(where)
    .orderBy(
      desc(documents.createdAt),
      asc(documents.id),
      sql`${sections.index} asc nulls first`,
      sql`${indicatorRows.index} asc nulls first`,
      asc(flags.path),
      asc(flags.code),
    )
    .limit(limit)
    .offset(offset);
  const [n] = await db
    .select({ n: count() })
    .from(flags)
    .innerJoin(documents, eq(documents.latestRunId, flags.runId))
    .leftJoin(sections, eq(sections.id, flags.sectionId))
    .where(where);
  return {
    items: rows.map((r) => ({
      ...r.flag,
      documentId: r.documentId,
      fileName: r.fileName,
      sectionIndex: r.sectionIndex,
      jabatan: r.jabatan,
      rowIndex: r.rowIndex,
    })),
    total: Number(n?.n ?? 0),
  };
}

/** Records a reviewer's decision on a flag (kept on later runs while the flag is unchanged). */
export async function setFlagStatus(
  store: Store,
  flagId: string,
  status: FlagStatus,
  note: string | null,
  actor: string,
): Promise<FlagRecord> {
  return store.db.transaction(async (tx) => {
    const [before] = isUuid(flagId)
      ? await tx.select().from(flags).where(eq(flags.id, flagId)).for('update')
      : [];
    if (!before) throw new NotFoundError(`no flag ${flagId}`);
    const [after] = await tx
      .update(flags)
      .set({ status, note, updatedBy: actor, updatedAt: sql`now()` })
      .where(eq(flags.id, flagId))
      .returning();
    await audit(tx, actor, 'flag.status', flagId, {
      runId: before.runId,
      code: before.code,
      path: before.path,
      from: before.status,
      to: status,
      note,
    });
    return after as FlagRecord;
  });
}
