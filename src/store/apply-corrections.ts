/**
 * Applying reviewers' corrections to an extraction, without the database: the same function
 * serves re-application after a re-extraction, the corrected result the API returns, and the
 * rows the reviewer queries see. A correction that no longer fits is reported, never dropped.
 */
import { type ExtractedFile, IndikatorRow, Section } from '../contract/schema.js';
import { BadInputError } from '../errors.js';
import { getAt, type PathSegment, parsePath, sameJson, setAt } from './field-path.js';
import { type FileKeys, keyFile } from './row-key.js';

/** The effective (latest, not undone) correction of one field. */
export interface FieldCorrection {
  id: string;
  rowKey: string | null;
  sectionKey: string | null;
  path: string;
  /** The extracted value the correction was made against. */
  baseValue: unknown;
  newValue: unknown;
}

export type ConflictReason = 'target-missing' | 'path-missing' | 'value-changed' | 'invalid-result';

export interface ReapplyConflict {
  correctionId: string;
  rowKey: string | null;
  sectionKey: string | null;
  path: string;
  reason: ConflictReason;
  /** What the correction expected to find (its base value). */
  expected: unknown;
  /** What the extraction has there now (null when the row or field is gone). */
  actual: unknown;
}

export interface AppliedFile {
  /** The extraction with every fitting correction applied (a copy; the input is untouched). */
  file: ExtractedFile;
  keys: FileKeys;
  applied: string[];
  conflicts: ReapplyConflict[];
}

/** Section fields a section-level correction may not touch: rows and flags have their own ways. */
const SECTION_OWNED_ELSEWHERE = new Set(['indikator', 'flags']);

/** Rejects a path a correction of that kind of target may not use (BadInputError). */
export function checkCorrectionPath(target: 'row' | 'section', path: string): PathSegment[] {
  const segments = parsePath(path);
  const head = segments[0];
  if (target === 'section' && typeof head === 'string' && SECTION_OWNED_ELSEWHERE.has(head)) {
    throw new BadInputError(`a section correction cannot change "${head}"; correct the row or the flag`, {
      stage: 'store',
    });
  }
  return segments;
}

export interface TargetIndex {
  sections: Map<string, number>;
  rows: Map<string, [number, number]>;
}

export function indexKeys(keys: FileKeys): TargetIndex {
  const sections = new Map<string, number>();
  const rows = new Map<string, [number, number]>();
  keys.sectionKeys.forEach((k, s) => sections.set(k, s));
  keys.rowKeys.forEach((rowKeys, s) => rowKeys.forEach((k, i) => rows.set(k, [s, i])));
  return { sections, rows };
}

/** Row or section object a correction points at, or undefined when the file has no such target. */
export function findTarget(
  file: ExtractedFile,
  index: TargetIndex,
  target: { rowKey: string | null; sectionKey: string | null },
): { kind: 'row' | 'section'; section: number; row: number | null; value: unknown } | undefined {
  if (target.rowKey !== null) {
    const at = index.rows.get(target.rowKey);
    if (!at) return undefined;
    return { kind: 'row', section: at[0], row: at[1], value: file.sections[at[0]]?.indikator[at[1]] };
  }
  if (target.sectionKey !== null) {
    const s = index.sections.get(target.sectionKey);
    if (s === undefined) return undefined;
    return { kind: 'section', section: s, row: null, value: file.sections[s] };
  }
  return undefined;
}

/** Whether a corrected row or section still satisfies the contract. */
export function fitsContract(kind: 'row' | 'section', value: unknown): boolean {
  return (kind === 'row' ? IndikatorRow : Section).safeParse(value).success;
}

/**
 * Applies corrections in the given order (oldest first, so a later edit of an overlapping path
 * wins). Each is compared with the extraction's own value: when that is still the value the
 * correction was made against, the new value is applied; when it already equals the new value,
 * nothing needs doing; otherwise it is a conflict.
 */
export function applyCorrections(raw: ExtractedFile, corrections: readonly FieldCorrection[]): AppliedFile {
  const keys = keyFile(raw);
  const index = indexKeys(keys);
  const file = structuredClone(raw);
  const applied: string[] = [];
  const conflicts: ReapplyConflict[] = [];
  for (const c of corrections) {
    const conflict = (reason: ConflictReason, actual: unknown) =>
      conflicts.push({
        correctionId: c.id,
        rowKey: c.rowKey,
        sectionKey: c.sectionKey,
        path: c.path,
        reason,
        expected: c.baseValue ?? null,
        actual: actual ?? null,
      });
    const rawTarget = findTarget(raw, index, c);
    if (!rawTarget) {
      conflict('target-missing', null);
      continue;
    }
    let segments: PathSegment[];
    try {
      segments = checkCorrectionPath(rawTarget.kind, c.path);
    } catch {
      conflict('path-missing', null);
      continue;
    }
    const extracted = getAt(rawTarget.value, segments);
    if (!extracted.ok) {
      conflict('path-missing', null);
      continue;
    }
    if (sameJson(extracted.value, c.newValue)) {
      applied.push(c.id);
      continue;
    }
    if (!sameJson(extracted.value, c.baseValue)) {
      conflict('value-changed', extracted.value);
      continue;
    }
    const current = findTarget(file, index, c);
    const updated = current && setAt(current.value, segments, c.newValue);
    if (!current || updated === undefined || !fitsContract(current.kind, updated)) {
      conflict(updated === undefined ? 'path-missing' : 'invalid-result', extracted.value);
      continue;
    }
    const section = file.sections[current.section];
    if (!section) continue;
    if (current.row === null) {
      file.sections[current.section] = updated as typeof section;
    } else {
      section.indikator[current.row] = updated as (typeof section.indikator)[number];
    }
    applied.push(c.id);
  }
  return { file, keys, applied, conflicts };
}
