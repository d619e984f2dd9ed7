/** JSON paths of flags, how rows are named in messages, and the order flags are listed in. */
import type { Flag } from '../contract/schema.js';
import type { IndikatorRow } from '../contract/schema.js';

export const rowPath = (i: number): string => `indikator[${i}]`;

/** "row no 7 (indikator[6])", or "indikator[6]" when the table has no NO column. */
export function rowLabel(row: Pick<IndikatorRow, 'no'>, i: number): string {
  return row.no !== null && row.no.trim() !== '' ? `row no ${row.no} (${rowPath(i)})` : rowPath(i);
}

/** A cell quoted in a message, shortened so one long formula does not swamp the report. */
export const MAX_QUOTE_CHARS = 160;

export function quote(text: string, max = MAX_QUOTE_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

/**
 * Sort key of a flag: rows first (by row index), then signature blocks (by index), then the
 * place-and-date line, then anything else (section header fields, unparsed text).
 */
function orderKey(path: string | null): [number, number] {
  if (path === null) return [4, 0];
  const row = /^indikator\[(\d+)\]/.exec(path);
  if (row?.[1] !== undefined) return [0, Number(row[1])];
  const signer = /^penandatangan\[(\d+)\]/.exec(path);
  if (signer?.[1] !== undefined) return [1, Number(signer[1])];
  if (path === 'tanggal' || path === 'tempat') return [2, 0];
  return [3, 0];
}

/** Stable sort by orderKey: flags with the same key keep the order the rules produced them in. */
export function sortFlags(flags: Flag[]): Flag[] {
  return flags
    .map((flag, i) => ({ flag, i, key: orderKey(flag.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.i - b.i)
    .map((x) => x.flag);
}
