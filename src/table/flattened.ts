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
import { isHeadingLine, isHeadingRest, isTitleLine, lineText } from '../segment/line-kinds.js';
import type { WordTest } from '../text/join.js';
import { BODY_WORDS, NO_BREAK_AFTER, START_WORDS } from './flat-vocabulary.js';
import { looksSpaceAligned, readSpaceAligned } from './layout.js';
import type { SpaceAlignedPart } from './layout.js';
import type { FieldRole, RawRow, RawTable } from './raw-row.js';
import type { HeaderColumn } from './vocabulary.js';
import { columnsFromTokens, headerTokens } from './vocabulary.js';

/** How many lines a heading may span in a dump. */
const MAX_HEADING_LINES = 30;
/** Most rounds of re-estimation from the document's own decoding (it stops earlier once a round changes nothing). */
const EM_ROUNDS = 2;
/** Weight of the document's own statistics against the prior vocabulary. */
const LEARNED_WEIGHT = 0.6;
/** Dirichlet smoothing mass of the column models. */
const SMOOTHING = 20;

/** Transition weights (log domain). Named so they can be reasoned about and tuned as a set. */
export const WEIGHTS = {
  cellBoundary: -1.0,
  atLineStart: -0.5,
  afterBlankLine: 2.5,
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
  /** Cells start with a capital letter (sentence case); a cell starting lower-case is rare. */
  lowercaseCellStart: -3.5,
  /** Explanation bullets (➢ •) belong to the formula / explanation column. */
  explanationBullet: 3,
  bulletContinues: 2.5,
  /** Skipping a column costs more for the columns nearly every row fills. */
  skipIndikator: -3,
  skipMain: -2,
  /** A line continuing a cell rarely begins with another column's typical first word. */
  foreignStartWord: -0.5,
  /** Weight of the learned distribution of the column a row ends in. */
  rowEnd: 0.5,
  midLineRowWithoutNumber: -4,
  /** A row without a number opening after a wide gap in a printed line (the cell before ended on the same baseline). */
  gapRowWithoutNumber: -1,
  /** Per word (up to two) that the next cell repeats from the one before it on the line. */
  repeatedWords: 0.7,
  startLift: 1.0,
  /** A line break between two words printed side by side elsewhere in the document. */
  pairedElsewhere: -1.5,
  /** Per word (up to two) that a capitalised word echoes the words before it (see Tok.echo). */
  echo: 0.7,
  /** A second position title on a line (see Tok.secondTitle). */
  secondTitle: 2.5,
  /** A row that opens without a number in the sasaran column of a numbered table. */
  unnumberedSasaranRow: -1.5,
};

interface Tok {
  text: string;
  /** Character offsets in the printed line. */
  start: number;
  end: number;
  key: string;
  /** The key's number within its document (dense, from 0), for per-word tables. */
  keyId: number;
  line: number;
  lineStart: boolean;
  blankBefore: boolean;
  doubleSpaceBefore: boolean;
  indented: boolean;
  isNum: boolean;
  isRowNo: boolean;
  bullet: boolean;
  /** ➢ • ► – an explanation bullet, not a list hyphen. */
  explanationBullet: boolean;
  /**
   * A position title's head word ("Kasubbag", "Sekretaris") after another one on the same line:
   * two titles side by side are two cells (penanggung jawab | sumber data), not one title.
   */
  secondTitle: boolean;
  capital: boolean;
  lowercase: boolean;
  /** A row number that fits the table's numbering so far (1, 2, 3 … not "17 Agustus"). */
  plausibleRowNo: boolean;
  /**
   * A number below the highest row number, opening a line of text: it numbers a sub-indicator
   * of the current row ("5 Membuat Anggaran … / 1. Jumlah Laptop / 2. Jumlah Printer"). It opens
   * a sub-row, which takes its row's number.
   */
  itemNumber: boolean;
  /**
   * Content words after this token on its line that also stand before it: a formula cell often
   * repeats the indicator next to it ("Sosialisasi FKDM | Pelaksanaan sosialisasi FKDM").
   */
  repeats: number;
  /**
   * Words from here that repeat, word for word, the words just before ("… Alat Tulis Kantor |
   * Alat Tulis Kantor"), or 1 when this word repeats the first word of the line's text
   * ("Uji KIR mobil dinas | Uji KIR"): an indicator restating its sasaran, a formula its indicator.
   */
  echo: number;
  /**
   * At a line start: the previous word and this one stand side by side on one printed line
   * elsewhere in the document ("Kasi" / "Trantib" here, "Kasi Trantib" there), so the break is
   * likelier a wrap inside one cell than a cell boundary.
   */
  pairedElsewhere: boolean;
}

const NUMBER = /^\d+([.,]\d+)?%?$/;
const SIGNED_NUMBER = /^-\d+([.,]\d+)?%?$/;
const ROW_NUMBER = /^\d{1,2}\.?$/;
/** Explanation bullets (a list hyphen is a bullet too, but not an explanation's). */
const BULLETS = new Set(['➢', '➤', '►', '•', '●', '▪', '■', '✓']);

/** A word's key: lower case, trailing punctuation dropped. */
function keyOf(text: string): string {
  const lower = text.toLowerCase();
  let end = lower.length;
  while (end > 0) {
    const c = lower.charCodeAt(end - 1);
    if (c !== 46 && c !== 44 && c !== 59 && c !== 58) break; // . , ; :
    end--;
  }
  return end === lower.length ? lower : lower.slice(0, end);
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
      const c0 = text.charCodeAt(0);
      const digit = c0 >= 48 && c0 <= 57;
      const num = digit && NUMBER.test(text);
      const key = num ? '<num>' : keyOf(text);
      const start = m.index + m[1]!.length;
      toks.push({
        text,
        start,
        end: start + text.length,
        key,
        keyId: 0,
        line: li,
        lineStart: first,
        blankBefore: first && blank,
        doubleSpaceBefore: !first && m[1]!.length >= 2,
        indented: first && indented,
        isNum: num || (c0 === 45 && SIGNED_NUMBER.test(text)),
        isRowNo: digit && ROW_NUMBER.test(text),
        bullet: c0 === 45 || BULLETS.has(text[0]!),
        explanationBullet: BULLETS.has(text[0]!),
        secondTitle: false,
        capital: (c0 >= 65 && c0 <= 90) || c0 === 40,
        lowercase: c0 >= 97 && c0 <= 122,
        plausibleRowNo: false,
        itemNumber: false,
        repeats: 0,
        echo: 0,
        pairedElsewhere: false,
      });
      first = false;
    }
    blank = false;
  });
  // Words repeated across a candidate cell boundary within one line.
  let lineStart = 0;
  for (let n = 0; n <= toks.length; n++) {
    if (n < toks.length && (n === 0 || !toks[n]!.lineStart)) continue;
    const line = toks.slice(lineStart, n);
    const words = line.map((t) =>
      t.key.length > 2 && !NO_BREAK_AFTER.has(t.key) && t.key !== '<num>' ? t.key : '',
    );
    let titleSeen = false;
    for (const t of line) {
      const head = TITLE_HEADS.has(t.key);
      t.secondTitle = head && titleSeen && t.capital;
      if (head) titleSeen = true;
    }
    // Distinct words on both sides of each cut, kept incrementally as the cut moves right.
    const after = new Map<string, number>();
    for (const w of words) if (w) after.set(w, (after.get(w) ?? 0) + 1);
    const before = new Set<string>();
    let overlap = 0;
    for (let k = 1; k < line.length; k++) {
      const w = words[k - 1]!;
      if (w) {
        const left = after.get(w)! - 1;
        after.set(w, left);
        if (left === 0 && before.has(w)) overlap--;
        if (!before.has(w)) {
          before.add(w);
          if (left > 0) overlap++;
        }
      }
      line[k]!.repeats = overlap;
      line[k]!.echo = echoAt(line, k);
    }
    lineStart = n;
  }
  // Row numbers run 1, 2, 3 …: a number far beyond the highest seen so far is not one.
  // A number below the highest row number, opening a line of text, numbers an item inside a
  // cell ("5 Membuat Anggaran … / 1. Jumlah Laptop / 2. Jumlah Printer"), not a row.
  let highest = 0;
  toks.forEach((t, n) => {
    if (!t.isRowNo) return;
    const v = parseInt(t.text, 10);
    const next = toks[n + 1];
    const opensText = t.lineStart && !!next && !next.lineStart && !next.isNum;
    if (v >= 1 && v <= highest + MAX_ROW_NUMBER_JUMP) {
      t.plausibleRowNo = true;
      t.itemNumber = opensText && v < highest;
      if (t.lineStart || t.doubleSpaceBefore) highest = Math.max(highest, v);
    }
  });
  return toks;
}

/** Longest echo counted, in words. */
const MAX_ECHO = 4;

function echoAt(line: readonly Tok[], k: number): number {
  let m = 0;
  // The longest L whose L words before k equal the L words from k.
  for (let L = 1; L <= MAX_ECHO && k - L >= 0 && k + L <= line.length; L++) {
    let same = true;
    for (let i = 0; i < L && same; i++) same = line[k - L + i]!.key === line[k + i]!.key;
    if (same) m = L;
  }
  // The line's text starts after its row number.
  const first = line.findIndex((t) => !t.isRowNo);
  const restarts =
    first >= 0 && first < k - 1 && line[first]!.key === line[k]!.key && line[k]!.key.length > 2;
  return Math.max(m, restarts ? 1 : 0);
}

/** Head words of Indonesian position titles (the people of a penanggung jawab or sumber data cell). */
const TITLE_HEADS = new Set([
  'kepala',
  'kasi',
  'kasie',
  'kasubbag',
  'kasubag',
  'kasub',
  'kabid',
  'kabag',
  'sekretaris',
  'sekcam',
  'camat',
  'lurah',
  'bendahara',
  'pengurus',
]);

/** How far a row number may jump past the highest one seen (a row or two may be lost). */
const MAX_ROW_NUMBER_JUMP = 2;

/** Unigram statistics per column of the prior vocabulary, by word. */
class ColumnModel {
  private body = new Map<string, Map<string, number>>();
  private start = new Map<string, Map<string, number>>();
  private totals = new Map<string, number>();
  private startTotals = new Map<string, number>();
  private all = new Map<string, number>();
  private allTotal = 0;
  private startAll = new Map<string, number>();
  private startAllTotal = 0;

  /** The prior of each list of column roles, built once per process (it never changes). */
  private static priors = new Map<string, ColumnModel>();

  static prior(roles: readonly string[]): ColumnModel {
    const sig = roles.join('|');
    const known = ColumnModel.priors.get(sig);
    if (known) return known;
    const m = new ColumnModel();
    for (const r of roles) {
      for (const w of START_WORDS[r as keyof typeof START_WORDS] ?? []) m.add(r, w, true, 3);
      for (const w of BODY_WORDS[r as keyof typeof BODY_WORDS] ?? []) m.add(r, w, false, 3);
    }
    ColumnModel.priors.set(sig, m);
    return m;
  }

  private add(role: string, key: string, isStart: boolean, n: number): void {
    ColumnModel.inc(this.body, this.totals, role, key, n);
    this.all.set(key, (this.all.get(key) ?? 0) + n);
    this.allTotal += n;
    if (isStart) {
      ColumnModel.inc(this.start, this.startTotals, role, key, n);
      this.startAll.set(key, (this.startAll.get(key) ?? 0) + n);
      this.startAllTotal += n;
    }
  }

  private static inc(
    map: Map<string, Map<string, number>>,
    tot: Map<string, number>,
    role: string,
    key: string,
    n: number,
  ): void {
    let mm = map.get(role);
    if (!mm) map.set(role, (mm = new Map()));
    mm.set(key, (mm.get(key) ?? 0) + n);
    tot.set(role, (tot.get(role) ?? 0) + n);
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
    return smoothedLift(map.get(role)?.get(key) ?? 0, tot, all.get(key) ?? 0, allTot);
  }

  /** Whether the model counted the word at all (`lift` of any other word is `unseenLift`). */
  knows(key: string): boolean {
    return this.all.has(key);
  }

  /** `lift` of a word the model never counted. */
  unseenLift(role: string, isStart: boolean): number {
    const tot = (isStart ? this.startTotals : this.totals).get(role) ?? 0;
    return smoothedLift(0, tot, 0, isStart ? this.startAllTotal : this.allTotal);
  }
}

/** The lift of a word in a column from its counts (see `ColumnModel.lift`). */
function smoothedLift(inRole: number, roleTotal: number, inAll: number, allTotal: number): number {
  const pw = (inAll + 0.1) / (allTotal + 100);
  const pwr = (inRole + SMOOTHING * pw) / (roleTotal + SMOOTHING);
  const l = Math.log(pwr / pw);
  return Math.max(-3, Math.min(3, l));
}

/**
 * Unigram statistics per column learned from a decoding: counts by role number and word number
 * (`Tok.keyId`) in flat arrays, the same estimate as `ColumnModel.lift` without a string lookup.
 */
class WordModel {
  private readonly body: Int32Array;
  private readonly start: Int32Array;
  private readonly totals: Int32Array;
  private readonly startTotals: Int32Array;
  private readonly all: Int32Array;
  private allTotal = 0;
  private readonly startAll: Int32Array;
  private startAllTotal = 0;

  constructor(
    roles: number,
    private readonly words: number,
  ) {
    this.body = new Int32Array(roles * words);
    this.start = new Int32Array(roles * words);
    this.totals = new Int32Array(roles);
    this.startTotals = new Int32Array(roles);
    this.all = new Int32Array(words);
    this.startAll = new Int32Array(words);
  }

  add(role: number, id: number, isStart: boolean): void {
    this.body[role * this.words + id]!++;
    this.totals[role]!++;
    this.all[id]!++;
    this.allTotal++;
    if (isStart) {
      this.start[role * this.words + id]!++;
      this.startTotals[role]!++;
      this.startAll[id]!++;
      this.startAllTotal++;
    }
  }

  /**
   * `out[offset + id]` = the lift of every word in column `role` (see `ColumnModel.lift`). Most
   * words never occur in a given column: their lift depends on their overall count only, so it
   * is computed once per count.
   */
  liftsInto(out: Float64Array, offset: number, role: number, isStart: boolean): void {
    const words = this.words;
    const counts = isStart ? this.start : this.body;
    const all = isStart ? this.startAll : this.all;
    const tot = (isStart ? this.startTotals : this.totals)[role]!;
    const allTot = isStart ? this.startAllTotal : this.allTotal;
    let most = 0;
    for (let id = 0; id < words; id++) if (all[id]! > most) most = all[id]!;
    const unseen = new Float64Array(most + 1).fill(NaN);
    for (let id = 0; id < words; id++) {
      const c = counts[role * words + id]!;
      const n = all[id]!;
      if (c === 0) {
        let v = unseen[n]!;
        if (Number.isNaN(v)) unseen[n] = v = smoothedLift(0, tot, n, allTot);
        out[offset + id] = v;
      } else out[offset + id] = smoothedLift(c, tot, n, allTot);
    }
  }
}

/** Columns whose cells are words (the others hold a row number or a figure: no word model). */
function isTextRole(role: string): boolean {
  return role !== 'no' && role !== 'target' && role !== 'baseline';
}

/** Lifts per state and word number, `[j * words + keyId]`, for cell-start and other words. */
interface LiftTables {
  start: Float64Array;
  body: Float64Array;
}

/** What decode reads: the learned model's lifts mixed with the prior's, per state and word number. */
interface Lifts extends LiftTables {
  words: number;
  /** The two tables mixed (for `IKI_DEBUG_TOK`). */
  model: LiftTables;
  prior: LiftTables;
}

function modelLifts(model: WordModel, states: readonly State[], words: number): LiftTables {
  const start = new Float64Array(states.length * words);
  const body = new Float64Array(states.length * words);
  const roleOf = roleNumbers(states).of;
  for (let j = 0; j < states.length; j++) {
    if (!isTextRole(states[j]!.col.role)) continue;
    model.liftsInto(start, j * words, roleOf[j]!, true);
    model.liftsInto(body, j * words, roleOf[j]!, false);
  }
  return { start, body };
}

function priorLifts(prior: ColumnModel, states: readonly State[], keys: readonly string[]): LiftTables {
  const words = keys.length;
  const start = new Float64Array(states.length * words);
  const body = new Float64Array(states.length * words);
  const known = keys.map((k) => prior.knows(k));
  for (let j = 0; j < states.length; j++) {
    const role = states[j]!.col.role;
    if (!isTextRole(role)) continue;
    const unseenStart = prior.unseenLift(role, true);
    const unseenBody = prior.unseenLift(role, false);
    for (let id = 0; id < words; id++) {
      start[j * words + id] = known[id] ? prior.lift(role, keys[id]!, true) : unseenStart;
      body[j * words + id] = known[id] ? prior.lift(role, keys[id]!, false) : unseenBody;
    }
  }
  return { start, body };
}

function mixLifts(model: LiftTables, prior: LiftTables, words: number): Lifts {
  const mix = (m: Float64Array, p: Float64Array): Float64Array => {
    const out = new Float64Array(m.length);
    for (let k = 0; k < m.length; k++) out[k] = LEARNED_WEIGHT * m[k]! + (1 - LEARNED_WEIGHT) * p[k]!;
    return out;
  };
  return {
    start: mix(model.start, prior.start),
    body: mix(model.body, prior.body),
    words,
    model,
    prior,
  };
}

/** Role numbers of the states (states of one role share one word model, as `ColumnModel` keys them by role). */
function roleNumbers(states: readonly State[]): {
  of: Int32Array;
  count: number;
} {
  const ids = new Map<string, number>();
  const of = new Int32Array(states.length);
  states.forEach((st, j) => {
    let id = ids.get(st.col.role);
    if (id === undefined) ids.set(st.col.role, (id = ids.size));
    of[j] = id;
  });
  return { of, count: ids.size };
}

interface State {
  col: HeaderColumn;
  index: number;
  single: boolean; // one token only (row number, a year's target)
}

/** A decoded fragment: tokens [from, to) of one printed line, in one column. */
interface Fragment {
  from: number;
  to: number;
  state: number;
  /** Starts a new row. */
  newRow: boolean;
  /** Continues the cell of the previous fragment (a further printed line of it). */
  continues: boolean;
}

/** Printed width of each column in characters, learned from lines that hold one cell only. */
type Widths = number[];

/** Longest printed cell line considered, in words (bounds the decoder's work on pathological lines). */
const MAX_FRAGMENT_TOKENS = 48;
/** A fragment longer than its column's width costs this much per character over. */
const WIDTH_PENALTY_PER_CHAR = 0.5;
/** Slack over the learned width before the penalty starts. */
const WIDTH_SLACK = 0;

/** What a decoding teaches about the table: word models, column widths, where rows start. */
interface Learned {
  /** The word model learned; null before anything was learned (the prior alone). */
  model: WordModel | null;
  widths: Widths;
  /** log P(a row starts in column j); null before anything was learned. */
  rowStart: number[] | null;
  /** log P(a row ends in column j); null before anything was learned. */
  rowEnd?: number[] | null;
  /** How much likelier than usual a cell boundary is in the middle of a printed line, in this document (log). */
  midLineShift?: number;
}

/** What leaving a column of this role empty in a row costs (the columns nearly every row fills cost more). */
function columnSkipCost(role: string): number {
  if (role === 'indikator') return WEIGHTS.skipIndikator;
  if (role === 'sasaran' || role === 'formulasi') return WEIGHTS.skipMain;
  return WEIGHTS.skipColumn;
}

/**
 * Scratch arrays of the decoder, reused from one decoding to the next (decodings never overlap:
 * they are synchronous), so a document's dozens of decodings allocate no typed arrays.
 */
const scratch = {
  f64: [] as Float64Array[],
  i32: [] as Int32Array[],
  u8: [] as Uint8Array[],
};
/** Larger scratch arrays are not kept after their decoding. */
const MAX_KEPT_SCRATCH = 1 << 20;

function scratchArray<T extends Float64Array | Int32Array | Uint8Array>(
  pool: T[],
  slot: number,
  n: number,
  make: (n: number) => T,
): T {
  const have = pool[slot];
  if (have && have.length >= n) return have;
  const made = make(Math.max(n, 2 * (have?.length ?? 0), 1024));
  if (made.length <= MAX_KEPT_SCRATCH) pool[slot] = made;
  return made;
}
const f64 = (slot: number, n: number) => scratchArray(scratch.f64, slot, n, (k) => new Float64Array(k));
const i32 = (slot: number, n: number) => scratchArray(scratch.i32, slot, n, (k) => new Int32Array(k));
const u8 = (slot: number, n: number) => scratchArray(scratch.u8, slot, n, (k) => new Uint8Array(k));

/** What decode asks of each state's role, per state. */
interface StateKinds {
  isNo: boolean[];
  /** A year's target or a baseline: figures. */
  isFigure: boolean[];
  isText: boolean[];
  isFormulasi: boolean[];
  isSasaran: boolean[];
  single: boolean[];
  /** A bullet opening a line rarely continues a cell of these columns. */
  bulletBreaks: boolean[];
}

// Plain loops, not callbacks: closures made per decoding would make the optimised decoder
// specialise on one call's closures and fall back to the interpreter on the next.
function stateKinds(states: readonly State[]): StateKinds {
  const k: StateKinds = {
    isNo: [],
    isFigure: [],
    isText: [],
    isFormulasi: [],
    isSasaran: [],
    single: [],
    bulletBreaks: [],
  };
  for (const st of states) {
    const r = st.col.role;
    k.isNo.push(r === 'no');
    k.isFigure.push(r === 'target' || r === 'baseline');
    k.isText.push(isTextRole(r));
    k.isFormulasi.push(r === 'formulasi');
    k.isSasaran.push(r === 'sasaran');
    k.single.push(st.single);
    k.bulletBreaks.push(r !== 'formulasi' && r !== 'sumberData' && r !== 'penanggungJawab');
  }
  return k;
}

/** A token's emission score in state j (`bodyLift`: its mixed lift in the state's column). */
function emitTok(t: Tok, kinds: StateKinds, j: number, bodyLift: number): number {
  const W = WEIGHTS;
  if (kinds.isNo[j]) return t.isRowNo && t.plausibleRowNo ? 2 : -20;
  if (kinds.isFigure[j]) return t.isNum ? 1 : t.text === '-' ? -1 : -20;
  let e = t.isNum ? -0.5 : 0;
  if (t.isRowNo && t.lineStart && t.plausibleRowNo) e -= 2;
  if (t.explanationBullet) e += kinds.isFormulasi[j] ? W.explanationBullet : -W.explanationBullet;
  return e + W.emissionLift * bodyLift;
}

/** What a cell boundary before token a scores. */
function boundary(toks: readonly Tok[], a: number, midShift: number): number {
  const W = WEIGHTS;
  const t = toks[a]!;
  const prev = a > 0 ? toks[a - 1] : undefined;
  let b = t.lineStart ? W.atLineStart : W.midLine + midShift + (t.capital ? W.capitalised : 0);
  if (t.blankBefore) b += W.afterBlankLine;
  if (t.doubleSpaceBefore) b += W.afterDoubleSpace - W.midLine;
  if (t.bullet) b += W.atBullet;
  if (t.pairedElsewhere) b += W.pairedElsewhere;
  if (!t.lineStart && t.capital) b += W.repeatedWords * Math.min(t.repeats, 2);
  if (!t.lineStart && t.capital && t.echo > 0) b += W.echo * Math.min(t.echo, 2);
  if (!t.lineStart && t.secondTitle) b += W.secondTitle;
  // A cell does not end on "dan" / "yang", whether the break is a line end or a gap.
  if (prev && NO_BREAK_AFTER.has(prev.key)) b += W.afterFunctionWord;
  return b;
}

function decode(toks: Tok[], states: State[], learned: Learned, lifts: Lifts): Fragment[] {
  const { widths } = learned;
  const S = states.length;
  const N = toks.length;
  const W = WEIGHTS;
  const words = lifts.words;
  const kinds = stateKinds(states);
  const { isNo, isFigure, isText, isFormulasi, isSasaran, single, bulletBreaks } = kinds;
  // Per token and state: the cell-start lift ([j * N + n]), computed once.
  const startL = f64(0, S * N);
  for (let j = 0; j < S; j++)
    for (let n = 0; n < N; n++)
      startL[j * N + n] = isText[j] ? W.startLift * lifts.start[j * words + toks[n]!.keyId]! : 0;
  // The best start lift of any other column: from the two best per token, O(S) per token.
  const foreignL = f64(1, S * N);
  for (let n = 0; n < N; n++) {
    let top = 0;
    let topAt = -1;
    let second = 0;
    for (let k = 0; k < S; k++) {
      const v = startL[k * N + n]!;
      if (v > top) {
        second = top;
        top = v;
        topAt = k;
      } else if (v > second) second = v;
    }
    for (let j = 0; j < S; j++) foreignL[j * N + n] = W.foreignStartWord * (j === topAt ? second : top);
  }
  // Prefix sums of token emissions per state ([j * (N + 1) + n]), so a fragment's score is O(1).
  const pre = f64(2, S * (N + 1));
  for (let j = 0; j < S; j++) {
    const o = j * (N + 1);
    pre[o] = 0;
    for (let n = 0; n < N; n++) {
      const t = toks[n]!;
      pre[o + n + 1] = pre[o + n]! + emitTok(t, kinds, j, lifts.body[j * words + t.keyId]!);
    }
  }
  // Where each token ends in its printed line.
  const tokEnd = i32(0, N);
  for (let n = 0; n < N; n++) tokEnd[n] = toks[n]!.end;

  const midShift = learned.midLineShift ?? 0;
  if (DEBUG_TOKENS) {
    const want = DEBUG_TOKENS;
    toks.forEach((t, n) => {
      if (!t.lineStart || !want.includes(t.text)) return;
      const ctx = toks
        .slice(Math.max(0, n - 3), n + 4)
        .map((x) => x.text)
        .join(' ');
      console.error(
        `TOK ${t.text} @${t.line} [${ctx}] blank=${t.blankBefore} paired=${t.pairedElsewhere} b=${boundary(toks, n, midShift).toFixed(2)}`,
      );
      for (const st of states) {
        const r = st.col.role;
        const k = st.index * words + t.keyId;
        console.error(
          `   ${r.padEnd(16)} emit=${emitTok(t, kinds, st.index, lifts.body[k]!).toFixed(2)} start=${startL[st.index * N + n]!.toFixed(2)} foreign=${foreignL[st.index * N + n]!.toFixed(2)} mB=${lifts.model.body[k]!.toFixed(2)} pB=${lifts.prior.body[k]!.toFixed(2)} w=${learned.widths[st.index]}`,
        );
      }
    });
  }
  // best[b*S + j]: best score of a decoding of tokens [0, b) whose last fragment ends at b in state j.
  // Filled forwards: once every fragment ending at `a` is scored, best[a] is final, the best
  // predecessor for each kind of transition is found once per (a, j), and the fragments
  // starting at `a` are extended token by token (O(N·S² + N·K·S) instead of O(N·K·S²)).
  const cells = (N + 1) * S;
  const best = f64(3, cells).fill(-Infinity, 0, cells);
  const backFrom = i32(1, cells).fill(-1, 0, cells);
  const backState = i32(2, cells).fill(-1, 0, cells);
  // backNew and backCont are read only where backFrom was set, and set with it.
  const backNew = u8(0, cells);
  const backCont = u8(1, cells);
  // Line ends: fragments never cross a printed line.
  const lineEndOf = i32(3, N);
  for (let n = N - 1; n >= 0; n--)
    lineEndOf[n] = n + 1 < N && !toks[n + 1]!.lineStart ? lineEndOf[n + 1]! : n + 1;
  const rowEnd: number[] = [];
  const rowStart: number[] = [];
  const skipOne: number[] = [];
  for (let j = 0; j < S; j++) {
    rowEnd.push(learned.rowEnd ? W.rowEnd * learned.rowEnd[j]! : 0);
    rowStart.push(
      WEIGHTS.rowStartSkip * j * (learned.rowStart ? 1 - ROW_START_WEIGHT : 1) +
        (learned.rowStart ? ROW_START_WEIGHT * learned.rowStart[j]! : 0),
    );
    skipOne.push(columnSkipCost(states[j]!.col.role));
  }
  // Per token: the best way into each state from an earlier state of the same row (skipping the
  // columns between) and from any state at or after it (a new row), as running maxima: O(S)
  // per token instead of O(S²). Ties go to the lower state, as a scan in state order would.
  const hasNo = isNo.indexOf(true) >= 0;
  const fwdBest = f64(4, S);
  const fwdFrom = i32(4, S);
  const newBest = f64(5, S);
  const newFrom = i32(5, S);
  for (let a = 0; a < N; a++) {
    const t = toks[a]!;
    const bsig = boundary(toks, a, midShift);
    const row = a * S;
    if (a > 0) {
      let run = -Infinity;
      let runFrom = -1;
      for (let j = 0; j < S; j++) {
        fwdBest[j] = run;
        fwdFrom[j] = runFrom;
        const p = best[row + j]!;
        run += skipOne[j]!;
        if (p > run) {
          run = p;
          runFrom = j;
        }
      }
      let suf = -Infinity;
      let sufFrom = -1;
      for (let j = S - 1; j >= 0; j--) {
        const p = best[row + j]!;
        if (p !== -Infinity && !isNo[j]) {
          const v = p + rowEnd[j]!;
          if (v >= suf) {
            suf = v;
            sufFrom = j;
          }
        }
        newBest[j] = suf;
        newFrom[j] = sufFrom;
      }
    }
    const lastB = Math.min(lineEndOf[a]!, a + MAX_FRAGMENT_TOKENS);
    const tStart = t.start;
    const rowNumberHere = t.plausibleRowNo;
    for (let j = 0; j < S; j++) {
      // The three ways into state j at token a, without the fragment's own score.
      let cont = -Infinity;
      let fwd = -Infinity;
      let nw: number;
      let fwdArg = -1;
      let newArg: number;
      if (a === 0) {
        nw = rowStart[j]! + (isNo[j] && rowNumberHere ? W.rowNumber : 0);
        newArg = -1;
      } else {
        const here = best[row + j]!;
        if (t.lineStart && !single[j] && here > -Infinity) {
          cont = here + foreignL[j * N + a]!;
          if (t.blankBefore) cont += W.sameCellAfterBlank;
          // Bullets are items of one explanation cell.
          if (t.explanationBullet && isFormulasi[j]) cont += W.bulletContinues;
          if (t.bullet && bulletBreaks[j]) cont -= 1;
        }
        fwd = fwdBest[j]!;
        fwdArg = fwdFrom[j]!;
        if (fwd > -Infinity) {
          // A run of target figures is separated by spaces only.
          const sig = isFigure[j] && t.isNum ? Math.max(bsig, W.atLineStart) : bsig;
          fwd += W.cellBoundary + sig;
        }
        nw = newBest[j]!;
        newArg = newFrom[j]!;
        if (nw > -Infinity) {
          nw += W.newRow + bsig + rowStart[j]!;
          if (isNo[j] && rowNumberHere) nw += W.rowNumber;
          if (t.indented && j > 0) nw += W.indentedRowStart;
          // Rows are numbered: a row without a number is a sub-indicator, its sasaran the row's above.
          if (hasNo && isSasaran[j]) nw += W.unnumberedSasaranRow;
          if (!t.lineStart && !(isNo[j] && rowNumberHere))
            nw += t.doubleSpaceBefore ? W.gapRowWithoutNumber : W.midLineRowWithoutNumber;
        }
      }
      if (cont === -Infinity && fwd === -Infinity && nw === -Infinity) continue;
      const opening = Math.max(fwd, nw);
      const openExtra = startL[j * N + a]! + (t.lowercase && isText[j] ? W.lowercaseCellStart : 0);
      const w = widths[j]!;
      const finiteWidth = Number.isFinite(w);
      const isNew = a === 0 || nw > fwd;
      const fromState = isNew ? newArg : fwdArg;
      const o = j * (N + 1);
      const preA = pre[o + a]!;
      const end = single[j] ? Math.min(lastB, a + 1) : lastB;
      for (let b = a + 1; b <= end; b++) {
        let e = pre[o + b]! - preA;
        if (finiteWidth) {
          const len = tokEnd[b - 1]! - tStart;
          if (len > w + WIDTH_SLACK) e -= WIDTH_PENALTY_PER_CHAR * (len - w - WIDTH_SLACK);
        }
        const vc = cont + e;
        const vo = opening + e + openExtra;
        const k = b * S + j;
        if (vc >= vo) {
          if (vc > best[k]!) {
            best[k] = vc;
            backFrom[k] = a;
            backState[k] = j;
            backNew[k] = 0;
            backCont[k] = 1;
          }
        } else if (vo > best[k]!) {
          best[k] = vo;
          backFrom[k] = a;
          backState[k] = fromState;
          backNew[k] = isNew ? 1 : 0;
          backCont[k] = 0;
        }
      }
    }
  }
  let j = 0;
  let top = -Infinity;
  for (let s = 0; s < S; s++)
    if (best[N * S + s]! > top) {
      top = best[N * S + s]!;
      j = s;
    }
  const frags: Fragment[] = [];
  let b = N;
  while (b > 0 && j >= 0) {
    const a = backFrom[b * S + j]!;
    if (a < 0) break;
    frags.push({
      from: a,
      to: b,
      state: j,
      newRow: backNew[b * S + j] === 1,
      continues: backCont[b * S + j] === 1,
    });
    const pj = backState[b * S + j]!;
    b = a;
    j = pj;
  }
  return frags.reverse();
}

function learn(
  decoded: readonly { toks: Tok[]; frags: Fragment[] }[],
  states: State[],
  words: number,
): Learned {
  const roleOf = roleNumbers(states);
  const m = new WordModel(roleOf.count, words);
  const estimates: number[][] = states.map(() => []);
  const starts = states.map(() => 0.5);
  let total = 0.5 * states.length;
  const ends = states.map(() => 0.5);
  let endTotal = 0.5 * states.length;
  let midTokens = 0;
  let midStarts = 0;
  for (const { toks, frags } of decoded) {
    for (const f of frags) {
      if (!toks[f.from]!.lineStart) midStarts++;
      for (let n = f.from; n < f.to; n++) if (!toks[n]!.lineStart) midTokens++;
    }
    // A printed line that wraps into the next line of the same cell shows the column's width:
    // the line fits, the next line's first word did not. The midpoint estimates the width.
    for (let k = 0; k < frags.length; k++) {
      const f = frags[k]!;
      const role = roleOf.of[f.state]!;
      for (let n = f.from; n < f.to; n++) m.add(role, toks[n]!.keyId, n === f.from && !f.continues);
      const next = frags[k + 1];
      if (next && next.continues && next.state === f.state) {
        const len = toks[f.to - 1]!.end - toks[f.from]!.start;
        const nextWord = toks[next.from]!.text.length;
        estimates[f.state]!.push(len + (1 + nextWord) / 2);
      }
    }
    for (const f of frags) {
      if (!f.newRow) continue;
      starts[f.state]! += 1;
      total += 1;
    }
    frags.forEach((f, k) => {
      const next = frags[k + 1];
      if (next && !next.newRow) return;
      ends[f.state]! += 1;
      endTotal += 1;
    });
  }
  const widths = medianWidths(estimates);
  return {
    model: m,
    widths,
    rowStart: starts.map((c) => Math.log(c / total)),
    rowEnd: ends.map((c) => Math.log(c / endTotal)),
    midLineShift:
      MID_LINE_WEIGHT *
      Math.max(
        -2,
        Math.min(2, Math.log((midStarts + 1) / (midTokens + 1 / MID_LINE_PRIOR_RATE) / MID_LINE_PRIOR_RATE)),
      ),
  };
}

function medianWidths(estimates: readonly number[][]): Widths {
  return estimates.map((es) => {
    if (es.length < MIN_WIDTH_SAMPLES) return Infinity;
    const sorted = [...es].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)]!;
  });
}

/** How often a mid-line word starts a cell in a typical dump (the prior of the learned rate). */
const MID_LINE_PRIOR_RATE = 0.05;
/** Weight of the document's own mid-line boundary rate. */
const MID_LINE_WEIGHT = 0.7;
/** Weight of the learned row-start distribution. */
const ROW_START_WEIGHT = 0.5;
/** Lines needed before a column's width is trusted. */
const MIN_WIDTH_SAMPLES = 2;

/** Anchored rows needed before they seed the first decoding. */
const MIN_ANCHOR_ROWS = 2;

/**
 * Rows whose cells the printing left unambiguous: after the row number, one chunk per column,
 * chunks separated by blank lines or wide gaps, each starting with a capital. Such rows teach
 * the column models before any decoding, so a document whose columns hold unusual words (an
 * indikator column of "Meningkatnya …", a formula column of "Prosentase …") is read by what it
 * shows rather than by the general vocabulary. Columns printed once for many rows (sumber data,
 * penanggung jawab) may be absent at the end of a row.
 */
function anchorFragments(toks: readonly Tok[], states: readonly State[]): Fragment[] {
  if (states[0]?.col.role !== 'no') return [];
  const text = states.map((s, k) => k).filter((k) => !states[k]!.single);
  const targets = states
    .map((s, k) => k)
    .filter(
      (k) => (states[k]!.col.role === 'target' || states[k]!.col.role === 'baseline') && states[k]!.single,
    );
  const optionalTail = new Set(['sumberData', 'penanggungJawab']);
  const out: Fragment[] = [];
  const isRowStart = (t: Tok): boolean => t.lineStart && t.isRowNo && t.plausibleRowNo;
  let n = 0;
  while (n < toks.length) {
    if (!isRowStart(toks[n]!)) {
      n++;
      continue;
    }
    let end = n + 1;
    while (end < toks.length && !isRowStart(toks[end]!)) end++;
    // Chunks of the row after its number: [from, to) token ranges.
    const chunks: [number, number][] = [];
    for (let k = n + 1; k < end; k++) {
      const t = toks[k]!;
      if (k === n + 1 || t.blankBefore || t.doubleSpaceBefore) chunks.push([k, k + 1]);
      else chunks[chunks.length - 1]![1] = k + 1;
    }
    const numeric = chunks.filter(([a, b]) => toks.slice(a, b).every((t) => t.isNum || t.text === '-'));
    const words = chunks.filter((c) => !numeric.includes(c));
    const targetToks = numeric.reduce((m, [a, b]) => m + b - a, 0);
    const fits =
      words.length > 0 &&
      // A second row number inside means cells of two rows share a line: not a clean row.
      !toks.slice(n + 1, end).some((t) => t.isRowNo && t.plausibleRowNo) &&
      // A capitalised word that repeats words before it on its line starts another cell.
      !toks
        .slice(n + 1, end)
        .some((t) => !t.lineStart && !t.doubleSpaceBefore && t.capital && t.repeats > 0) &&
      words.every(([a]) => toks[a]!.capital) &&
      (targetToks === 0 || targetToks === targets.length) &&
      (words.length === text.length ||
        (words.length === text.length - 1 && optionalTail.has(states[text[text.length - 1]!]!.col.role))) &&
      // Target figures come after the text cells they follow in the heading, not among them.
      (numeric.length === 0 ||
        chunks.indexOf(numeric[0]!) === chunks.length - numeric.length ||
        targets.length > 0);
    if (fits) {
      out.push({
        from: n,
        to: n + 1,
        state: 0,
        newRow: true,
        continues: false,
      });
      let w = 0;
      let tg = 0;
      for (const c of chunks) {
        if (numeric.includes(c)) {
          for (let k = c[0]; k < c[1]; k++)
            out.push({
              from: k,
              to: k + 1,
              state: targets[tg++]!,
              newRow: false,
              continues: false,
            });
          continue;
        }
        const state = text[w++]!;
        // One fragment per printed line of the chunk.
        let a = c[0];
        for (let k = c[0] + 1; k <= c[1]; k++) {
          if (k < c[1] && !toks[k]!.lineStart) continue;
          out.push({
            from: a,
            to: k,
            state,
            newRow: false,
            continues: a !== c[0],
          });
          a = k;
        }
      }
    }
    n = end;
  }
  return out;
}

function rowsFromFragments(toks: Tok[], frags: Fragment[], states: State[]): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  for (const f of frags) {
    // The first numbered sub-indicator of a row whose indikator is still empty is that row's own.
    const firstItem =
      !!row &&
      f.newRow &&
      toks[f.from]!.itemNumber &&
      states[f.state]!.col.role === 'no' &&
      !row.cells.indikator;
    if ((f.newRow && !firstItem) || !row) {
      row = { cells: {}, targets: {}, page: null, bbox: null };
      rows.push(row);
    }
    const col = states[f.state]!.col;
    const text = toks
      .slice(f.from, f.to)
      .map((t) => t.text)
      .join(' ');
    if (col.role === 'target') {
      if (col.year) row.targets[col.year] = text;
      continue;
    }
    if (col.role === 'unknown' || col.role === 'baseline') continue;
    if (col.role === 'no' && f.to - f.from === 1 && toks[f.from]!.itemNumber) continue;
    const role = col.role as FieldRole;
    (row.cells[role] ??= []).push(text);
  }
  return rows;
}

/** Start and end (exclusive) of the first heading zone at or after `from`, with its columns. */
function findHeading(
  lines: readonly string[],
  from: number,
  /** Lines from here on are not looked at. */
  limit = lines.length,
): { start: number; end: number; columns: HeaderColumn[] } | null {
  for (let i = from; i < limit; i++) {
    const l0 = lines[i]!;
    // A heading in ordinary case may print one column per line ("No" / "Sasaran" / "Indikator Kinerja").
    if (!(isHeadingLine(l0) || isHeadingRest(l0)) || isTitleLine(l0)) continue;
    let end = i;
    const toks: string[] = [];
    for (let k = i; k < limit && k < i + MAX_HEADING_LINES; k++) {
      const l = lines[k]!;
      if (!l.trim()) continue;
      if (!isHeadingLine(l) && !isHeadingRest(l)) break;
      toks.push(...headerTokens(lineText(l)));
      end = k + 1;
    }
    const columns = columnsFromTokens(toks);
    const roles = new Set(columns.map((c) => c.role));
    if (roles.has('indikator') && (roles.has('sasaran') || roles.has('formulasi')))
      return { start: i, end, columns };
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
    if (/^(mengetahui|menyetujui)\b/i.test(t)) return i;
    // A signer's title ("Kepala Dinas Kesehatan,", "CAMAT BELAWANG,") with only a signature below it.
    if (/,$/.test(t) && t.length < 80 && /^[A-Z]\S*\s+\S/.test(t) && onlySignatureFollows(lines, i + 1))
      return i;
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

/** True when the lines after `from` hold at most a name and a NIP (or nothing). */
function onlySignatureFollows(lines: readonly string[], from: number): boolean {
  const rest = lines
    .slice(from)
    .map((l) => lineText(l))
    .filter(Boolean);
  return rest.length <= 3 && rest.every((l) => NIP_LINE.test(l) || l.length < 60);
}

export interface FlattenedResult {
  tables: RawTable[];
  /** First line of the table (its heading). */
  start: number;
  /** First line after the table body. */
  end: number;
}

/** A flattened table found in a form: where it is, its columns, its body as tokens. */
export interface FlatSpec {
  start: number;
  end: number;
  columns: HeaderColumn[];
  states: State[];
  toks: Tok[];
  /** Set when the table keeps its columns' positions (pdftotext -layout): read by position instead. */
  spaceAligned?: RawTable;
}

/** Find a form's flattened table: its heading, its body (repeated headings dropped), its end. */
export function locateFlattened(lines: readonly string[]): FlatSpec | null {
  const head = findHeading(lines, 0);
  if (!head) return null;
  const end = bodyEnd(lines, head.end);
  const body: string[] = [];
  // Pages of a space-aligned table: each repeated heading starts a part with its own positions.
  const parts: SpaceAlignedPart[] = [{ heading: lines.slice(head.start, head.end), body: [] }];
  for (let i = head.end; i < end; i++) {
    const h = isHeadingLine(lines[i]!) || isHeadingRest(lines[i]!) ? findHeading(lines, i, end) : null;
    if (h && h.start === i) {
      for (let k = i; k < h.end; k++) body.push('');
      parts.push({ heading: lines.slice(h.start, h.end), body: [] });
      i = h.end - 1;
      continue;
    }
    body.push(lines[i]!);
    (parts[parts.length - 1]!.body as string[]).push(lines[i]!);
  }
  const columns = head.columns.filter((c) => c.role !== 'unknown');
  const states: State[] = columns.map((col, index) => ({
    col,
    index,
    single: col.role === 'no' || col.role === 'baseline' || (col.role === 'target' && !!col.year),
  }));
  const headingLines = lines.slice(head.start, head.end);
  const spaceAligned = looksSpaceAligned(headingLines, body) ? readSpaceAligned(parts) : null;
  if (spaceAligned) return { start: head.start, end, columns, states, toks: [], spaceAligned };
  return { start: head.start, end, columns, states, toks: tokenize(body) };
}

/** Letters and digits of a cell, lower case, single-spaced: for comparing cells. */
function cellKey(lines: readonly string[] | undefined): string {
  return (lines ?? [])
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Dokumen Pelaksanaan Anggaran" → "dpa": the initials of a cell's capitalised words. */
function initials(lines: readonly string[] | undefined): string {
  const words = (lines ?? []).join(' ').split(/\s+/);
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

/**
 * A "sumber data" cell that only restates its row's indikator (word for word, or as its acronym:
 * "Dokumen Pelaksanaan Anggaran" / "DPA") is no data source: it is the end of the formula next to
 * it ("Realisasi penyusunan | DPA"), cut off where the formula's last line met the sumber
 * column's typical first word. It goes back to the formula, so a sumber printed once for the
 * whole table is carried down over the row instead.
 */
export function formulaTailsFromSumber(rows: RawRow[]): RawRow[] {
  for (const row of rows) {
    const { indikator, formulasi, sumberData } = row.cells;
    if (!indikator?.length || !formulasi?.length || !sumberData?.length) continue;
    const sumber = cellKey(sumberData);
    const restates =
      sumber === cellKey(indikator) ||
      (/^[A-Z]{2,8}$/.test(sumberData.join('').trim()) && sumber === initials(indikator));
    if (!restates || cellKey(formulasi).endsWith(sumber)) continue;
    formulasi.push(...sumberData);
    delete row.cells.sumberData;
  }
  return rows;
}

function tableOf(spec: FlatSpec, rows: RawRow[]): RawTable {
  return {
    roles: spec.columns.map((c) => c.role),
    years: spec.columns.filter((c) => c.year).map((c) => c.year!),
    percentYears: spec.columns.some((c) => c.year && c.label.includes('%')),
    rows,
    wrappedLines: true,
    origin: 'flattened',
  };
}

/**
 * Decode every flattened table of one document together: tables with the same columns share
 * what is learned (word models, column widths, row shapes), so a short table benefits from the
 * document's other forms, which were printed from the same template.
 */
export function decodeFlattened(
  specs: readonly (FlatSpec | null)[],
  /** The document's other lines (headings, jabatan, signatures): their word pairs count too. */
  context: readonly string[] = [],
): (RawTable | null)[] {
  const out: (RawTable | null)[] = specs.map(() => null);
  const groups = new Map<string, number[]>();
  specs.forEach((sp, i) => {
    if (sp?.spaceAligned) out[i] = sp.spaceAligned;
    if (!sp || sp.toks.length === 0 || sp.states.length === 0) return;
    const key = sp.columns.map((c) => c.year ?? c.role).join('|');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  // Word pairs are the document's, whatever table they were printed in.
  markPairsSeenElsewhere(
    specs.flatMap((sp) => (sp && !sp.spaceAligned ? [sp.toks] : [])),
    context,
  );
  for (const idx of groups.values()) {
    const states = specs[idx[0]!]!.states;
    const keys = numberKeys(idx.map((i) => specs[i]!.toks));
    const words = keys.length;
    const prior = priorLifts(ColumnModel.prior(states.map((st) => st.col.role)), states, keys);
    // Each model's lifts are computed once for every word of the group, then read by number.
    const liftsOf = (model: WordModel | null): Lifts =>
      model ? mixLifts(modelLifts(model, states, words), prior, words) : mixLifts(prior, prior, words);
    const anchors = idx.map((i) => ({
      toks: specs[i]!.toks,
      frags: anchorFragments(specs[i]!.toks, states),
    }));
    const anchored =
      anchors.reduce((m, a) => m + a.frags.filter((f) => f.newRow).length, 0) >= MIN_ANCHOR_ROWS;
    if (DEBUG) debugFragments('clean rows', anchors, states);
    const start: Learned = anchored
      ? {
          ...learn(anchors, states, words),
          widths: states.map(() => Infinity),
          rowStart: null,
          rowEnd: null,
        }
      : { model: null, widths: states.map(() => Infinity), rowStart: null };
    const startLifts = liftsOf(start.model);
    let decoded = idx.map((i) => ({
      toks: specs[i]!.toks,
      frags: decode(specs[i]!.toks, states, start, startLifts),
    }));
    for (let r = 0; r < EM_ROUNDS; r++) {
      // Clean rows stay evidence in every round, so the decoding cannot drift away from them.
      const learned = learn(anchored ? [...decoded, ...anchors] : decoded, states, words);
      const lifts = liftsOf(learned.model);
      const next = decoded.map((d, k) => {
        const widths = widenToCleanLines(learned.widths, anchors[k]!);
        return {
          toks: d.toks,
          frags: decode(d.toks, states, { ...learned, widths }, lifts),
        };
      });
      // A round that changes nothing has converged: the next would learn the same again.
      const converged = next.every((d, k) => sameFragments(d.frags, decoded[k]!.frags));
      decoded = next;
      if (converged) break;
    }
    if (DEBUG) debugFragments('decoded', decoded, states);
    idx.forEach((i, k) => {
      const rows = rowsFromFragments(decoded[k]!.toks, decoded[k]!.frags, states);
      out[i] = tableOf(specs[i]!, formulaTailsFromSumber(rows));
    });
  }
  return out;
}

/** `IKI_DEBUG_FLAT=1`: the clean rows and the final decoding of each table on stderr. */
const DEBUG = !!process.env.IKI_DEBUG_FLAT;
/** `IKI_DEBUG_TOK=Sub,Kasi`: each decoding explains these line-start words' scores on stderr. */
const DEBUG_TOKENS = process.env.IKI_DEBUG_TOK?.split(',');

function debugFragments(
  label: string,
  tables: readonly { toks: Tok[]; frags: Fragment[] }[],
  states: readonly State[],
): void {
  process.stderr.write(`── ${label}\n`);
  for (const { toks, frags } of tables)
    for (const f of frags) {
      const text = toks
        .slice(f.from, f.to)
        .map((t) => t.text)
        .join(' ');
      process.stderr.write(
        `${f.newRow ? '\n' : ''}${f.continues ? '  +' : ''}[${states[f.state]!.col.role}] ${text}\n`,
      );
    }
}

function sameFragments(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f, k) => {
    const g = b[k]!;
    return (
      f.from === g.from &&
      f.to === g.to &&
      f.state === g.state &&
      f.newRow === g.newRow &&
      f.continues === g.continues
    );
  });
}

/**
 * A table's column is at least as wide as its widest line known to hold one cell (from its clean
 * rows): forms of one document may be printed with other column widths than the shared estimate.
 */
function widenToCleanLines(shared: Widths, clean: { toks: Tok[]; frags: Fragment[] }): Widths {
  const widths = [...shared];
  for (const f of clean.frags) {
    const len = clean.toks[f.to - 1]!.end - clean.toks[f.from]!.start;
    if (Number.isFinite(widths[f.state]!) && len > widths[f.state]!) widths[f.state] = len;
  }
  return widths;
}

/** Numbers the words of a group of tables densely from 0 (`Tok.keyId`); returns the words by number. */
function numberKeys(tables: readonly Tok[][]): string[] {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  for (const toks of tables)
    for (const t of toks) {
      let id = ids.get(t.key);
      if (id === undefined) {
        ids.set(t.key, (id = ids.size));
        keys.push(t.key);
      }
      t.keyId = id;
    }
  return keys;
}

/** Sets `pairedElsewhere` on line-start words whose pair with the word before is printed on one line elsewhere. */
/** A word of `words` that `prefix` begins without being all of it. */
function startsAnother(words: ReadonlySet<string>, prefix: string): boolean {
  for (const w of words) if (w.length > prefix.length && w.startsWith(prefix)) return true;
  return false;
}

function markPairsSeenElsewhere(tables: readonly Tok[][], context: readonly string[]): void {
  // The words before each line start (and the halves of a broken word rejoined): only pairs
  // beginning with one of these are collected.
  const joinedBefore = (toks: readonly Tok[], n: number): string => {
    const before = toks[n - 2];
    const prevLine = toks[n - 1]!;
    return before && prevLine.lineStart && /^[a-z]+$/.test(prevLine.key) ? before.key + prevLine.key : '';
  };
  const seconds = new Map<string, Set<string>>();
  for (const toks of tables)
    for (let n = 1; n < toks.length; n++) {
      const t = toks[n]!;
      if (!t.lineStart || t.isNum) continue;
      seconds.set(toks[n - 1]!.key, new Set());
      const joined = joinedBefore(toks, n);
      if (joined) seconds.set(joined, new Set());
    }
  if (seconds.size === 0) return;
  const pair = (first: string, second: string) => seconds.get(first)?.add(second);
  for (const line of context) {
    let prev: string | null = null;
    for (const w of line.split(/\s+/)) {
      if (!w) continue;
      const key = keyOf(w);
      if (prev !== null) pair(prev, key);
      prev = key;
    }
  }
  for (const toks of tables)
    for (let n = 1; n < toks.length; n++) {
      const t = toks[n]!;
      if (!t.lineStart && !t.doubleSpaceBefore && !t.isNum) pair(toks[n - 1]!.key, t.key);
    }
  for (const toks of tables)
    for (let n = 1; n < toks.length; n++) {
      const t = toks[n]!;
      if (!t.lineStart || t.isNum) continue;
      const after = seconds.get(toks[n - 1]!.key)!;
      const next = toks[n + 1];
      // A word broken at a line end ("Kasi" / "Pemberday" / "aan") pairs by its first part.
      const brokenWord = t.key.length >= 4 && (!next || next.lineStart) && /^[a-z]+$/.test(t.key);
      // The word before may itself be the second half of a broken word ("Pemberday" / "aan").
      const joined = joinedBefore(toks, n);
      t.pairedElsewhere =
        after.has(t.key) ||
        (joined !== '' && seconds.get(joined)!.has(t.key)) ||
        (brokenWord && startsAnother(after, t.key));
    }
}

/** One form on its own (tests, tools); the extractor decodes a whole document at once. */
export function tablesFromFlattened(lines: readonly string[], _isWord?: WordTest): FlattenedResult {
  const spec = locateFlattened(lines);
  if (!spec) return { tables: [], start: lines.length, end: lines.length };
  const table = decodeFlattened([spec])[0];
  return { tables: table ? [table] : [], start: spec.start, end: spec.end };
}
