/**
 * The header vocabulary of IKI/IKU tables: which printed column heading means which field.
 * Offices name columns differently ("SASARAN/KINERJA UTAMA", "KINERJA UTAMA", "PENJELASAN/
 * FORMULASI PENGHITUNGA", "FORMULA SI"), and PDF dumps cut headings into fragments, so
 * headings are read token by token with fuzzy matching, never by exact strings.
 */
import { damerauLevenshtein } from '../text/distance.js';

export type ColumnRole =
  | 'no'
  | 'sasaran'
  | 'indikator'
  | 'formulasi'
  | 'target'
  | 'satuan'
  | 'penanggungJawab'
  | 'sumberData'
  | 'keterangan'
  /** The goal a sasaran serves ("Tujuan"), when the table has a sasaran column of its own. */
  | 'tujuan'
  /** A figure that is no target: the starting point or a past result ("Kondisi Awal 2021", "Realisasi"). */
  | 'baseline'
  | 'unknown';

/** Words that begin a column heading, by role. */
const ROLE_STARTERS: Record<string, ColumnRole> = {
  NO: 'no',
  NOMOR: 'no',
  SASARAN: 'sasaran',
  TUJUAN: 'sasaran',
  PROGRAM: 'sasaran',
  INDIKATOR: 'indikator',
  IKU: 'indikator',
  IKI: 'indikator',
  UKURAN: 'indikator',
  FORMULASI: 'formulasi',
  FORMULA: 'formulasi',
  FORMULASINYA: 'formulasi',
  PENJELASAN: 'formulasi',
  PERHITUNGAN: 'formulasi',
  PENGHITUNGAN: 'formulasi',
  RUMUS: 'formulasi',
  CARA: 'formulasi',
  DEFINISI: 'formulasi',
  TARGET: 'target',
  SATUAN: 'satuan',
  PENANGGUNG: 'penanggungJawab',
  PENANGGUNGJAWAB: 'penanggungJawab',
  PIC: 'penanggungJawab',
  SUMBER: 'sumberData',
  // "Data Dukung", "Data Pendukung", "Bukti Dukung": the evidence a result is read from.
  DUKUNG: 'sumberData',
  PENDUKUNG: 'sumberData',
  BUKTI: 'sumberData',
  KONDISI: 'baseline',
  BASELINE: 'baseline',
  REALISASI: 'baseline',
  KETERANGAN: 'keterangan',
  KET: 'keterangan',
};

/** Words that only continue a heading. */
const CONTINUERS = new Set([
  'KINERJA',
  'UTAMA',
  'INDIVIDU',
  'STRATEGIS',
  'KEGIATAN',
  'DATA',
  'JAWAB',
  'DAN',
  'MAKNA',
  'ALASAN',
  'PEMILIHAN',
  'OPERASIONAL',
  'TAHUN',
  'URAIAN',
  'ESELON',
  'IV',
  'III',
  'II',
  'THN',
  'KEBERHASILAN',
  'AWAL',
]);

const ALL_WORDS = [...Object.keys(ROLE_STARTERS), ...CONTINUERS].filter((w) => w.length >= 4);

/** Heading words that never belong inside another column's parenthesised explanation. */
const PAREN_CLOSERS = new Set([
  'PENANGGUNG',
  'PENANGGUNGJAWAB',
  'PIC',
  'SUMBER',
  'TARGET',
  'SATUAN',
  'KETERANGAN',
]);

export const YEAR = /^(19[89]\d|20\d\d)$/;

/** Lookups are cached: every line of every document asks about the same few hundred words. */
const canonicalCache = new Map<string, string | null>();
/** Bound on the cache, so a stream of junk tokens cannot grow it without limit. */
const CANONICAL_CACHE_MAX = 50_000;

/** Fuzzy lookup of one heading token: exact, a cut-off prefix ("PENGHITUNGA", "UTAM"), or one edit away. */
export function canonicalHeaderWord(token: string): string | null {
  const t = token.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const hit = canonicalCache.get(t);
  if (hit !== undefined) return hit;
  const v = lookupHeaderWord(t);
  if (canonicalCache.size >= CANONICAL_CACHE_MAX) canonicalCache.clear();
  canonicalCache.set(t, v);
  return v;
}

function lookupHeaderWord(t: string): string | null {
  if (!t) return null;
  if (t in ROLE_STARTERS || CONTINUERS.has(t)) return t;
  if (YEAR.test(t)) return t;
  if (t.length >= 4) {
    for (const w of ALL_WORDS) if (w.startsWith(t) && w.length - t.length <= 2) return w;
    for (const w of ALL_WORDS) {
      if (Math.abs(w.length - t.length) <= 1 && damerauLevenshtein(w, t) <= 1) return w;
    }
  }
  return null;
}

/** The column a heading word opens ("SUMBER" → sumberData), or null for a word that only continues one. */
export function roleOfHeadingWord(token: string): ColumnRole | null {
  const w = canonicalHeaderWord(token);
  return w ? (ROLE_STARTERS[w] ?? null) : null;
}

/** Split heading text into tokens; "FORMULA SI" and "PENANGGUNG JAWAB" fragments are rejoined. */
export function headerTokens(text: string): string[] {
  const raw = text
    .toUpperCase()
    .replace(/[()/,;:.&]/g, ' $& ')
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const tok of raw) {
    const prev = out[out.length - 1];
    // A heading word cut by a line break or a stray space: join when the pieces are not words.
    if (prev && /^[A-Z]{1,3}$/.test(tok) && !canonicalHeaderWord(tok) && canonicalHeaderWord(prev + tok)) {
      out[out.length - 1] = prev + tok;
      continue;
    }
    out.push(tok);
  }
  return out;
}

export interface HeaderColumn {
  role: ColumnRole;
  /** The heading as printed (tokens joined). */
  label: string;
  /** For target columns: the year. */
  year?: string;
}

function hasRole(cols: readonly HeaderColumn[], role: ColumnRole): boolean {
  return cols.some((c) => c.role === role);
}

/**
 * Reads a run of heading tokens (in column order) into columns. Parenthesised words belong to
 * the current column ("PENJELASAN (MAKNA INDIKATOR, … CARA PERHITUNGAN INDIKATOR").
 */
export function columnsFromTokens(tokens: readonly string[]): HeaderColumn[] {
  const cols: HeaderColumn[] = [];
  let depth = 0;
  for (const tok of tokens) {
    if (tok === '(') depth++;
    if (tok === ')') depth = Math.max(0, depth - 1);
    const w = canonicalHeaderWord(tok);
    const cur = cols[cols.length - 1];
    // A parenthesis a dump never closed ends at the next column's own heading word.
    if (depth > 0 && w && PAREN_CLOSERS.has(w)) depth = 0;
    if (depth > 0 || !w) {
      if (cur) cur.label += ` ${tok}`;
      continue;
    }
    // "Kondisi Awal 2021": the year dates the baseline, it opens no target column.
    if (YEAR.test(w) && cur?.role === 'baseline' && !/\d/.test(cur.label)) {
      cur.label += ` ${tok}`;
      continue;
    }
    if (YEAR.test(w)) {
      cols.push({ role: 'target', label: w, year: w });
      continue;
    }
    let role: ColumnRole | undefined = ROLE_STARTERS[w];
    if (w === 'KINERJA' || w === 'KEGIATAN') {
      const continuing =
        cur && (cur.role === 'sasaran' || cur.role === 'indikator') && !cur.label.includes(w);
      role = continuing ? undefined : hasRole(cols, 'sasaran') ? undefined : 'sasaran';
    }
    if (w === 'PROGRAM' && hasRole(cols, 'sasaran')) role = undefined;
    // "TUJUAN | SASARAN": the tujuan is the goal above the sasaran, not part of it ("TUJUAN /
    // SASARAN" is one column).
    if (
      w === 'SASARAN' &&
      cur?.role === 'sasaran' &&
      /^TUJUAN\b/.test(cur.label) &&
      !/(\/|\bDAN)$/.test(cur.label)
    )
      cur.role = 'tujuan';
    if (role === 'formulasi' && cur?.role === 'formulasi') role = undefined;
    if (role === 'target' && cur?.role === 'target' && !cur.year) role = undefined;
    if (role && !(cur && cur.role === role && role !== 'no' && !cur.year)) {
      cols.push({ role, label: tok });
    } else if (cur) {
      cur.label += ` ${tok}`;
    }
  }
  // A TARGET heading followed by year columns is only their umbrella.
  const years = cols.filter((c) => c.year);
  if (years.length > 0) {
    const umbrella = cols.findIndex((c) => c.role === 'target' && !c.year);
    if (umbrella >= 0) {
      const rest = cols.filter((c) => !c.year);
      rest.splice(umbrella, 1, ...years);
      return rest;
    }
  }
  return cols;
}

/**
 * A table's columns, each heading cell read on its own (markdown, tab export, PDF grid), then
 * read together: a "Tujuan" column beside a "Sasaran" column is the goal above the sasaran.
 */
export function resolveColumns(cols: HeaderColumn[]): HeaderColumn[] {
  const sasaran = cols.filter((c) => c.role === 'sasaran');
  if (sasaran.length > 1)
    for (const c of sasaran)
      if (/^\W*TUJUAN\b/i.test(c.label) && !/SASARAN/i.test(c.label)) c.role = 'tujuan';
  return cols;
}

/** Role of one table heading cell (markdown, tab export, PDF grid). */
export function roleOfHeaderCell(text: string, seenRoles: ReadonlySet<ColumnRole>): HeaderColumn {
  const cols = columnsFromTokens(headerTokens(text));
  const first = cols[0];
  if (!first) return { role: 'unknown', label: text.trim() };
  if (first.role === 'sasaran' && seenRoles.has('sasaran') && /INDIKATOR/.test(text.toUpperCase()))
    return { role: 'indikator', label: text.trim() };
  return { ...first, label: text.trim() };
}

/**
 * Share of a line's tokens that are heading vocabulary (0..1), whether a role word is among them,
 * and how many are heading words other than years.
 */
export function headingScore(text: string): { share: number; roles: number; words: number } {
  const toks = headerTokens(text).filter((t) => /[A-Z0-9]/.test(t));
  if (toks.length === 0) return { share: 0, roles: 0, words: 0 };
  let known = 0;
  let roles = 0;
  let words = 0;
  for (const t of toks) {
    const w = canonicalHeaderWord(t);
    if (w) {
      known++;
      if (!YEAR.test(w)) words++;
      if (w in ROLE_STARTERS || YEAR.test(w)) roles++;
    }
  }
  return { share: known / toks.length, roles, words };
}
