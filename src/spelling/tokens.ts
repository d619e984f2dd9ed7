/**
 * Splitting cell text into word tokens with what the spelling rules need to know about each:
 * where it is, and whether it stands next to digits, a backslash (a LaTeX command) or an
 * abbreviation dot. This runs over every cell of every document, so it avoids the iterator of
 * matchAll and asks the Unicode regex about digits only for non-ASCII characters.
 */

export interface WordToken {
  /** The word as printed, hyphens kept ("Rapat-rapat", "e-KTP"). */
  text: string;
  start: number;
  end: number;
  /** A digit touches the word ("x100", "2a"): a code or measure, not a word. */
  touchesDigit: boolean;
  /** The word follows a backslash: a LaTeX command (\frac, \text). */
  latex: boolean;
  /** A dot follows the word directly ("Adm.", "Kec."). */
  dotAfter: boolean;
}

const WORD = /\p{L}+(?:-\p{L}+)*/gu;
/** The letter runs of a text: a hyphenated word's parts are separate runs. */
const LETTER_RUN = /\p{L}+/gu;
const DIGIT = /\p{N}/u;

/** True when the UTF-16 unit at `i` is a number character (\p{N}); false outside the text. */
function digitAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DIGIT.test(text[i]!);
}

export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push({
      text: m[0],
      start,
      end,
      touchesDigit: digitAt(text, start - 1) || digitAt(text, end),
      latex: text[start - 1] === '\\',
      dotAfter: text[end] === '.',
    });
  }
  return out;
}

/** Any character outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;
/** Letter runs of ASCII text already lower-cased. */
const ASCII_RUN = /[a-z]+/g;

/** Lower-case words of a text, hyphenated words split into their parts. */
export function plainWords(text: string): string[] {
  // In ASCII text the letters are a-z and A-Z, and lower-casing the whole text first is exact.
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(ASCII_RUN) ?? [];
  const runs = text.match(LETTER_RUN);
  if (runs === null) return [];
  for (let i = 0; i < runs.length; i++) runs[i] = runs[i]!.toLowerCase();
  return runs;
}

/** plainWords of text already tokenised: the tokens' parts, lower case, in order. */
export function plainWordsOf(tokens: readonly WordToken[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (!t.text.includes('-')) out.push(t.text.toLowerCase());
    else for (const part of t.text.split('-')) out.push(part.toLowerCase());
  }
  return out;
}
