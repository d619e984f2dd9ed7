/**
 * The latest run's sections and rows as reviewers see them: the extractor's raw result (kept
 * untouched in extraction_runs.result) with the effective corrections applied. Recomputed from
 * scratch after every correction, so the tables never drift from the raw result + edit history.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ExtractedFile, type Section } from '../contract/schema.js';
import { IkiError } from '../errors.js';
import { type AppliedFile, applyCorrections, type FieldCorrection } from './apply-corrections.js';
import type { Db } from './db.js';
import { sameJson } from './field-path.js';
import { corrections, documents, extractionRuns, indicatorRows, sections } from './schema.js';

/** The stored section JSON: everything but rows and flags, which have their own tables. */
export function sectionData(section: Section): Record<string, unknown> {
  const { indikator: _rows, flags: _flags, ...rest } = section;
  return rest;
}

export function fieldKey(c: { rowKey: string | null; sectionKey: string | null; path: string }): string {
  return `${c.rowKey === null ? 's' : 'r'}\u0000${c.rowKey ?? c.sectionKey}\u0000${c.path}`;
}

/** For every corrected field of a document, its latest edit that is not undone, oldest first. */
export async function effectiveCorrections(tx: Db, documentId: string): Promise<FieldCorrection[]> {
  const rows = await tx
    .select()
    .from(corrections)
    .where(and(eq(corrections.documentId, documentId), isNull(corrections.undoneAt)))
    .orderBy(asc(corrections.createdAt), asc(corrections.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const prev = latest.get(fieldKey(row));
    if (!prev || prev.version < row.version) latest.set(fieldKey(row), row);
  }
  return [...latest.values()]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.version - b.version)
    .map((c) => ({
      id: c.id,
      rowKey: c.rowKey,
      sectionKey: c.sectionKey,
      path: c.path,
      baseValue: c.baseValue,
      newValue: c.newValue,
    }));
}

/** A stored result as the contract type; a row that no longer parses is a store error, not bad input. */
export function parseStoredResult(result: unknown, runId: string): ExtractedFile {
  const parsed = ExtractedFile.safeParse(result);
  if (!parsed.success) {
    throw new IkiError('STORE_CORRUPT_RESULT', `run ${runId}: stored result does not match the contract`, {
      stage: 'store',
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export interface LatestRun {
  runId: string;
  version: number;
  raw: ExtractedFile;
}

export async function loadLatestRun(tx: Db, documentId: string): Promise<LatestRun | null> {
  const [row] = await tx
    .select({ runId: extractionRuns.id, version: extractionRuns.version, result: extractionRuns.result })
    .from(documents)
    .innerJoin(extractionRuns, eq(extractionRuns.id, documents.latestRunId))
    .where(eq(documents.id, documentId));
  if (!row) return null;
  return { runId: row.runId, version: row.version, raw: parseStoredResult(row.result, row.runId) };
}

/** The latest run with corrections applied, or null before the first extraction. */
export async function correctedLatest(
  tx: Db,
  documentId: string,
): Promise<(LatestRun & { applied: AppliedFile }) | null> {
  const latest = await loadLatestRun(tx, documentId);
  if (!latest) return null;
  const applied = applyCorrections(latest.raw, await effectiveCorrections(tx, documentId));
  return { ...latest, applied };
}

/** Rewrites the latest run's sections and rows whose corrected content changed. */
export async function rematerialise(tx: Db, documentId: string): Promise<AppliedFile | null> {
  const latest = await correctedLatest(tx, documentId);
  if (!latest) return null;
  const file = latest.applied.file;
  const storedSections = await tx
    .select({ id: sections.id, index: sections.index, data: sections.data })
    .from(sections)
    .where(eq(sections.runId, latest.runId));
  const sectionIds = storedSections.map((s) => s.id);
  const storedRows = sectionIds.length
    ? await tx
        .select({
          id: indicatorRows.id,
          sectionId: indicatorRows.sectionId,
          index: indicatorRows.index,
          data: indicatorRows.data,
          jabatan: indicatorRows.jabatan,
          unitKerja: indicatorRows.unitKerja,
        })
        .from(indicatorRows)
        .where(inArray(indicatorRows.sectionId, sectionIds))
    : [];
  const sectionIndexById = new Map(storedSections.map((s) => [s.id, s.index]));
  for (const stored of storedSections) {
    const section = file.sections[stored.index];
    if (!section) continue;
    const data = sectionData(section);
    if (sameJson(stored.data, data)) continue;
    await tx
      .update(sections)
      .set({
        title: section.title,
        kind: section.kind,
        jabatan: section.jabatan,
        unitKerja: section.unitKerja,
        data,
      })
      .where(eq(sections.id, stored.id));
  }
  for (const stored of storedRows) {
    const section = file.sections[sectionIndexById.get(stored.sectionId) ?? -1];
    const row = section?.indikator[stored.index];
    if (!section || !row) continue;
    if (
      sameJson(stored.data, row) &&
      stored.jabatan === section.jabatan &&
      stored.unitKerja === section.unitKerja
    ) {
      continue;
    }
    await tx
      .update(indicatorRows)
      .set({
        jabatan: section.jabatan,
        unitKerja: section.unitKerja,
        no: row.no,
        sasaran: row.sasaran,
        indikator: row.indikator,
        formulasi: row.formulasi,
        data: row,
      })
      .where(eq(indicatorRows.id, stored.id));
  }
  await tx
    .update(documents)
    .set({ updatedAt: sql`now()` })
    .where(eq(documents.id, documentId));
  return latest.applied;
}
