/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, quote, CR or LF, quotes doubled. Prefixed with a UTF-8 byte-order mark so Excel reads
 * the Indonesian text as UTF-8 rather than the local code page.
 */
import type { Cell, Table } from './table.js';

export const UTF8_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet treat a cell as a formula. A text cell starting with one
 * gets a leading apostrophe (the OWASP advice against CSV injection); numbers are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
