/**
 * Flattened tables: PDF-to-text dumps where every cell was cut into lines, cells printed on one
 * baseline share a line, and a row's cells follow each other in column order. The grid is
 * rebuilt by decoding the most likely column of every word with a first-order model (Viterbi):
 *
 * - transitions say where a cell or a row may end: at a line break, a blank line, a double
 *   space, a bullet, a row number; rarely after a function word ("dan", "yang");
 * - emissions say which column a word belongs to: a general prior vocabulary (flat-vocabulary.ts)
 *   mixed with unigram models learned from the document itself, re-estimated from the previous
 *   decoding (a few rounds of hard EM), so each document teaches its own columns.
 */
import { parsePlaceDateLine } from '../dates/indonesian.js';
import { isHeadingLine, lineText } from '../segment/line-kinds.js';
import type { WordTest } from '../text/join.js';
import { BODY_WORDS, NO_BREAK_AFTER, START_WORDS } from './flat-vocabulary.js';
import type { FieldRole, RawRow, RawTable } from './raw-row.js';
import type { HeaderColumn } from './vocabulary.js';
import { columnsFromTokens, headerTokens } from './vocabulary.js';

/** How many lines a heading may span in a dump. */
const MAX_HEADING_LINES = 30;
/** Rounds of re-estimation from the document's own decoding. */
const EM_ROUNDS = 3;
/** Weight of the document's own statistics against the prior vocabulary. */
const LEARNED_WEIGHT = 0.6;
/** Dirichlet smoothing mass of the column models. */
const SMOOTHING = 20;

/** Transition weights (log domain). Named so they can be reasoned about and tuned as a set. */
export const WEIGHTS = {
  cellBoundary: -1.0,
  atLineStart: 0.6,
  afterBlankLine: 1.2,
  afterDoubleSpace: 1.6,
  atBullet: 1.2,
  midLine: -1.6,
  capitalised: 1.0,
  afterFunctionWord: -3.0,
  skipColumn: -0.35,
  newRow: -3.2,
  rowNumber: 3.2,
  rowStartSkip: -0.6,
  indentedRowStart: 1.5,
  sameCellAfterBlank: -0.8,
  sameCellAfterDoubleSpace: -1.2,
  emissionLift: 0.6,
  startLift: 1.0,
};

interface Tok {
  text: string;
  key: string;
  line: number;
  lineStart: boolean;
  blankBefore: boolean;
  doubleSpaceBefore: boolean;
  indented: boolean;
  isNum: boolean;
  isRowNo: boolean;
  bullet: boolean;
  capital: boolean;
}

function tokenize(lines: readonly string[]): Tok[] {
  const toks: Tok[] = [];
  let blank = false;
  lines.forEach((raw, li) => {
    const line = raw.replace(/\t/g, '  ').replace(/\s+$/, '');
    if (!line.trim()) {
      blank = true;
      return;
    }
    const indented = /^ {2,}\S/.test(line) && !/^ {2,}[-•➢]/.test(line);
    const re = /(\s*)(\S+)/g;
    let m: RegExpExecArray | null;
    let first = true;
    while ((m = re.exec(line))) {
      const text = m[2]!;
      const key = /^\d+([.,]\d+)?%?$/.test(text) ? '<num>' : text.toLowerCase().replace(/[.,;:]+$/, '');
      toks.push({
        text,
        key,
        line: li,
        lineStart: first,
        blankBefore: first && blank,
        doubleSpaceBefore: !first && m[1]!.length >= 2,
        indented: first && indented,
        isNum: /^-?\d+([.,]\d+)?%?$/.test(text),
        isRowNo: /^\d{1,2}\.?$/.test(text),
        bullet: /^[➢➤►•●▪■✓-]/.test(text),
        capital: /^[A-Z(]/.test(text),
      });
      first = false;
    }
    blank = false;
  });
  return toks;
}

/** Unigram statistics per column, from the prior vocabulary and the current decoding. */
class ColumnModel {
  private body = new Map<string, Map<string, number>>();
  private start = new Map<string, Map<string, number>>();
  private totals = new Map<string, number>();
  private startTotals = new Map<string, number>();
  private all = new Map<string, number>();
  private allTotal = 0;
  private startAll = new Map<string, number>();
  private startAllTotal = 0;

  constructor(private readonly roles: readonly string[]) {}

  static prior(roles: readonly string[]): ColumnModel {
    const m = new ColumnModel(roles);
    for (const r of roles) {
      for (const w of START_WORDS[r as keyof typeof START_WORDS] ?? []) m.add(r, w, true, 3);
      for (const w of BODY_WORDS[r as keyof typeof BODY_WORDS] ?? []) m.add(r, w, false, 3);
    }
    return m;
  }

  add(role: string, key: string, isStart: boolean, n = 1): void {
    const inc = (map: Map<string, Map<string, number>>, tot: Map<string, number>) => {
      let mm = map.get(role);
      if (!mm) map.set(role, (mm = new Map()));
      mm.set(key, (mm.get(key) ?? 0) + n);
      tot.set(role, (tot.get(role) ?? 0) + n);
    };
    inc(this.body, this.totals);
    this.all.set(key, (this.all.get(key) ?? 0) + n);
    this.allTotal += n;
    if (isStart) {
      inc(this.start, this.startTotals);
      this.startAll.set(key, (this.startAll.get(key) ?? 0) + n);
      this.startAllTotal += n;
    }
  }

  /**
   * log P(w | role) / P(w) with Dirichlet smoothing towards P(w): a word the column has never
   * shown scores a little below zero, never above, whatever the column's size.
   */
  lift(role: string, key: string, isStart: boolean): number {
    const map = isStart ? this.start : this.body;
    const tot = (isStart ? this.startTotals : this.totals).get(role) ?? 0;
    const all = isStart ? this.startAll : this.all;
    const allTot = isStart ? this.startAllTotal : this.allTotal;
    const pw = ((all.get(key) ?? 0) + 0.1) / (allTot + 100);
    const pwr = ((map.get(role)?.get(key) ?? 0) + SMOOTHING * pw) / (tot + SMOOTHING);
    const l = Math.log(pwr / pw);
    void this.roles;
    return Math.max(-3, Math.min(3, l));
  }
}

interface State {
  col: HeaderColumn;
  index: number;
  single: boolean; // one token only (row number, a year's target)
}

type Decoded = { state: number; newRow: boolean }[];

function decode(toks: Tok[], states: State[], model: ColumnModel, prior: ColumnModel): Decoded {
  const S = states.length;
  const N = toks.length;
  const W = WEIGHTS;
  const score = new Float64Array(N * S).fill(-Infinity);
  const back = new Int32Array(N * S).fill(-1);
  const backNew = new Uint8Array(N * S);
  const emit = (t: Tok, s: State, isStart: boolean): number => {
    const role = s.col.role;
    if (role === 'no') return t.isRowNo ? 2 : -20;
    if (role === 'target') return t.isNum ? 1 : t.text === '-' ? -1 : -20;
    let e = t.isNum ? -0.5 : 0;
    if (t.isRowNo && t.lineStart) e -= 2;
    const l = LEARNED_WEIGHT * model.lift(role, t.key, false) + (1 - LEARNED_WEIGHT) * prior.lift(role, t.key, false);
    e += W.emissionLift * l;
    if (isStart) {
      const ls = LEARNED_WEIGHT * model.lift(role, t.key, true) + (1 - LEARNED_WEIGHT) * prior.lift(role, t.key, true);
      e += W.startLift * ls;
    }
    return e;
  };
  const boundarySignal = (t: Tok, prev: Tok | undefined): number => {
    let b = 0;
    if (t.lineStart) b += W.atLineStart;
    else b += W.midLine + (t.capital ? W.capitalised : 0);
    if (t.blankBefore) b += W.afterBlankLine;
    if (t.doubleSpaceBefore) b += W.afterDoubleSpace - W.midLine;
    if (t.bullet) b += W.atBullet;
    if (prev && NO_BREAK_AFTER.has(prev.key) && !t.lineStart) b += W.afterFunctionWord;
    if (prev && NO_BREAK_AFTER.has(prev.key) && t.lineStart) b += W.afterFunctionWord / 2;
    return b;
  };
  for (let n = 0; n < N; n++) {
    const t = toks[n]!;
    const prev = n > 0 ? toks[n - 1] : undefined;
    const sig = boundarySignal(t, prev);
    for (let j = 0; j < S; j++) {
      const sj = states[j]!;
      const eStart = emit(t, sj, true);
      if (n === 0) {
        score[j] = eStart + W.rowStartSkip * j;
        backNew[j] = 1;
        continue;
      }
      const eCont = emit(t, sj, false);
      let best = -Infinity;
      let arg = -1;
      let argNew = 0;
      for (let i = 0; i < S; i++) {
        const p = score[(n - 1) * S + i]!;
        if (p === -Infinity) continue;
        const si = states[i]!;
        // Same cell continues.
        if (i === j && !sj.single) {
          let v = p + eCont;
          if (t.lineStart && t.blankBefore) v += W.sameCellAfterBlank;
          if (t.doubleSpaceBefore) v += W.sameCellAfterDoubleSpace;
          if (t.bullet && sj.col.role !== 'formulasi' && sj.col.role !== 'sumberData' && sj.col.role !== 'penanggungJawab')
            v -= 1;
          if (v > best) [best, arg, argNew] = [v, i, 0];
        }
        // Next cell of the same row.
        if (j > i) {
          const v = p + eStart + W.cellBoundary + sig + W.skipColumn * (j - i - 1);
          if (v > best) [best, arg, argNew] = [v, i, 0];
        }
        // A new row (a row cannot consist of its number alone).
        if (j <= i && si.col.role !== 'no') {
          let v = p + eStart + W.newRow + sig + W.rowStartSkip * j;
          if (sj.col.role === 'no' && t.isRowNo) v += W.rowNumber;
          if (t.indented && j > 0) v += W.indentedRowStart;
          if (v > best) [best, arg, argNew] = [v, i, 1];
        }
      }
      score[n * S + j] = best;
      back[n * S + j] = arg;
      backNew[n * S + j] = argNew;
    }
  }
  // Backtrack.
  let j = 0;
  let bestEnd = -Infinity;
  for (let s = 0; s < S; s++) if (score[(N - 1) * S + s]! > bestEnd) [bestEnd, j] = [score[(N - 1) * S + s]!, s];
  const out: Decoded = new Array(N);
  for (let n = N - 1; n >= 0; n--) {
    out[n] = { state: j, newRow: n === 0 || backNew[n * S + j] === 1 };
    j = back[n * S + j]!;
    if (j < 0) j = 0;
  }
  return out;
}

function learn(toks: Tok[], path: Decoded, states: State[]): ColumnModel {
  const m = new ColumnModel(states.map((s) => s.col.role));
  path.forEach((p, n) => {
    const role = states[p.state]!.col.role;
    const isStart = n === 0 || p.newRow || path[n - 1]!.state !== p.state;
    m.add(role, toks[n]!.key, isStart);
  });
  return m;
}

function rowsFromPath(toks: Tok[], path: Decoded, states: State[], lines: readonly string[]): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let lastLine = -1;
  let lastState = -1;
  path.forEach((p, n) => {
    const t = toks[n]!;
    if (p.newRow || !row) {
      row = { cells: {}, targets: {}, page: null, bbox: null };
      rows.push(row);
      lastLine = -1;
      lastState = -1;
    }
    const col = states[p.state]!.col;
    if (col.role === 'target') {
      if (col.year) row.targets[col.year] = t.text;
      return;
    }
    if (col.role === 'unknown') return;
    const role = col.role as FieldRole;
    const cell = (row.cells[role] ??= []);
    // Keep printed line structure: a new printed line (or a new cell) starts a new cell line.
    if (t.line !== lastLine || p.state !== lastState || cell.length === 0) cell.push(t.text);
    else cell[cell.length - 1] += ` ${t.text}`;
    lastLine = t.line;
    lastState = p.state;
  });
  void lines;
  return rows;
}

/** Start and end (exclusive) of the first heading zone at or after `from`, with its columns. */
function findHeading(lines: readonly string[], from: number): { start: number; end: number; columns: HeaderColumn[] } | null {
  for (let i = from; i < lines.length; i++) {
    if (!isHeadingLine(lines[i]!)) continue;
    let end = i;
    const toks: string[] = [];
    for (let k = i; k < lines.length && k < i + MAX_HEADING_LINES; k++) {
      const l = lines[k]!;
      if (!l.trim()) continue;
      if (!isHeadingLine(l)) break;
      toks.push(...headerTokens(lineText(l)));
      end = k + 1;
    }
    const columns = columnsFromTokens(toks);
    const roles = new Set(columns.map((c) => c.role));
    if (roles.has('indikator') && (roles.has('sasaran') || roles.has('formulasi'))) return { start: i, end, columns };
  }
  return null;
}

const NIP_LINE = /\bNIP\b\.?\s*:?\s*\d/i;

/** Where the table body ends: a place-and-date line, or the title above a signer's name and NIP. */
function bodyEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const t = lineText(lines[i]!);
    if (!t) continue;
    if (parsePlaceDateLine(t)) return i;
    if (NIP_LINE.test(t)) {
      // Back over the name, blank lines and the upper-case title(s) above it.
      let k = i - 1;
      while (k > from && !lineText(lines[k]!)) k--;
      k--; // the name line
      let start = k + 1;
      while (k > from) {
        const s = lineText(lines[k]!);
        if (!s) {
          k--;
          continue;
        }
        const letters = s.replace(/[^A-Za-z]/g, '');
        const upper = letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
        if (upper && s.length < 80) {
          start = k;
          k--;
          continue;
        }
        break;
      }
      return start;
    }
  }
  return lines.length;
}

export interface FlattenedResult {
  tables: RawTable[];
  /** First line of the table (its heading). */
  start: number;
  /** First line after the table body. */
  end: number;
}

export function tablesFromFlattened(lines: readonly string[], _isWord: WordTest): FlattenedResult {
  const head = findHeading(lines, 0);
  if (!head) return { tables: [], start: lines.length, end: lines.length };
  const end = bodyEnd(lines, head.end);
  // Drop headings repeated on later pages.
  const body: string[] = [];
  for (let i = head.end; i < end; i++) {
    const h = isHeadingLine(lines[i]!) ? findHeading(lines.slice(0, end), i) : null;
    if (h && h.start === i) {
      for (let k = i; k < h.end; k++) body.push('');
      i = h.end - 1;
      continue;
    }
    body.push(lines[i]!);
  }
  const columns = head.columns.filter((c) => c.role !== 'unknown');
  const states: State[] = columns.map((col, index) => ({
    col,
    index,
    single: col.role === 'no' || (col.role === 'target' && !!col.year),
  }));
  const toks = tokenize(body);
  if (toks.length === 0 || states.length === 0) return { tables: [], start: head.start, end };
  const prior = ColumnModel.prior(states.map((s) => s.col.role));
  let model = prior;
  let path = decode(toks, states, model, prior);
  for (let r = 0; r < EM_ROUNDS; r++) {
    model = learn(toks, path, states);
    path = decode(toks, states, model, prior);
  }
  const rows = rowsFromPath(toks, path, states, body);
  const table: RawTable = {
    roles: columns.map((c) => c.role),
    years: columns.filter((c) => c.year).map((c) => c.year!),
    percentYears: columns.some((c) => c.year && c.label.includes('%')),
    rows,
    wrappedLines: true,
    origin: 'flattened',
  };
  return { tables: [table], start: head.start, end };
}
