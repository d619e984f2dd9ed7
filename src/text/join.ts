/**
 * Joining the printed lines of one cell back into text. A word cut by a line break
 * ("Pemberday" / "aan") is rejoined when the two halves are not words and the whole is; a
 * hyphen at a line end joins too when the result is a known word.
 */

export type WordTest = (lowerWord: string) => boolean;

/** Indonesian suffixes that never stand alone: a line starting with one continues the word above. */
const SUFFIXES = new Set(['an', 'kan', 'i', 'nya', 'lah', 'kah', 'pun', 'annya', 'kannya']);

const WORD_END = /([A-Za-zÀ-ÿ]+)[-]?$/;
const WORD_START = /^([a-zà-ÿ]+)/;

/**
 * Decide whether `left` (end of one line) and `right` (start of the next) are one word.
 * Needs a lexicon: the document's own vocabulary does most of the work.
 */
export function shouldJoinWord(leftLine: string, rightLine: string, isWord: WordTest): boolean {
  const l = WORD_END.exec(leftLine.trimEnd());
  const r = WORD_START.exec(rightLine.trimStart());
  if (!l || !r) return false;
  const a = l[1]!.toLowerCase();
  const b = r[1]!.toLowerCase();
  if (a.length < 2 || (b.length < 2 && !SUFFIXES.has(b))) return false;
  const hyphen = leftLine.trimEnd().endsWith('-');
  const joined = a + b;
  if (!isWord(joined)) return false;
  if (hyphen) return true;
  // A suffix alone on the next line ("Pemerintah" / "an") belongs to the word before it.
  if (SUFFIXES.has(b)) return true;
  // Both halves real words ("dan" / "kegiatan") – keep the space.
  return !(isWord(a) && isWord(b));
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
      out = out.replace(/-$/, '') + line;
    } else {
      out = `${out} ${line}`;
    }
  }
  return out;
}
