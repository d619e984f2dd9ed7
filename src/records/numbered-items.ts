/**
 * Sub-indicators printed as numbered items inside one row's cells ("1. Persentase A" / "2. Jumlah
 * B" in the indikator cell, "1. … / 2. …" in the formula cell beside it): one record per
 * indicator, so the row becomes one raw row per item. Only when the indikator and formula cells
 * hold the same number (two or more) of items numbered 1, 2, … (or a, b, …); the other cells are
 * split when they hold that many items too, else each sub-row shares them (the sasaran and its
 * number are carried down to the sub-rows by the records stage).
 */
import type { FieldRole, RawRow } from '../table/raw-row.js';

/** An item's number and the space after it ("2. ", "b) "), before the item's text. */
const ITEM = /^\s*(\d{1,2}|[a-z])[.)]\s+(?=\S)/;

/** The cell's lines grouped into numbered items, or null when they are not a 1, 2, … (a, b, …) list. */
export function numberedItems(lines: readonly string[] | undefined): string[][] | null {
  if (!lines?.length) return null;
  const items: string[][] = [];
  for (const l of lines) {
    const m = ITEM.exec(l);
    if (m) {
      const label = m[1]!;
      const expected = /\d/.test(label) ? String(items.length + 1) : String.fromCharCode(97 + items.length);
      if (label !== expected) return null;
      items.push([l]);
    } else if (items.length === 0) {
      if (l.trim()) return null; // text before the first item: not a list of indicators
    } else items[items.length - 1]!.push(l);
  }
  return items.length >= 2 ? items : null;
}

/** An item without its number ("2. Jumlah …" → "Jumlah …"): the number is the sub-row's, not the cell's text. */
function unnumbered(item: readonly string[]): string[] {
  return [item[0]!.replace(ITEM, ''), ...item.slice(1)];
}

export function splitNumberedItems(row: RawRow): RawRow[] {
  const ind = numberedItems(row.cells.indikator);
  const formula = numberedItems(row.cells.formulasi);
  if (!ind || !formula || formula.length !== ind.length) return [row];
  const k = ind.length;
  const out: RawRow[] = [];
  for (let i = 0; i < k; i++) {
    const cells: RawRow['cells'] = {};
    for (const [role, lines] of Object.entries(row.cells) as [FieldRole, string[]][]) {
      if (role === 'no' || role === 'sasaran' || role === 'tujuan') {
        if (i === 0) cells[role] = lines;
        continue;
      }
      const items = role === 'indikator' ? ind : role === 'formulasi' ? formula : numberedItems(lines);
      cells[role] = items && items.length === k ? unnumbered(items[i]!) : lines;
    }
    out.push({ ...row, cells, targets: i === 0 ? row.targets : {} });
  }
  return out;
}
