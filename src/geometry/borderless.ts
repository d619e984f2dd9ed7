/**
 * Borderless tables from word geometry alone. A table is a run of lines whose words leave
 * vertical "rivers" of white space (column gaps) that no word crosses; it needs several columns
 * and several lines with text in more than one column. Rows: each column's lines are cut into
 * cell blocks where the gap exceeds the table's spacing between lines of one cell (cell
 * padding shows as a wider gap); a row starts where blocks of several columns start together,
 * or where a row number is printed in the first column. A block stays whole in the row where it
 * starts, so a cell printed once for several rows lands in the first of them.
 */
import type { BBox } from '../ir/geometry.js';
import type { Word } from '../ir/document.js';
import type { TextLine } from './lines.js';
import { makeLine, splitAtGaps } from './lines.js';
import { clusterObjects, median } from './cluster.js';
import type { TableSettings } from './settings.js';

/** A word covering a gap to within this many points of both sides crosses it. */
const STRADDLE_SLACK = 0.5;

/** A row number printed alone in the first column ("1", "2.", "10)") starts a new row. */
const ROW_NUMBER = /^\d{1,3}[.)]?$/;

/** Which low percentile of a table's line gaps is taken as its spacing between lines of one cell. */
const INTRA_CELL_GAP_PERCENTILE = 0.1;

/** Columns that must start a cell at the same height for a new row (one alone could be a centred cell). */
const MIN_ROW_START_COLUMNS = 2;

export interface Gap {
  x0: number;
  x1: number;
}

export interface BorderlessRow {
  top: number;
  bottom: number;
  /** Words of each column, in reading order. */
  cells: Word[][];
}

export interface BorderlessTable {
  bbox: BBox;
  /** Column boundaries left to right (columns = xs.length - 1). */
  xs: number[];
  rows: BorderlessRow[];
}

/** White gaps at least `minGap` wide between the union of the words' x-extents. */
export function columnGaps(words: readonly Word[], minGap: number): Gap[] {
  const spans = words.map((w) => [w.bbox.x0, w.bbox.x1] as const).sort((a, b) => a[0] - b[0]);
  const gaps: Gap[] = [];
  let end = -Infinity;
  for (const [x0, x1] of spans) {
    if (end > -Infinity && x0 - end >= minGap) gaps.push({ x0: end, x1: x0 });
    if (x1 > end) end = x1;
  }
  return gaps;
}

function straddles(w: Word, g: Gap): boolean {
  return w.bbox.x0 <= g.x0 + STRADDLE_SLACK && w.bbox.x1 >= g.x1 - STRADDLE_SLACK;
}

/** A low percentile of the values (robust against a stray superscript or overlap). */
function lowPercentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

interface Region {
  start: number;
  end: number; // exclusive
  gaps: Gap[];
  multi: number;
}

/** The longest run of lines from `start` that keeps its column gaps, or null when `start` has one column. */
function growRegion(lines: readonly TextLine[], start: number, s: TableSettings): Region | null {
  const first = lines[start]!;
  const minGap = s.columnGapEm * first.fontSize;
  if (splitAtGaps(first.words, minGap).length < 2) return null;
  const words = [...first.words];
  let gaps = columnGaps(words, minGap);
  let multi = 1;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const prev = lines[end - 1]!;
    if (line.bbox.top - prev.bbox.bottom > s.tableBreakGapEm * Math.max(line.fontSize, prev.fontSize)) break;
    if (line.words.some((w) => gaps.some((g) => straddles(w, g)))) break;
    const next = columnGaps([...words, ...line.words], minGap);
    if (next.length === 0) break;
    words.push(...line.words);
    gaps = next;
    if (splitAtGaps(line.words, minGap).length >= 2) multi++;
  }
  return { start, end, gaps, multi };
}

/**
 * Lines just above the region that continue its first row (the first line of a heading cell
 * that wraps, above vertically centred neighbours): as close as lines of one cell, crossing no gap.
 */
function extendUp(lines: readonly TextLine[], region: Region, floor: number, s: TableSettings): number {
  const own = lines.slice(region.start, region.end);
  const gaps = own.slice(1).map((l, i) => l.bbox.top - own[i]!.bbox.bottom);
  if (gaps.length === 0) return region.start;
  const limit = lowPercentile(gaps, INTRA_CELL_GAP_PERCENTILE) + s.rowGapExtraEm * own[0]!.fontSize;
  let start = region.start;
  while (start - 1 >= floor) {
    const above = lines[start - 1]!;
    const below = lines[start]!;
    if (below.bbox.top - above.bbox.bottom > limit) break;
    if (above.words.some((w) => region.gaps.some((g) => straddles(w, g)))) break;
    start--;
  }
  return start;
}

/** Lines of the words whose centre is in `[x0, x1)`, top to bottom. */
function columnLines(lines: readonly TextLine[], x0: number, x1: number): TextLine[] {
  const out: TextLine[] = [];
  for (const l of lines) {
    const ws = l.words.filter((w) => {
      const x = (w.bbox.x0 + w.bbox.x1) / 2;
      return x >= x0 && x < x1;
    });
    if (ws.length) out.push(makeLine(ws));
  }
  return out;
}

interface CellBlock {
  col: number;
  top: number;
  lines: TextLine[];
}

function layoutRows(lines: readonly TextLine[], xs: readonly number[], s: TableSettings): BorderlessRow[] {
  const nCols = xs.length - 1;
  const top = lines[0]!.bbox.top;
  const fontSize = median(lines.map((l) => l.fontSize)) || 10;
  const cols = Array.from({ length: nCols }, (_, c) =>
    columnLines(lines, c === 0 ? -Infinity : xs[c]!, c === nCols - 1 ? Infinity : xs[c + 1]!),
  );
  const gaps = cols.flatMap((cl) => cl.slice(1).map((l, i) => l.bbox.top - cl[i]!.bbox.bottom));
  const limit = lowPercentile(gaps, INTRA_CELL_GAP_PERCENTILE) + s.rowGapExtraEm * fontSize;

  const blocks: CellBlock[] = [];
  const starts: { y: number; col: number; forced: boolean }[] = [{ y: top, col: -1, forced: true }];
  cols.forEach((cl, c) => {
    cl.forEach((l, i) => {
      const numbered = c === 0 && ROW_NUMBER.test(l.words[0]?.text ?? '');
      const opens = i > 0 && l.bbox.top - cl[i - 1]!.bbox.bottom > limit;
      if (i === 0 || opens || numbered) blocks.push({ col: c, top: l.bbox.top, lines: [l] });
      else blocks[blocks.length - 1]!.lines.push(l);
      if (opens || numbered) starts.push({ y: l.bbox.top, col: c, forced: numbered });
    });
  });
  const tol = s.lineTolerance;
  let rowTops = clusterObjects(starts, (st) => st.y, tol)
    .filter((g) => g.some((st) => st.forced) || new Set(g.map((st) => st.col)).size >= MIN_ROW_START_COLUMNS)
    .map((g) => Math.min(...g.map((st) => st.y)));
  let units = blocks;
  if (rowTops.length < 2) {
    // No padding between rows: every line with text in several columns starts a row, and
    // each line of a column is placed on its own.
    rowTops = lines
      .filter(
        (l, i) =>
          i === 0 ||
          cols.filter((cl) => cl.some((x) => Math.abs(x.bbox.top - l.bbox.top) <= tol)).length >= 2,
      )
      .map((l) => l.bbox.top);
    units = cols.flatMap((cl, c) => cl.map((l) => ({ col: c, top: l.bbox.top, lines: [l] })));
  }
  const rows: BorderlessRow[] = rowTops.map((y) => ({
    top: y,
    bottom: y,
    cells: Array.from({ length: nCols }, () => []),
  }));
  for (const b of units) {
    let r = 0;
    while (r + 1 < rowTops.length && b.top >= rowTops[r + 1]! - tol) r++;
    const row = rows[r]!;
    for (const l of b.lines) {
      row.cells[b.col]!.push(...l.words);
      row.bottom = Math.max(row.bottom, l.bbox.bottom);
    }
  }
  return rows.filter((r) => r.cells.some((c) => c.length > 0));
}

/**
 * Borderless tables among `lines` (sorted top to bottom, words left to right), and the lines
 * that belong to none of them.
 */
export function findBorderlessTables(
  lines: readonly TextLine[],
  s: TableSettings,
): { tables: BorderlessTable[]; rest: TextLine[] } {
  const tables: BorderlessTable[] = [];
  const rest: TextLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const region = growRegion(lines, i, s);
    if (!region || region.multi < s.minBorderlessRows || region.gaps.length + 1 < s.minBorderlessColumns) {
      rest.push(lines[i]!);
      i++;
      continue;
    }
    // Lines already emitted as text above this table may still belong to its first row.
    const floor = i - countTrailing(rest, lines, i);
    const start = extendUp(lines, region, floor, s);
    rest.splice(rest.length - (region.start - start), region.start - start);
    const mine = lines.slice(start, region.end);
    const x0 = Math.min(...mine.map((l) => l.bbox.x0));
    const x1 = Math.max(...mine.map((l) => l.bbox.x1));
    const xs = [x0, ...region.gaps.map((g) => (g.x0 + g.x1) / 2), x1];
    const bbox = { x0, top: mine[0]!.bbox.top, x1, bottom: Math.max(...mine.map((l) => l.bbox.bottom)) };
    tables.push({ bbox, xs, rows: layoutRows(mine, xs, s) });
    i = region.end;
  }
  return { tables, rest };
}

/** How many of the lines just before `i` are the last entries of `rest` (not taken by a table). */
function countTrailing(rest: readonly TextLine[], lines: readonly TextLine[], i: number): number {
  let n = 0;
  while (n < rest.length && i - n - 1 >= 0 && rest[rest.length - 1 - n] === lines[i - n - 1]) n++;
  return n;
}
