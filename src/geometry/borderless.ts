/**
 * Borderless tables from word geometry alone. A table is a run of lines whose words leave
 * vertical "rivers" of white space (column gaps) that no word crosses; it needs several columns
 * and several lines with text in more than one column. A river as wide as `columnGapEm` is a
 * column gap; a narrower one (a word processor's cell padding) is one when it stays white over
 * the table with text on both sides on several lines and is clearly wider than the spaces
 * between words. The table ends before a line of running text that fills one of its gaps with
 * ordinary spaces, and before a form label ("Jabatan :") or a line in another type size at its
 * left edge.
 *
 * Rows: each column's lines are cut into cell blocks where the gap exceeds the table's spacing
 * between lines of one cell (cell padding shows as a wider gap); a row is made of blocks of
 * several columns that start together (cells at the top) or share their vertical middle (cells
 * centred, as Writer prints a table without borders), or starts where a row number is printed in
 * the first column. Any other block stays whole in the row where it starts, or, centred on
 * several rows that print nothing in its column, in the first of them, so a cell printed once for
 * several rows lands in the first of them.
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

/** A narrower river is a column gap only when this many lines have text on both of its sides. */
const MIN_RIVER_LINES = 3;

/** …and when at least this share of the table's lines do. */
const MIN_RIVER_SHARE = 0.25;

/** A column gap is white at least this many times a line's ordinary space between words. */
const RIVER_WORD_GAP_RATIO = 1.6;

/** A gap with text on both sides on this many lines is part of the table: a text line filling it ends the table. */
const CONFIRMED_GAP_LINES = 2;

/** A single line of another type size than the table (by this share) that starts at its left edge ends it. */
const FONT_CHANGE = 0.15;

/** A form label ("Jabatan :", "Unit Kerja:"): a few words and a colon opening the line. */
const LABEL = /^\p{Lu}[\p{L}.]*(?:\s+[\p{L}.]+){0,3}\s*:(?:\s|$)/u;

interface Region {
  start: number;
  end: number; // exclusive
  gaps: Gap[];
  multi: number;
}

/** The gaps between neighbouring words of a line narrower than `below` (its ordinary spaces). */
function wordSpaces(words: readonly Word[], below: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const d = words[i]!.bbox.x0 - words[i - 1]!.bbox.x1;
    if (d > 0 && d < below) out.push(d);
  }
  return out;
}

/** Lines among `lines` with a word left of the gap and a word right of it. */
function support(lines: readonly TextLine[], g: Gap): number {
  let n = 0;
  for (const l of lines) {
    const left = l.words.some((w) => w.bbox.x1 <= g.x0 + STRADDLE_SLACK);
    const right = l.words.some((w) => w.bbox.x0 >= g.x1 - STRADDLE_SLACK);
    if (left && right) n++;
  }
  return n;
}

/**
 * The table's column gaps among the white gaps of its lines: every gap as wide as `minGap`, and a
 * narrower river (Writer's cell padding leaves only a few points between two cells) that stays
 * white over the whole table with text on both sides on several lines.
 */
function columnGapsOf(lines: readonly TextLine[], gaps: readonly Gap[], minGap: number): Gap[] {
  const need = Math.max(MIN_RIVER_LINES, Math.ceil(MIN_RIVER_SHARE * lines.length));
  return gaps.filter((g) => g.x1 - g.x0 >= minGap || support(lines, g) >= need);
}

/** The narrowest white that can separate two columns of these lines: wider than their spaces between words. */
function riverWidth(spaces: readonly number[], fontSize: number, minGap: number, s: TableSettings): number {
  const typical = spaces.length ? median(spaces) : 0;
  return Math.min(minGap, Math.max(s.riverMinEm * fontSize, RIVER_WORD_GAP_RATIO * typical));
}

/** True when the gap `g` has no white of its own left in `next` (the gaps once the line is added). */
function filled(g: Gap, next: readonly Gap[]): boolean {
  return !next.some((n) => n.x0 >= g.x0 - STRADDLE_SLACK && n.x1 <= g.x1 + STRADDLE_SLACK);
}

/**
 * True when `line`, a line of running text (no wide gap of its own), cannot belong to the table
 * of `own`: it runs through a gap that is white on the table's lines, or it starts at the
 * table's left edge as a form label or in another type size.
 */
function endsTable(
  line: TextLine,
  own: readonly TextLine[],
  gaps: readonly Gap[],
  next: readonly Gap[],
  minGap: number,
): boolean {
  if (splitAtGaps(line.words, minGap).length >= 2) return false;
  const crosses = gaps.some(
    (g) =>
      line.bbox.x0 < g.x0 && line.bbox.x1 > g.x1 && filled(g, next) && support(own, g) >= CONFIRMED_GAP_LINES,
  );
  if (crosses) return true;
  const fontSize = median(own.map((l) => l.fontSize));
  const left = Math.min(...own.map((l) => l.bbox.x0));
  if (line.bbox.x0 > left + 0.5 * fontSize) return false;
  if (LABEL.test(line.words.map((w) => w.text).join(' '))) return true;
  const sized = [line, ...own].every((l) => l.words.every((w) => w.fontSize !== undefined));
  return sized && Math.abs(line.fontSize / fontSize - 1) > FONT_CHANGE;
}

/** The longest run of lines from `start` that keeps its column gaps, or null when `start` has one column. */
function growRegion(lines: readonly TextLine[], start: number, s: TableSettings): Region | null {
  const first = lines[start]!;
  const minGap = s.columnGapEm * first.fontSize;
  if (splitAtGaps(first.words, minGap).length < 2) return null;
  const words = [...first.words];
  const spaces = wordSpaces(first.words, minGap);
  let gaps = columnGaps(words, riverWidth(spaces, first.fontSize, minGap, s));
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const prev = lines[end - 1]!;
    if (line.bbox.top - prev.bbox.bottom > s.tableBreakGapEm * Math.max(line.fontSize, prev.fontSize)) break;
    const own = lines.slice(start, end);
    const cols = columnGapsOf(own, gaps, minGap);
    if (line.words.some((w) => cols.some((g) => straddles(w, g)))) break;
    const lineSpaces = wordSpaces(line.words, minGap);
    const river = riverWidth([...spaces, ...lineSpaces], first.fontSize, minGap, s);
    const next = columnGaps([...words, ...line.words], river);
    if (endsTable(line, own, cols, next, minGap)) break;
    if (columnGapsOf([...own, line], next, minGap).length === 0) break;
    words.push(...line.words);
    spaces.push(...lineSpaces);
    gaps = next;
  }
  const own = lines.slice(start, end);
  const cols = columnGapsOf(own, gaps, minGap);
  const multi = own.filter((l) => cols.some((g) => support([l], g) > 0)).length;
  return { start, end, gaps: cols, multi };
}

/**
 * Lines just above the region that continue its first row (the first line of a heading cell
 * that wraps, above vertically centred neighbours): as close as lines of one cell, crossing no gap.
 */
function extendUp(lines: readonly TextLine[], region: Region, floor: number, s: TableSettings): number {
  const own = lines.slice(region.start, region.end);
  const gaps = own.slice(1).map((l, i) => l.bbox.top - own[i]!.bbox.bottom);
  if (gaps.length === 0) return region.start;
  // Vertically centred cells interleave their lines (negative gaps): lines of one cell at least touch.
  const limit =
    Math.max(0, lowPercentile(gaps, INTRA_CELL_GAP_PERCENTILE)) + s.rowGapExtraEm * own[0]!.fontSize;
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
  bottom: number;
  lines: TextLine[];
  /** Printed with a row number: always opens a row. */
  numbered: boolean;
}

const middle = (b: { top: number; bottom: number }) => (b.top + b.bottom) / 2;

/** Each column's lines cut into cell blocks where the gap exceeds `limit` or a row number opens a line. */
function cellBlocks(cols: readonly TextLine[][], limit: number): CellBlock[] {
  const blocks: CellBlock[] = [];
  cols.forEach((cl, c) => {
    cl.forEach((l, i) => {
      const numbered = c === 0 && ROW_NUMBER.test(l.words[0]?.text ?? '');
      const opens = i > 0 && l.bbox.top - cl[i - 1]!.bbox.bottom > limit;
      if (i === 0 || opens || numbered) {
        blocks.push({ col: c, top: l.bbox.top, bottom: l.bbox.bottom, lines: [l], numbered });
      } else {
        const b = blocks[blocks.length - 1]!;
        b.lines.push(l);
        b.bottom = Math.max(b.bottom, l.bbox.bottom);
      }
    });
  });
  return blocks;
}

/** Pairs of blocks of different columns and heights that `key` puts together. */
function agreeingPairs(blocks: readonly CellBlock[], key: (b: CellBlock) => number, tol: number): number {
  let n = 0;
  for (const g of clusterObjects(blocks, key, tol)) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!;
        const b = g[j]!;
        if (a.col !== b.col && Math.abs(a.bottom - a.top - (b.bottom - b.top)) > tol) n++;
      }
    }
  }
  return n;
}

/**
 * Rows of cell blocks: blocks of several columns that start together (cells at the top) or share
 * their vertical middle (cells centred: whichever the table's cells of unequal height agree on
 * more) make a row, and so does a numbered block. Each row is the list of its anchoring blocks;
 * rows top to bottom.
 */
function anchorRows(blocks: readonly CellBlock[], tol: number): { rows: CellBlock[][]; centred: boolean } {
  const centred = agreeingPairs(blocks, middle, tol) > agreeingPairs(blocks, (b) => b.top, tol);
  const key = centred ? middle : (b: CellBlock) => b.top;
  const rows = clusterObjects(blocks, key, tol)
    .filter((g) => new Set(g.map((b) => b.col)).size >= MIN_ROW_START_COLUMNS || g.some((b) => b.numbered))
    .sort((a, b) => Math.min(...a.map((x) => x.top)) - Math.min(...b.map((x) => x.top)));
  // A heading row centred over cells at the top (or the other way round), or a row that Writer
  // broke across a page (its cells then start at the top) splits into groups of other columns,
  // overlapping and centred on one line or starting on one: one row.
  const merged: CellBlock[][] = [];
  for (const g of rows) {
    const last = merged[merged.length - 1];
    if (last && sameRow(last, g, tol)) last.push(...g);
    else merged.push([...g]);
  }
  return { rows: merged, centred };
}

function extentOf(g: readonly CellBlock[]): { top: number; bottom: number } {
  return { top: Math.min(...g.map((b) => b.top)), bottom: Math.max(...g.map((b) => b.bottom)) };
}

function sameRow(a: readonly CellBlock[], b: readonly CellBlock[], tol: number): boolean {
  const cols = new Set(a.map((x) => x.col));
  if (b.some((x) => cols.has(x.col))) return false;
  const ea = extentOf(a);
  const eb = extentOf(b);
  const together = Math.abs(middle(ea) - middle(eb)) <= tol || Math.abs(ea.top - eb.top) <= tol;
  return eb.top < ea.bottom && ea.top < eb.bottom && together;
}

/**
 * The first row of the rows a block is vertically centred on, when those rows print nothing else
 * in its column (a cell spanning rows, centred): -1 when it is centred on no such run of rows.
 */
function spannedRow(
  b: CellBlock,
  rows: readonly { top: number; bottom: number; cols: Set<number> }[],
  tol: number,
): number {
  const m = middle(b);
  let best = -1;
  let bestDiff = Infinity;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i; j < rows.length; j++) {
      if (rows[j]!.cols.has(b.col)) break;
      if (rows[i]!.top > b.bottom || rows[j]!.bottom < b.top) continue; // the rows must reach the block
      const d = Math.abs((rows[i]!.top + rows[j]!.bottom) / 2 - m);
      if (d <= tol && d < bestDiff) {
        best = i;
        bestDiff = d;
      }
    }
  }
  return best;
}

function layoutRows(lines: readonly TextLine[], xs: readonly number[], s: TableSettings): BorderlessRow[] {
  const nCols = xs.length - 1;
  const fontSize = median(lines.map((l) => l.fontSize)) || 10;
  const cols = Array.from({ length: nCols }, (_, c) =>
    columnLines(lines, c === 0 ? -Infinity : xs[c]!, c === nCols - 1 ? Infinity : xs[c + 1]!),
  );
  const gaps = cols.flatMap((cl) => cl.slice(1).map((l, i) => l.bbox.top - cl[i]!.bbox.bottom));
  const limit = Math.max(0, lowPercentile(gaps, INTRA_CELL_GAP_PERCENTILE)) + s.rowGapExtraEm * fontSize;
  const tol = s.lineTolerance;

  const blocks = cellBlocks(cols, limit);
  const { rows: anchors, centred } = anchorRows(blocks, tol);
  const rowOf = new Map<CellBlock, number>();
  anchors.forEach((g, r) => g.forEach((b) => rowOf.set(b, r)));
  const extents = anchors.map((g) => ({
    top: Math.min(...g.map((b) => b.top)),
    bottom: Math.max(...g.map((b) => b.bottom)),
    cols: new Set(g.map((b) => b.col)),
  }));
  const rowTops = extents.map((e) => e.top);
  const firstTop = rowTops[0] ?? Infinity;
  let leading = false;
  for (const b of blocks) {
    if (rowOf.has(b)) continue;
    const above = b.top < firstTop - tol;
    // A block centred on rows that print nothing else in its column spans them (a heading
    // cell above the first row's tops is centred on it too); otherwise a block stays whole in
    // the row where it starts, or opens the table's first row above the others.
    const r = centred || above ? spannedRow(b, extents, Math.max(tol, 0.5 * fontSize)) : -1;
    if (r < 0 && above) leading = true;
    rowOf.set(b, r >= 0 ? r : above ? -1 : rowAt(rowTops, b.top, tol));
  }
  let units: CellBlock[] = blocks;
  let rowCount = anchors.length;
  if (leading) {
    for (const [b, r] of rowOf) rowOf.set(b, r + 1);
    rowCount++;
  }
  rowCount = joinSpanningRows(blocks, rowOf, rowCount, Math.max(tol, 0.5 * fontSize));
  if (centred) spreadCentredCells(blocks, rowOf, rowCount, tol);
  if (rowCount < 2) {
    // No padding between rows: every line with text in several columns starts a row, and
    // each line of a column is placed on its own.
    const tops = lines
      .filter(
        (l, i) =>
          i === 0 ||
          cols.filter((cl) => cl.some((x) => Math.abs(x.bbox.top - l.bbox.top) <= tol)).length >= 2,
      )
      .map((l) => l.bbox.top);
    units = cols.flatMap((cl, c) =>
      cl.map((l) => ({ col: c, top: l.bbox.top, bottom: l.bbox.bottom, lines: [l], numbered: false })),
    );
    rowOf.clear();
    for (const b of units) rowOf.set(b, rowAt(tops, b.top, tol));
    rowCount = tops.length;
  }
  const rows: BorderlessRow[] = Array.from({ length: rowCount }, () => ({
    top: Infinity,
    bottom: -Infinity,
    cells: Array.from({ length: nCols }, () => []),
  }));
  for (const b of units) {
    const row = rows[rowOf.get(b)!]!;
    for (const l of b.lines) {
      row.cells[b.col]!.push(...l.words);
      row.top = Math.min(row.top, l.bbox.top);
      row.bottom = Math.max(row.bottom, l.bbox.bottom);
    }
  }
  return rows.filter((r) => r.cells.some((c) => c.length > 0));
}

/**
 * Rows of cells centred on the rows above and below them, which print nothing in their columns
 * (a heading row of cells spanning the "TARGET" heading and the year headings under it), are
 * part of the row above. Renumbers `rowOf`; returns the number of rows.
 */
function joinSpanningRows(
  blocks: readonly CellBlock[],
  rowOf: Map<CellBlock, number>,
  n: number,
  tol: number,
): number {
  const groups: CellBlock[][] = Array.from({ length: n }, () => []);
  for (const b of blocks) groups[rowOf.get(b)!]!.push(b);
  const out: CellBlock[][] = [];
  for (let r = 0; r < n; r++) {
    const g = groups[r]!;
    const prev = out[out.length - 1];
    const next = groups[r + 1];
    if (prev?.length && next?.length && g.length && spansBoth(g, prev, next, tol)) prev.push(...g);
    else out.push(g);
  }
  out.forEach((g, r) => g.forEach((b) => rowOf.set(b, r)));
  return out.length;
}

function spansBoth(
  g: readonly CellBlock[],
  prev: readonly CellBlock[],
  next: readonly CellBlock[],
  tol: number,
): boolean {
  const cols = new Set(g.map((b) => b.col));
  if (prev.some((b) => cols.has(b.col)) || next.some((b) => cols.has(b.col))) return false;
  const e = extentOf(g);
  const p = extentOf(prev);
  const q = extentOf(next);
  return (
    e.top >= p.top - tol && e.bottom <= q.bottom + tol && Math.abs(middle(e) - (p.top + q.bottom) / 2) <= tol
  );
}

/**
 * In a table of centred cells, a cell centred on its own row and on as many rows above it as
 * below that print nothing in its column (one sasaran for three indikator) is the cell of all of
 * them: it moves to the first (the records stage carries it down).
 */
function spreadCentredCells(
  blocks: readonly CellBlock[],
  rowOf: Map<CellBlock, number>,
  n: number,
  tol: number,
): void {
  const ext = Array.from({ length: n }, () => ({ top: Infinity, bottom: -Infinity }));
  for (const b of blocks) {
    const e = ext[rowOf.get(b)!]!;
    e.top = Math.min(e.top, b.top);
    e.bottom = Math.max(e.bottom, b.bottom);
  }
  for (const b of blocks) {
    if (b.numbered) continue;
    const g = rowOf.get(b)!;
    const empty = (r: number) =>
      r >= 0 &&
      r < n &&
      !blocks.some(
        (x) =>
          x !== b &&
          x.col === b.col &&
          (rowOf.get(x) === r || (x.top < ext[r]!.bottom && x.bottom > ext[r]!.top)),
      );
    let best = 0;
    for (let k = 1; empty(g - k) && empty(g + k); k++) {
      if (Math.abs(middle(b) - (ext[g - k]!.top + ext[g + k]!.bottom) / 2) <= tol) best = k;
    }
    if (best > 0) rowOf.set(b, g - best);
  }
}

/** The last row whose top is at or above `y` (within `tol`), or the first. */
function rowAt(rowTops: readonly number[], y: number, tol: number): number {
  let r = 0;
  while (r + 1 < rowTops.length && y >= rowTops[r + 1]! - tol) r++;
  return r;
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
    const start = carriedOver(lines, extendUp(lines, region, floor, s), floor, region, s);
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

/** At most this many lines at the top of a page can carry on the last row of the page before. */
const MAX_CARRIED_LINES = 3;

/**
 * 0 when the lines above `start` are the top of the page and carry on a cell of a row broken
 * across the page (Writer's default): each in one column, starting where that column's text
 * starts, as close to the table as its lines are to each other. They make the table's first row
 * (the grid stage joins it to the row it carries on). Otherwise `start`.
 */
function carriedOver(
  lines: readonly TextLine[],
  start: number,
  floor: number,
  region: Region,
  s: TableSettings,
): number {
  if (floor !== 0 || start === 0 || start > MAX_CARRIED_LINES) return start;
  const own = lines.slice(start, region.end);
  const fontSize = median(own.map((l) => l.fontSize));
  const xs = [-Infinity, ...region.gaps.map((g) => (g.x0 + g.x1) / 2), Infinity];
  const lefts = xs.slice(1).map((x1, c) => {
    const ws = own.flatMap((l) => l.words).filter((w) => w.bbox.x0 >= xs[c]! && w.bbox.x1 <= x1);
    return ws.length ? Math.min(...ws.map((w) => w.bbox.x0)) : NaN;
  });
  for (let k = 0; k < start; k++) {
    const l = lines[k]!;
    const below = lines[k + 1]!;
    if (below.bbox.top - l.bbox.bottom > s.tableBreakGapEm * fontSize) return start;
    const c = xs.findIndex((x, j) => j > 0 && l.bbox.x1 <= x) - 1;
    if (c < 0 || l.bbox.x0 < xs[c]! || !(Math.abs(l.bbox.x0 - lefts[c]!) <= s.lineTolerance)) return start;
  }
  return 0;
}

/** How many of the lines just before `i` are the last entries of `rest` (not taken by a table). */
function countTrailing(rest: readonly TextLine[], lines: readonly TextLine[], i: number): number {
  let n = 0;
  while (n < rest.length && i - n - 1 >= 0 && rest[rest.length - 1 - n] === lines[i - n - 1]) n++;
  return n;
}
