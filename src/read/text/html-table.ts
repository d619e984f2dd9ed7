/**
 * HTML tables inside markdown: converters (pandoc, marker, markitdown) write a table with merged
 * cells as `<table>` HTML rather than pipes. Read into the same grid as a markdown table: one
 * TableCell per grid slot, a merged cell's text in its first slot with its rowSpan/colSpan, the
 * slots it covers empty. Cell content keeps its inline markup (`<br>`, `<i>`, entities), which
 * the later cleaning handles as for markdown cells; paragraphs become `<br>` line breaks.
 */
import type { TableBlock, TableCell, TableRow } from '../../ir/document.js';

/** Most rows and columns read from one HTML table (a bound on hostile input). */
const MAX_ROWS = 2_000;
const MAX_COLS = 60;
/** Largest rowspan/colspan honoured. */
const MAX_SPAN = 200;

const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/gi;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)(?=<\/?(?:td|th|tr)\b|<\/table>|$)/gi;

const SPAN = {
  rowspan: /\browspan\s*=\s*["']?(\d{1,4})/i,
  colspan: /\bcolspan\s*=\s*["']?(\d{1,4})/i,
};

function spanOf(attrs: string, name: keyof typeof SPAN): number {
  const m = SPAN[name].exec(attrs);
  return m ? Math.min(MAX_SPAN, Math.max(1, Number(m[1]))) : 1;
}

function cellText(inner: string): string {
  return inner
    .replace(/<\/(?:td|th)>/gi, '')
    .replace(/<\/p>\s*<p\b[^>]*>/gi, '<br>')
    .replace(/<\/?p\b[^>]*>/gi, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** The grid of one `<table>…</table>` string. */
export function htmlTable(html: string, lineNo: number): TableBlock {
  const grid: (TableCell | null)[][] = [];
  // Slots covered by a rowspan from above: row → columns.
  const covered = new Map<number, Set<number>>();
  let r = 0;
  for (const tr of html.matchAll(ROW)) {
    if (r >= MAX_ROWS) break;
    const row: (TableCell | null)[] = [];
    const taken = covered.get(r) ?? new Set<number>();
    let col = 0;
    for (const td of tr[1]!.matchAll(CELL)) {
      while (taken.has(col)) row[col++] = null;
      if (col >= MAX_COLS) break;
      const rowSpan = spanOf(td[2]!, 'rowspan');
      const colSpan = spanOf(td[2]!, 'colspan');
      const cell: TableCell = { text: cellText(td[3]!), bbox: null };
      if (rowSpan > 1) cell.rowSpan = rowSpan;
      if (colSpan > 1) cell.colSpan = colSpan;
      row[col] = cell;
      for (let k = 1; k < colSpan && col + k < MAX_COLS; k++) row[col + k] = null;
      for (let dr = 1; dr < rowSpan; dr++) {
        const set = covered.get(r + dr) ?? new Set<number>();
        for (let k = 0; k < colSpan; k++) set.add(col + k);
        covered.set(r + dr, set);
      }
      col += colSpan;
    }
    while (taken.has(col)) row[col++] = null;
    grid.push(row);
    covered.delete(r);
    r++;
  }
  const width = Math.min(MAX_COLS, Math.max(0, ...grid.map((x) => x.length)));
  const rows: TableRow[] = grid.map((slots) => ({
    cells: Array.from({ length: width }, (_, k) => slots[k] ?? { text: '', bbox: null }),
    page: null,
    bbox: null,
  }));
  return { kind: 'table', rows, origin: 'html', page: null, bbox: null, lineNo };
}
