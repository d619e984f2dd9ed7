/**
 * Pure helpers of the document view's state: finding rows by key, applying a saved value to the
 * result without touching the rows it does not change (so only the edited row re-renders), and
 * the navigation order of cards.
 */
import type { Correction, Flag, KeyedResult, Row, Section } from '../api/types';
import type { Target } from './fields';
import { setAt } from './paths';

export interface Cursor {
  section: number;
  /** Null: the form's own card. */
  row: number | null;
  /** Path of the selected field in the card, if any. */
  field: string | null;
}

/** rowKey → [section, row] and sectionKey → section, for one result. */
export interface KeyIndex {
  rows: Map<string, [number, number]>;
  sections: Map<string, number>;
}

export function indexKeys(result: KeyedResult): KeyIndex {
  const rows = new Map<string, [number, number]>();
  const sections = new Map<string, number>();
  result.sections.forEach((s, si) => {
    sections.set(s.sectionKey, si);
    s.indikator.forEach((r, ri) => rows.set(r.rowKey, [si, ri]));
  });
  return { rows, sections };
}

/** The row or section a target names, with where it is. */
export function findOwner(
  result: KeyedResult,
  index: KeyIndex,
  target: Target,
): { section: number; row: number | null; value: Row | Section } | null {
  if (target.rowKey !== undefined) {
    const at = index.rows.get(target.rowKey);
    const row = at && result.sections[at[0]]?.indikator[at[1]];
    return at && row ? { section: at[0], row: at[1], value: row } : null;
  }
  const si = target.sectionKey === undefined ? undefined : index.sections.get(target.sectionKey);
  const section = si === undefined ? undefined : result.sections[si];
  return si !== undefined && section ? { section: si, row: null, value: section } : null;
}

/** The result with one field replaced; every other row and section keeps its identity. */
export function withValue(
  result: KeyedResult,
  index: KeyIndex,
  target: Target,
  path: string,
  value: unknown,
): KeyedResult {
  const owner = findOwner(result, index, target);
  if (!owner) return result;
  const sections = [...result.sections];
  const section = sections[owner.section] as Section;
  sections[owner.section] =
    owner.row === null
      ? setAt(section, path, value)
      : setAt(section, `indikator[${owner.row}].${path}`, value);
  return { ...result, sections };
}

/** The result with one flag's decision replaced. */
export function withFlag(
  result: KeyedResult,
  id: string,
  update: Pick<Flag, 'status' | 'note'>,
): KeyedResult {
  const patchList = (flags: Flag[]) =>
    flags.some((f) => f.id === id) ? flags.map((f) => (f.id === id ? { ...f, ...update } : f)) : flags;
  const fileFlags = patchList(result.flags);
  const sections = result.sections.map((s) => {
    const flags = patchList(s.flags);
    return flags === s.flags ? s : { ...s, flags };
  });
  return { ...result, flags: fileFlags, sections };
}

export function targetKey(c: { rowKey: string | null; sectionKey: string | null }): string {
  return c.rowKey !== null ? `r|${c.rowKey}` : `s|${c.sectionKey ?? ''}`;
}

export function targetOf(t: Target): { rowKey: string | null; sectionKey: string | null } {
  return { rowKey: t.rowKey ?? null, sectionKey: t.rowKey === undefined ? (t.sectionKey ?? null) : null };
}

/** For each row or section with active corrections, their paths joined by newlines. */
export function correctedPaths(corrections: readonly Correction[]): Map<string, string> {
  const sets = new Map<string, string[]>();
  for (const c of corrections) {
    if (c.state !== 'active') continue;
    const k = targetKey(c);
    const list = sets.get(k);
    if (list) list.push(c.path);
    else sets.set(k, [c.path]);
  }
  const out = new Map<string, string>();
  for (const [k, v] of sets) out.set(k, [...new Set(v)].sort().join('\n'));
  return out;
}

/** A field's corrections, oldest version first. */
export function fieldHistory(corrections: readonly Correction[], target: Target, path: string): Correction[] {
  const t = targetOf(target);
  return corrections
    .filter(
      (c) =>
        c.rowKey === t.rowKey &&
        c.sectionKey === t.sectionKey &&
        (c.path === path || (path.startsWith('target.') && c.path === 'target')),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version - b.version);
}

/** Cards in reading order: each form's own card, then its rows. */
export function cardOrder(result: KeyedResult): Cursor[] {
  const out: Cursor[] = [];
  result.sections.forEach((s, si) => {
    out.push({ section: si, row: null, field: null });
    s.indikator.forEach((_, ri) => out.push({ section: si, row: ri, field: null }));
  });
  return out;
}
