/**
 * How indicator names and formulas are compared: percent words in their many spellings
 * (Persentase, Prosentase, Presentase, Prsentase, Prosentasi, …), a leading "Jumlah", and the
 * normalisation the contract prescribes for comparing two cells.
 */

/** The standard spelling every percent word is measured against. */
const PERCENT_WORD = 'persentase';

/** Largest edit distance from "persentase" still read as a percent word (Prosentase is 2). */
export const MAX_PERCENT_WORD_EDITS = 2;

/** Shortest percent word ("prsentase" is 9); shorter words ending in -ase are other words. */
export const MIN_PERCENT_WORD_CHARS = 8;

/**
 * Real words within reach of the percent-word test that mean something else: "presentasi" is a
 * presentation, not a percentage.
 */
const NOT_PERCENT_WORDS: ReadonlySet<string> = new Set(['presentasi']);

/** The first word of a cell, lower-cased, after list markers, numbering and markup. */
export function firstWord(text: string | null): string | null {
  if (text === null) return null;
  const m = /\p{L}+/u.exec(text.replace(/^[\s\d.)(\-–•➢*_#>]+/u, ''));
  return m ? m[0].toLowerCase() : null;
}

/**
 * True for a spelling of "persentase": starts with p, ends in -ase/-asi, at least 8 letters, and
 * (with -asi read as -ase) at most 2 edits from "persentase".
 */
export function isPercentWord(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < MIN_PERCENT_WORD_CHARS || !w.startsWith('p')) return false;
  if (!w.endsWith('ase') && !w.endsWith('asi')) return false;
  if (NOT_PERCENT_WORDS.has(w)) return false;
  const asAse = w.endsWith('asi') ? `${w.slice(0, -1)}e` : w;
  return editDistance(asAse, PERCENT_WORD, MAX_PERCENT_WORD_EDITS) <= MAX_PERCENT_WORD_EDITS;
}

/** The indikator starts with a percent word ("Persentase …", "Prosentase …"). */
export function startsWithPercentWord(text: string | null): boolean {
  const w = firstWord(text);
  return w !== null && isPercentWord(w);
}

/** The indikator is named as a count: it starts with "Jumlah". */
export function startsWithJumlah(text: string | null): boolean {
  return firstWord(text) === 'jumlah';
}

/** Any character outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-cased, punctuation turned into spaces, whitespace collapsed. */
export function normaliseCell(text: string): string {
  const lower = text.toLowerCase();
  // In ASCII the letters and digits are a-z and 0-9: a plain class does what \p{L}\p{N} does.
  if (!NON_ASCII.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** normaliseCell, then a leading "jumlah" removed (the FORMULA_RESTATES_INDICATOR comparison). */
export function normaliseWithoutJumlah(text: string): string {
  return normaliseCell(text).replace(/^jumlah(?: |$)/, '');
}

/** True when a cell holds nothing but whitespace, dashes or dots ("-", "—", "…"). */
export function isBlankCell(text: string | null | undefined): boolean {
  return text === null || text === undefined || /^[\s\-–—.…_]*$/.test(text);
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
