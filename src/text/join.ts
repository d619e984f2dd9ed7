/**
 * Joining the printed lines of one cell back into text. A word cut by a line break
 * ("Pemberday" / "aan") is rejoined when the two halves are not words and the whole is; a
 * hyphen at a line end joins too when the result is a known word.
 */

export type WordTest = (lowerWord: string) => boolean;

/** Indonesian suffixes that never stand alone: a line starting with one continues the word above. */
const SUFFIXES = new Set(['an', 'kan', 'i', 'nya', 'lah', 'kah', 'pun', 'annya', 'kannya']);

const WORD_START = /^([a-zà-ÿ]+)/;

/** A letter of the word-joining class [A-Za-zÀ-ÿ]. */
function isJoinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0xff);
}

/**
 * The letters ending `text`, before one optional hyphen ("Pemberday", "Pemberday-"); null when
 * the text does not end so. A backward scan: the text is everything joined so far, and an
 * end-anchored regex would scan all of it for every line.
 */
function wordAtEnd(text: string): string | null {
  let end = text.length;
  if (text.charCodeAt(end - 1) === 0x2d) end--;
  let start = end;
  while (start > 0 && isJoinLetter(text.charCodeAt(start - 1))) start--;
  return start < end ? text.slice(start, end) : null;
}

/**
 * Decide whether `left` (end of one line) and `right` (start of the next) are one word.
 * Needs a lexicon: the document's own vocabulary does most of the work.
 */
export function shouldJoinWord(leftLine: string, rightLine: string, isWord: WordTest): boolean {
  const left = leftLine.trimEnd();
  const l = wordAtEnd(left);
  const r = WORD_START.exec(rightLine.trimStart());
  if (l === null || !r) return false;
  const a = l.toLowerCase();
  const b = r[1]!.toLowerCase();
  if (a.length < 2 || (b.length < 2 && !SUFFIXES.has(b))) return false;
  const hyphen = left.endsWith('-');
  const joined = a + b;
  if (!isWord(joined)) return false;
  if (hyphen) return true;
  // A suffix alone on the next line ("Pemerintah" / "an") belongs to the word before it.
  if (SUFFIXES.has(b)) return true;
  // Both halves real words ("dan" / "kegiatan") – keep the space.
  return !(isWord(a) && isWord(b));
}

/** A line ending in letters and a hyphen, and the next starting with a lower-case word. */
function hyphenCompound(left: string, right: string): boolean {
  const n = left.length;
  return (
    n >= 3 &&
    left.charCodeAt(n - 1) === 0x2d &&
    isJoinLetter(left.charCodeAt(n - 2)) &&
    /^[a-z]{2}/.test(right)
  );
}

/** A range of numbers wrapped at its hyphen ("usia 7-" / "12 tahun"). */
function numberRange(left: string, right: string): boolean {
  const n = left.length;
  const c = left.charCodeAt(n - 2);
  return n >= 2 && left.charCodeAt(n - 1) === 0x2d && c >= 0x30 && c <= 0x39 && /^\d/.test(right);
}

/** Join lines with single spaces, rejoining broken words. */
export function joinLines(lines: readonly string[], isWord: WordTest): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    if (shouldJoinWord(out, line, isWord)) {
      out = (out.endsWith('-') ? out.slice(0, -1) : out) + line;
    } else if (hyphenCompound(out, line) || numberRange(out, line)) {
      // "perundang-" / "undangan": a hyphenated word wrapped at its hyphen keeps the hyphen.
      out += line;
    } else {
      out = `${out} ${line}`;
    }
  }
  return out;
}
