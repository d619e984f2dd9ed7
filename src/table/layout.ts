/**
 * Space-aligned tables: `pdftotext -layout` output and fixed-width exports, where every cell
 * keeps its horizontal position and columns are separated by runs of spaces. The grid is read
 * from positions: column starts come from the heading's words and the body's chunk starts;
 * each chunk of a body line goes to the column it starts in; a printed row number (or, in a
 * table without numbers, a line that opens several cells at once) starts a row.
 */
import { isHeadingLine, lineText } from '../segment/line-kinds.js';
import type { FieldRole, RawRow, RawTable } from './raw-row.js';
import type { HeaderColumn } from './vocabulary.js';
import { columnsFromTokens, headerTokens, resolveColumns, roleOfHeadingWord } from './vocabulary.js';
import { START_WORDS } from './flat-vocabulary.js';

const INDIKATOR_STARTS = new Set(START_WORDS.indikator ?? []);
/** The columns a row of a table without numbers opens with. */
const LEADING_ROLES = new Set<string>(['sasaran', 'indikator']);

/** Spaces that separate two cells on one printed line. */
export const MIN_GAP = 2;
/** A chunk belongs to a column when it starts at most this many characters left of it. */
const START_TOLERANCE = 2;
/** How far a chunk may start from a column's start and still be snapped to it. */
const SNAP = 3;
/** Share of body lines that must hold two or more chunks for the table to read as space-aligned. */
const MULTI_CHUNK_SHARE = 0.3;

interface Chunk {
  text: string;
  start: number;
  end: number;
}

export function chunks(line: string): Chunk[] {
  const out: Chunk[] = [];
  const re = new RegExp(`\\S(?:.*?\\S)??(?=\\s{${MIN_GAP},}|\\s*$)`, 'g');
  let m: RegExpExecArray | null;
  const expanded = line.replace(/\t/g, '    ');
  while ((m = re.exec(expanded))) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

interface PositionedColumn extends HeaderColumn {
  start: number;
  centre: number;
}

/**
 * A heading chunk that names several columns with single spaces between them (pdftotext squeezes
 * a dense heading: "Satuan Kondisi Target", "Sumber Penanggung") is cut before each word that
 * opens a column of another role, so each column keeps its own position. "FORMULASI
 * PERHITUNGAN" (one role) and "TUJUAN / SASARAN" (joined) stay whole.
 */
function splitHeadingWords(c: Chunk): Chunk[] {
  const words = [...c.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: c.start + m.index }));
  if (words.length < 2) return [c];
  const out: Chunk[] = [];
  let from = 0;
  let role = roleOfHeadingWord(words[0]!.text);
  const cut = (to: number) => {
    const a = words[from]!;
    const z = words[to - 1]!;
    out.push({
      text: c.text.slice(a.at - c.start, z.at - c.start + z.text.length),
      start: a.at,
      end: z.at + z.text.length,
    });
    from = to;
  };
  for (let i = 1; i < words.length; i++) {
    const r = roleOfHeadingWord(words[i]!.text);
    if (!r) continue;
    const prev = words[i - 1]!.text;
    const joined = /^(\/|&|dan)$/i.test(prev) || prev.endsWith('/');
    // A repeated TARGET ("Target Target Target") heads one year column each.
    const repeated = r === 'target' && roleOfHeadingWord(prev) === 'target';
    if (role !== null && (r !== role || repeated) && !joined) cut(i);
    role = r;
  }
  cut(words.length);
  return out;
}

/** Columns of a space-aligned heading zone, each with the position of its heading text. */
function headingColumns(lines: readonly string[]): PositionedColumn[] | null {
  const pieces: { text: string; start: number; end: number }[] = [];
  for (const l of lines) for (const c of splitNumbers(chunks(l))) pieces.push(...splitHeadingWords(c));
  if (pieces.length < 3) return null;
  // Stacked heading words ("FORMULASI / PERHITUNGAN / PENJELASAN") overlap horizontally: merge them.
  pieces.sort((a, b) => a.start - b.start);
  const groups: { texts: string[]; start: number; end: number; year?: boolean }[] = [];
  for (const p of pieces) {
    const isYear = /^(19|20)\d\d$/.test(p.text);
    const g = isYear ? undefined : groups.find((x) => !x.year && p.start < x.end + 1 && p.end > x.start - 1);
    if (g) {
      g.texts.push(p.text);
      g.start = Math.min(g.start, p.start);
      g.end = Math.max(g.end, p.end);
    } else groups.push({ texts: [p.text], start: p.start, end: p.end, year: isYear });
  }
  groups.sort((a, b) => a.start - b.start);
  const cols: PositionedColumn[] = [];
  for (const g of groups) {
    const found = columnsFromTokens(headerTokens(g.texts.join(' ')));
    for (const c of found) cols.push({ ...c, start: g.start, centre: (g.start + g.end) / 2 });
  }
  resolveColumns(cols);
  // "TARGET" printed over each year ("Target Target" / "2022 2023") heads the years; it is no column.
  const withYears = cols.some((c) => c.year) ? cols.filter((c) => c.role !== 'target' || c.year) : cols;
  return withYears.length >= 3 ? withYears : null;
}

export interface LayoutTable {
  table: RawTable;
  start: number;
  end: number;
}

/** Is this run of lines a space-aligned table (most body lines hold several chunks)? */
export function looksSpaceAligned(headingLines: readonly string[], body: readonly string[]): boolean {
  const heading = headingLines.some((l) => chunks(l).length >= 3);
  const nonEmpty = body.filter((l) => l.trim());
  if (!heading || nonEmpty.length === 0) return false;
  const multi = nonEmpty.filter((l) => chunks(l).length >= 2).length;
  return multi / nonEmpty.length >= MULTI_CHUNK_SHARE;
}

/**
 * Column start positions. Headings are often centred over their column while cells are
 * left-aligned, so the real left edge is the body's most used chunk start at or left of the
 * heading's text (and right of the previous column's edge).
 */
function columnStarts(cols: PositionedColumn[], body: readonly string[]): number[] {
  const counts = new Map<number, number>();
  for (const l of body) for (const c of chunks(l)) counts.set(c.start, (counts.get(c.start) ?? 0) + 1);
  const frequent = [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .map(([x]) => x)
    .sort((a, b) => a - b);
  const starts: number[] = [];
  cols.forEach((col, i) => {
    const prev = i === 0 ? -1 : starts[i - 1]!;
    const cands = frequent.filter((x) => x > prev && x <= col.start + START_TOLERANCE);
    starts.push(cands.length ? cands[cands.length - 1]! : Math.max(prev + 1, col.start));
  });
  return starts;
}

/** The column a chunk starting at `x` belongs to: one starting within the tolerance, else the last one left of it. */
function columnOf(x: number, starts: readonly number[]): number {
  let k = 0;
  for (let i = 0; i < starts.length; i++) if (x + START_TOLERANCE >= starts[i]!) k = i;
  // A page's table may sit a few characters left of the first page's: snap to a near start.
  for (let i = 0; i < starts.length; i++) if (Math.abs(x - starts[i]!) <= SNAP) return i;
  return k;
}

/** Figures printed in narrow year columns are separated by single spaces: one chunk each. */
function splitNumbers(cs: Chunk[]): Chunk[] {
  return cs.flatMap((c) => {
    if (
      !/^-?\d+([.,]\d+)?%?(\s+-?\d+([.,]\d+)?%?)+$/.test(c.text) &&
      !/^((19|20)\d\d\s+)+(19|20)\d\d$/.test(c.text)
    )
      return [c];
    const out: Chunk[] = [];
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(c.text)))
      out.push({ text: m[0], start: c.start + m.index, end: c.start + m.index + m[0].length });
    return out;
  });
}

/** The year column whose heading is nearest to a figure, when the figure sits under the years. */
function nearestYear(c: Chunk, cols: readonly PositionedColumn[]): number {
  const centre = (c.start + c.end) / 2;
  let best = -1;
  let dist = Infinity;
  cols.forEach((col, i) => {
    if (!col.year) return;
    const d = Math.abs(col.centre - centre);
    if (d < dist) [best, dist] = [i, d];
  });
  return dist <= YEAR_REACH ? best : -1;
}

/** A figure farther than this from every year heading's centre is not a target. */
const YEAR_REACH = 12;

function isFigure(t: string): boolean {
  return /^-?\d+([.,]\d+)?%?$/.test(t);
}

/** A chunk that runs across a column's start (a single space between two cells) is cut there. */
function splitAtColumns(cs: Chunk[], starts: readonly number[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of cs) {
    let cur = c;
    for (const x of starts) {
      if (x <= cur.start + SNAP || x >= cur.end - 1) continue;
      // Cut at the space nearest the column start, if there is one close by.
      const rel = x - cur.start;
      let cut = -1;
      for (let d = 0; d <= SNAP && cut < 0; d++) {
        if (cur.text[rel - d - 1] === ' ') cut = rel - d - 1;
        else if (cur.text[rel + d - 1] === ' ') cut = rel + d - 1;
      }
      if (cut <= 0) continue;
      out.push({ text: cur.text.slice(0, cut).trimEnd(), start: cur.start, end: cur.start + cut });
      const rest = cur.text.slice(cut + 1);
      cur = {
        text: rest.trimStart(),
        start: cur.start + cut + 1 + (rest.length - rest.trimStart().length),
        end: cur.end,
      };
    }
    out.push(cur);
  }
  return out.filter((c) => c.text);
}

export interface SpaceAlignedPart {
  /** The heading as printed on this page (pdftotext lays every page out anew). */
  heading: readonly string[];
  body: readonly string[];
}

export function readSpaceAligned(parts: readonly SpaceAlignedPart[]): RawTable | null {
  const first = parts[0] ? headingColumns(parts[0].heading) : null;
  if (!first) return null;
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  for (const part of parts) {
    // Each page's columns sit where its own heading puts them; fall back to the first page's.
    const own = headingColumns(part.heading);
    const cols = own && own.length === first.length ? own : first;
    const starts = columnStarts(cols, part.body);
    const noIdx = cols.findIndex((c) => c.role === 'no');
    const hasFormula = cols.some((c) => c.role === 'formulasi');
    for (const line of part.body) {
      if (!line.trim()) continue;
      if (isHeadingLine(line)) continue; // heading repeated on a new page
      const placed: { col: number; text: string }[] = [];
      const cs = splitAtColumns(splitNumbers(chunks(line)), starts);
      // Figures under the year headings: when there are as many as there are years, they are the
      // years' targets in order (pdftotext squeezes the year headings closer than the figures).
      const yearIdx = cols.map((c, i) => (c.year ? i : -1)).filter((i) => i >= 0);
      const beforeYears = yearIdx.length ? cols[yearIdx[0]! - 1] : undefined;
      const figures = yearIdx.length
        ? cs.filter(
            (c) => isFigure(c.text) && (c.start + c.end) / 2 > (beforeYears ? beforeYears.centre : -1),
          )
        : [];
      const inOrder = figures.length === yearIdx.length;
      for (const c of cs) {
        const f = figures.indexOf(c);
        const yearCol = f >= 0 ? (inOrder ? yearIdx[f]! : nearestYear(c, cols)) : -1;
        placed.push({ col: yearCol >= 0 ? yearCol : columnOf(c.start, starts), text: c.text });
      }
      const numbered = noIdx >= 0 && placed.some((p) => p.col === noIdx && /^\d{1,3}[.)]?$/.test(p.text));
      // An unnumbered sub-row: nothing in the number and sasaran columns, and the indicator cell
      // opens with a word indicator names start with ("Persentase …", "Tingkat …", "Jumlah …").
      const leading = placed.filter((p) => cols[p.col]!.role === 'no' || cols[p.col]!.role === 'sasaran');
      const ind = placed.find((p) => cols[p.col]!.role === 'indikator');
      const firstWord = ind?.text.split(/\s+/)[0]?.toLowerCase() ?? '';
      const subRow =
        !!row &&
        leading.length === 0 &&
        !!ind &&
        /^[A-Z]/.test(ind.text) &&
        INDIKATOR_STARTS.has(firstWord) &&
        placed.length >= 2;
      const capital = placed.filter((p) => /^[A-Z0-9("'“-]/.test(p.text));
      // Without row numbers, a row opens where several cells open at once, one of them in the
      // leading columns (sasaran, indikator): wrapped formula and source lines also start with
      // capitals, but they never open the row's leading cells.
      // Two capitals alone (a wrapped indicator line beside a wrapped source line, "Desa
      // (Musdes) tentang … Pemerintahan") open a row only with the formula: a row's cells all
      // start on its first printed line, and its formula is never empty.
      const formulaOpens = capital.some((p) => cols[p.col]!.role === 'formulasi');
      const opensCells =
        capital.length >= 2 &&
        placed.length >= 2 &&
        capital.some((p) => LEADING_ROLES.has(cols[p.col]!.role) && /^[A-Z0-9]/.test(p.text)) &&
        (capital.length >= 3 || formulaOpens || !hasFormula);
      if (!row || numbered || subRow || (noIdx < 0 && opensCells)) {
        row = { cells: {}, targets: {}, page: null, bbox: null };
        rows.push(row);
      }
      for (const p of placed) {
        const col = cols[p.col]!;
        if (col.role === 'target' && col.year) {
          row.targets[col.year] = [row.targets[col.year], p.text].filter(Boolean).join(' ');
          continue;
        }
        if (col.role === 'unknown' || col.role === 'target') continue;
        (row.cells[col.role as FieldRole] ??= []).push(p.text);
      }
    }
  }
  return {
    roles: first.map((c) => c.role),
    years: first.filter((c) => c.year).map((c) => c.year!),
    percentYears: first.some((c) => c.year && c.label.includes('%')),
    rows,
    wrappedLines: true,
    origin: 'layout',
  };
}

export { lineText };
