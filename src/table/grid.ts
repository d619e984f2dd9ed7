/**
 * Grid tables (markdown, tab exports, PDF grids, docx): find the heading row by vocabulary,
 * map every column to a field, drop repeated headings, and continue a table that was split
 * (a second table with no heading and the same number of columns continues the first).
 */
import type { TableBlock, TableRow } from '../ir/document.js';
import { stripMarkup } from '../text/clean.js';
import type { FieldRole, RawRow, RawTable } from './raw-row.js';
import type { ColumnRole, HeaderColumn } from './vocabulary.js';
import { YEAR, headingScore, resolveColumns, roleOfHeaderCell } from './vocabulary.js';

function cellLines(text: string): string[] {
  return stripMarkup(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Share of a cell's words that must be heading vocabulary for the cell to read as a heading. */
const HEADING_CELL_SHARE = 0.5;
/** Share of a row's non-empty cells that must read as headings. */
const HEADING_ROW_SHARE = 0.75;
/** A cell longer than this (characters, markup stripped) is data, never a column heading. */
const MAX_HEADING_CELL_CHARS = 120;

/** The columns named by a heading row, or null when the row is not a heading. */
export function headingColumns(row: TableRow): HeaderColumn[] | null {
  const stripped = row.cells.map((c) => stripMarkup(c.text));
  // Every data row of every table is asked, so the cheap tests that reject a data row come
  // first: headings are short, and made of heading words (a data row mentioning "Sumber Daya"
  // or "Kinerja" is not one).
  const texts = stripped.map((t) => t.trim()).filter(Boolean);
  if (texts.some((t) => t.length > MAX_HEADING_CELL_CHARS)) return null;
  if (!mostlyHeadingWords(texts)) return null;
  const seen = new Set<ColumnRole>();
  const cols = stripped.map((t) => {
    const h = roleOfHeaderCell(t, seen);
    seen.add(h.role);
    return h;
  });
  const roles = new Set(cols.map((c) => c.role));
  const strong = ['sasaran', 'indikator', 'formulasi', 'sumberData'].filter((r) =>
    roles.has(r as ColumnRole),
  );
  if (strong.length < 2 || !(roles.has('indikator') || roles.has('sasaran'))) return null;
  return resolveColumns(cols);
}

/**
 * True when at least HEADING_ROW_SHARE of the cells read as headings; stops as soon as the
 * cells left cannot reach that share.
 */
function mostlyHeadingWords(texts: readonly string[]): boolean {
  const needed = texts.length * HEADING_ROW_SHARE;
  let headingLike = 0;
  for (let i = 0; i < texts.length; i++) {
    if (headingLike + (texts.length - i) < needed) return false;
    if (headingScore(texts[i]!).share >= HEADING_CELL_SHARE) headingLike++;
  }
  return headingLike >= needed;
}

/** Year sub-headings under a TARGET heading ("2018 | 2019 | …"), by column position. */
function yearRow(row: TableRow): (string | null)[] | null {
  const ys = row.cells.map((c) => {
    // A narrow year column wraps its heading: "20" / "18".
    const m = /\b((?:19|20)\d\d)\b/.exec(c.text.replace(/\b(19|20)\s+(\d\d)\b/g, '$1$2'));
    return m && YEAR.test(m[1]!) ? m[1]! : null;
  });
  return ys.filter(Boolean).length >= 2 ? ys : null;
}

function isEmptyRow(row: TableRow): boolean {
  return row.cells.every((c) => !stripMarkup(c.text).trim());
}

export function tablesFromGrids(blocks: readonly TableBlock[]): RawTable[] {
  const tables: RawTable[] = [];
  let columns: HeaderColumn[] | null = null;
  let current: RawTable | null = null;
  for (const block of blocks) {
    let startRow = 0;
    const firstNonEmpty = block.rows.findIndex((r) => !isEmptyRow(r));
    const head = firstNonEmpty >= 0 ? headingColumns(block.rows[firstNonEmpty]!) : null;
    if (head) {
      startRow = firstNonEmpty + 1;
      const next = block.rows[startRow];
      const years = next ? yearRow(next) : null;
      if (years) {
        head.forEach((c, i) => {
          if (years[i] && c.role !== 'baseline') {
            c.role = 'target';
            c.year = years[i]!;
          }
        });
        startRow++;
      }
      const sameAsBefore =
        columns &&
        current &&
        columns.length === head.length &&
        columns.every((c, i) => c.role === head[i]!.role);
      columns = head;
      if (!sameAsBefore || !current) {
        current = {
          roles: head.map((c) => c.role),
          years: head.filter((c) => c.year).map((c) => c.year!),
          percentYears: head.some((c) => c.year && c.label.includes('%')),
          rows: [],
          wrappedLines: block.origin !== 'markdown' && block.origin !== 'html' && block.origin !== 'tsv',
          origin: block.origin,
        };
        tables.push(current);
      }
    } else if (!columns || !current) {
      continue; // a grid with no heading and nothing to continue is not an indicator table
    } else if (Math.abs(gridWidth(block) - columns.length) > 1) {
      continue; // a grid of another shape below the table (a note, a legend) does not continue it
    }
    let firstOnPage = true;
    for (const row of block.rows.slice(startRow)) {
      if (isEmptyRow(row)) continue;
      if (headingColumns(row)) continue; // heading repeated on a new page
      const raw = toRawRow(row, columns!);
      const before = current!.rows[current!.rows.length - 1];
      if (firstOnPage && before && splitAcrossPages(before, raw, current!.roles)) mergeInto(before, raw);
      else current!.rows.push(raw);
      firstOnPage = false;
    }
  }
  return tables;
}

/** The number of columns of a grid: its rows' most common cell count. */
function gridWidth(block: TableBlock): number {
  const counts = new Map<number, number>();
  for (const r of block.rows)
    if (!isEmptyRow(r)) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && w > best)) [best, n] = [w, c];
  return best;
}

/**
 * The first row of a table's next page is the rest of the last row of the page before when Word
 * or LibreOffice let that row break across the pages (their default): it has no number of its
 * own, and it carries on a sasaran (which a row without a number never opens in a numbered table),
 * a cell that goes on in lower case ("… yang | disusun"), or only the columns after the indikator.
 */
function splitAcrossPages(before: RawRow, row: RawRow, roles: readonly ColumnRole[]): boolean {
  if (before.page === null || row.page === null || row.page <= before.page) return false;
  if (row.cells.no?.length) return false;
  const lowercaseGoesOn = Object.values(row.cells).some((lines) => /^[a-z]/.test(lines?.[0] ?? ''));
  const sasaranGoesOn = roles.includes('no') && !!row.cells.sasaran?.length;
  // A row of its own always has an indikator; the rest of a broken row may hold only the
  // columns whose text was longest ("Kecamatan | Laporan Keuangan, LKIP").
  const onlyTail = roles.includes('indikator') && !row.cells.indikator?.length && !row.cells.sasaran?.length;
  return lowercaseGoesOn || sasaranGoesOn || onlyTail;
}

function mergeInto(before: RawRow, row: RawRow): void {
  for (const [role, lines] of Object.entries(row.cells) as [FieldRole, string[]][])
    before.cells[role] = [...(before.cells[role] ?? []), ...lines];
  for (const [year, t] of Object.entries(row.targets)) before.targets[year] ??= t;
  if (row.confidence) {
    before.confidence ??= {};
    for (const [role, c] of Object.entries(row.confidence) as [FieldRole, number][])
      before.confidence[role] = Math.min(before.confidence[role] ?? 100, c);
  }
}

function toRawRow(row: TableRow, columns: readonly HeaderColumn[]): RawRow {
  const raw: RawRow = { cells: {}, targets: {}, page: row.page, bbox: row.bbox };
  const cells = row.cells;
  // A row with one cell too many or too few (a stray pipe) is aligned from the left.
  columns.forEach((col, i) => {
    const c = cells[i];
    if (!c) return;
    if (col.role === 'target' && col.year) {
      const t = stripMarkup(c.text).trim();
      if (t) raw.targets[col.year] = t;
      return;
    }
    if (col.role === 'unknown' || col.role === 'target') return;
    const lines = cellLines(c.text);
    const role = col.role as FieldRole;
    if (lines.length) raw.cells[role] = [...(raw.cells[role] ?? []), ...lines];
    if (c.confidence !== undefined) {
      raw.confidence ??= {};
      raw.confidence[role] = Math.min(raw.confidence[role] ?? 100, c.confidence);
    }
    if ((c.rowSpan ?? 1) > 1) {
      // Remember spans so the records stage can carry the value down exactly.
      raw.spans ??= {};
      raw.spans[role] = c.rowSpan!;
    }
  });
  return raw;
}
