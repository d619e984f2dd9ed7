/**
 * Saving extraction runs and reading results. A re-extraction is a new, numbered run; the old one
 * is kept. Reviewers' corrections are re-applied to the new run by row identity, and any that no
 * longer fits is stored as a conflict for the reviewer.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, max, ne, sql } from 'drizzle-orm';
import { ExtractedFile, type Flag } from '../contract/schema.js';
import { BadInputError } from '../errors.js';
import { applyCorrections, type ReapplyConflict } from './apply-corrections.js';
import { audit } from './audit.js';
import type { Db, Store } from './db.js';
import { type DocumentError, isUuid, lockDocument } from './documents.js';
import { NotFoundError } from './errors.js';
import { correctedLatest, effectiveCorrections, parseStoredResult, sectionData } from './materialise.js';
import { correctionConflicts, documents, extractionRuns, flags, indicatorRows, sections } from './schema.js';

/** Rows per multi-row INSERT: keeps every statement far below PostgreSQL's 65 535 parameters. */
export const INSERT_BATCH = 500;

export interface SaveExtractionOptions {
  /** Who triggered the run, for the audit log. */
  actor?: string;
  /** When extraction began (defaults to now). */
  startedAt?: Date;
}

export interface StoredConflict extends ReapplyConflict {
  id: string;
}

export interface SaveExtractionResult {
  runId: string;
  version: number;
  /** Corrections that apply to the new run (including those the extractor now gets right itself). */
  reapplied: number;
  conflicts: StoredConflict[];
  /** Flags whose reviewer decision (accepted/dismissed) was carried over from the previous run. */
  flagsCarried: number;
}

const ROW_PATH = /^indikator\[(\d+)\]/;

/**
 * Stores a new run of a document in one transaction: the raw result, its sections, rows (with
 * their stable row keys) and flags; re-applies the document's corrections; marks the document
 * done. Runs of one document are serialised by a row lock, so versions never collide.
 */
export async function saveExtraction(
  store: Store,
  documentId: string,
  result: ExtractedFile,
  extractorVersion: string,
  opts: SaveExtractionOptions = {},
): Promise<SaveExtractionResult> {
  const parsed = ExtractedFile.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `extraction result does not match the contract: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      { stage: 'store', file: result?.source?.file },
    );
  }
  const raw = parsed.data;
  return store.db.transaction(async (tx) => {
    const doc = await lockDocument(tx, documentId);
    if (raw.source.sha256 !== doc.sha256) {
      throw new BadInputError(`result is for ${raw.source.sha256}, document ${documentId} is ${doc.sha256}`, {
        stage: 'store',
        file: raw.source.file,
      });
    }
    const [{ last } = { last: null }] = await tx
      .select({ last: max(extractionRuns.version) })
      .from(extractionRuns)
      .where(eq(extractionRuns.documentId, documentId));
    const version = (last ?? 0) + 1;
    const runId = randomUUID();
    await tx.insert(extractionRuns).values({
      id: runId,
      documentId,
      version,
      extractorVersion,
      status: 'done',
      startedAt: opts.startedAt ?? new Date(),
      finishedAt: new Date(),
      // The caller's object, not zod's copy: keys the schema does not know are kept.
      result,
    });

    const applied = applyCorrections(raw, await effectiveCorrections(tx, documentId));
    const file = applied.file;
    const sectionIds = file.sections.map(() => randomUUID());
    const rowIds = file.sections.map((s) => s.indikator.map(() => randomUUID()));
    const sectionValues = file.sections.map((s, i) => ({
      id: sectionIds[i] as string,
      runId,
      index: i,
      sectionKey: applied.keys.sectionKeys[i] as string,
      title: s.title,
      kind: s.kind,
      jabatan: s.jabatan,
      unitKerja: s.unitKerja,
      data: sectionData(s),
    }));
    for (const batch of batches(sectionValues)) await tx.insert(sections).values(batch);
    const rowValues = file.sections.flatMap((s, si) =>
      s.indikator.map((row, ri) => ({
        id: rowIds[si]?.[ri] as string,
        runId,
        sectionId: sectionIds[si] as string,
        index: ri,
        rowKey: applied.keys.rowKeys[si]?.[ri] as string,
        jabatan: s.jabatan,
        unitKerja: s.unitKerja,
        no: row.no,
        sasaran: row.sasaran,
        indikator: row.indikator,
        formulasi: row.formulasi,
        data: row,
      })),
    );
    for (const batch of batches(rowValues)) await tx.insert(indicatorRows).values(batch);

    const carried = await previousDecisions(tx, doc.latestRunId);
    let flagsCarried = 0;
    const flagValues = [
      ...raw.flags.map((f) => ({ flag: f, section: null as number | null })),
      ...raw.sections.flatMap((s, si) => s.flags.map((f) => ({ flag: f, section: si as number | null }))),
    ].map(({ flag, section }) => {
      const rowIndex = section === null ? null : rowIndexOf(flag);
      const rowId = section === null || rowIndex === null ? null : (rowIds[section]?.[rowIndex] ?? null);
      const rowKey =
        rowId === null || section === null ? null : (applied.keys.rowKeys[section]?.[rowIndex!] ?? null);
      const owner = rowKey ?? (section === null ? '' : (applied.keys.sectionKeys[section] ?? ''));
      const decision = carried.get(decisionKey(owner, flag));
      if (decision) flagsCarried++;
      return {
        runId,
        sectionId: section === null ? null : (sectionIds[section] ?? null),
        rowId,
        rowKey,
        code: flag.code,
        severity: flag.severity,
        path: flag.path,
        message: flag.message,
        suggestion: flag.suggestion,
        ...(decision ?? {}),
      };
    });
    for (const batch of batches(flagValues)) await tx.insert(flags).values(batch);

    const conflicts: StoredConflict[] = applied.conflicts.map((c) => ({ ...c, id: randomUUID() }));
    const conflictValues = conflicts.map((c) => ({
      id: c.id,
      documentId,
      runId,
      correctionId: c.correctionId,
      reason: c.reason,
      expected: c.expected,
      actual: c.actual,
    }));
    for (const batch of batches(conflictValues)) await tx.insert(correctionConflicts).values(batch);

    await tx
      .update(documents)
      .set({
        latestRunId: runId,
        status: 'done',
        error: null,
        errorStage: null,
        errorPage: null,
        pages: doc.pages ?? raw.source.pages,
        unitKerja: doc.unitKerja ?? raw.sections.find((s) => s.unitKerja)?.unitKerja ?? null,
        updatedAt: sql`now()`,
      })
      .where(eq(documents.id, documentId));
    await audit(tx, opts.actor ?? 'system', 'extraction.save', documentId, {
      runId,
      version,
      extractorVersion,
      reapplied: applied.applied.length,
      conflicts: conflicts.length,
    });
    return { runId, version, reapplied: applied.applied.length, conflicts, flagsCarried };
  });
}

/**
 * Records a failed extraction attempt as a run (status failed, no result) and marks the document
 * failed. The latest good run, if any, stays the one reviewers see.
 */
export async function recordFailedRun(
  store: Store,
  documentId: string,
  extractorVersion: string,
  error: DocumentError,
  opts: SaveExtractionOptions = {},
): Promise<{ runId: string; version: number }> {
  return store.db.transaction(async (tx) => {
    await lockDocument(tx, documentId);
    const [{ last } = { last: null }] = await tx
      .select({ last: max(extractionRuns.version) })
      .from(extractionRuns)
      .where(eq(extractionRuns.documentId, documentId));
    const version = (last ?? 0) + 1;
    const [run] = await tx
      .insert(extractionRuns)
      .values({
        documentId,
        version,
        extractorVersion,
        status: 'failed',
        startedAt: opts.startedAt ?? new Date(),
        finishedAt: new Date(),
        error: error.reason,
      })
      .returning({ id: extractionRuns.id });
    await tx
      .update(documents)
      .set({
        status: 'failed',
        error: error.reason,
        errorStage: error.stage ?? null,
        errorPage: error.page ?? null,
        updatedAt: sql`now()`,
      })
      .where(eq(documents.id, documentId));
    await audit(tx, opts.actor ?? 'system', 'extraction.fail', documentId, {
      version,
      extractorVersion,
      ...error,
    });
    return { runId: (run as { id: string }).id, version };
  });
}

/** Index of the row a section flag's path points into (`indikator[3].target.2020` → 3). */
function rowIndexOf(flag: Flag): number | null {
  const m = flag.path === null ? null : ROW_PATH.exec(flag.path);
  return m ? Number(m[1]) : null;
}

/** Identity of a flag across runs: its owner (row or section key), code, path within the row, message. */
function decisionKey(owner: string, flag: { code: string; path: string | null; message: string }): string {
  const relPath = (flag.path ?? '').replace(ROW_PATH, 'indikator[*]');
  return [owner, flag.code, relPath, flag.message].join('\u0000');
}

type Decision = Pick<typeof flags.$inferInsert, 'status' | 'note' | 'updatedBy' | 'updatedAt'>;

/** Reviewer decisions on the previous run's flags, so an unchanged flag keeps them. */
async function previousDecisions(tx: Db, previousRunId: string | null): Promise<Map<string, Decision>> {
  const out = new Map<string, Decision>();
  if (previousRunId === null) return out;
  const rows = await tx
    .select({
      rowKey: flags.rowKey,
      sectionKey: sections.sectionKey,
      code: flags.code,
      path: flags.path,
      message: flags.message,
      status: flags.status,
      note: flags.note,
      updatedBy: flags.updatedBy,
      updatedAt: flags.updatedAt,
    })
    .from(flags)
    .leftJoin(sections, eq(sections.id, flags.sectionId))
    .where(and(eq(flags.runId, previousRunId), ne(flags.status, 'open')));
  for (const r of rows) {
    out.set(decisionKey(r.rowKey ?? r.sectionKey ?? '', r), {
      status: r.status,
      note: r.note,
      updatedBy: r.updatedBy,
      updatedAt: r.updatedAt,
    });
  }
  return out;
}

/** Splits a multi-row insert into statements of at most INSERT_BATCH rows. */
function batches<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += INSERT_BATCH) out.push(values.slice(i, i + INSERT_BATCH));
  return out;
}

/** The latest result of a document with every fitting correction applied; null before any run. */
export async function getLatestResult(store: Store, documentId: string): Promise<ExtractedFile | null> {
  if (!isUuid(documentId)) return null;
  const latest = await correctedLatest(store.db, documentId);
  return latest ? latest.applied.file : null;
}

/** One run's raw result, exactly as the extractor produced it (no corrections). */
export async function getRunResult(store: Store, runId: string): Promise<ExtractedFile> {
  const [row] = isUuid(runId)
    ? await store.db
        .select({ result: extractionRuns.result })
        .from(extractionRuns)
        .where(eq(extractionRuns.id, runId))
    : [];
  if (!row) throw new NotFoundError(`no run ${runId}`);
  return parseStoredResult(row.result, runId);
}
