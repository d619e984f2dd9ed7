/**
 * Splitting cell text into word tokens with what the spelling rules need to know about each:
 * where it is, and whether it stands next to digits, a backslash (a LaTeX command) or an
 * abbreviation dot.
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
const DIGIT = /\p{N}/u;

export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    out.push({
      text: m[0],
      start,
      end,
      touchesDigit: DIGIT.test(before) || DIGIT.test(after),
      latex: before === '\\',
      dotAfter: after === '.',
    });
  }
  return out;
}

/** Lower-case words of a text, hyphenated words split into their parts. */
export function plainWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text))
    for (const part of t.text.split('-')) if (part) out.push(part.toLowerCase());
  return out;
}
