/**
 * Is a page's text layer worth reading, or should the page go to OCR? A scanned page has no
 * text (or only a stamped page number); a PDF with broken font encodings yields mojibake:
 * private-use or replacement characters, control characters, or "words" without vowels.
 */
import type { Word } from '../../ir/document.js';

/** Fewer non-space characters than this: the page has no usable text (a page number alone is not text). */
export const MIN_TEXT_CHARS = 12;
/** More than this share of characters private-use, U+FFFD or control: mojibake. */
export const MAX_BAD_CHAR_SHARE = 0.2;
/** More than this share of Latin words (3+ letters) with no vowel: mojibake (Indonesian words have vowels). */
export const MAX_VOWELLESS_WORD_SHARE = 0.5;
/** Judge the vowel share only with at least this many Latin words. */
export const MIN_WORDS_FOR_VOWEL_CHECK = 5;
/** Less than this share of letters and digits among the characters: mojibake (symbol soup). */
export const MIN_ALNUM_SHARE = 0.4;

export type TextLayerVerdict = 'ok' | 'no-text' | 'mojibake';

export interface TextLayerQuality {
  usable: boolean;
  verdict: TextLayerVerdict;
  /** Non-space characters on the page. */
  chars: number;
  /** Share of private-use, replacement and control characters. */
  badShare: number;
  /** Share of Latin words of 3+ letters without a vowel. */
  vowellessShare: number;
  /** Share of letters and digits. */
  alnumShare: number;
}

/** Private-use, replacement, or a C0 control other than whitespace. */
function isBadChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c <= 0x08 || (c >= 0x0e && c <= 0x1f);
}
const LATIN_WORD = /^[A-Za-z]{3,}$/;
const VOWEL = /[aeiouyAEIOUY]/;
const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Per ASCII char code: 1 whitespace, 2 bad (control), 4 letter or digit (what the regexes say). */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if (SPACE.test(ch)) return 1;
  return (isBadChar(ch) ? 2 : 0) | (ALNUM.test(ch) ? 4 : 0);
});

/** The verdict on a page's words (from a text layer, before any OCR). */
export function assessTextLayer(words: readonly Word[]): TextLayerQuality {
  let chars = 0;
  let bad = 0;
  let alnum = 0;
  let latin = 0;
  let vowelless = 0;
  for (const w of words) {
    const text = w.text;
    // By code point, with a table for ASCII (this runs over every character of every page).
    for (let k = 0; k < text.length;) {
      const code = text.charCodeAt(k);
      if (code < 128) {
        k++;
        const cls = ASCII_CLASS[code]!;
        if (cls & 1) continue;
        chars++;
        if (cls & 2) bad++;
        if (cls & 4) alnum++;
      } else {
        const ch = String.fromCodePoint(text.codePointAt(k)!);
        k += ch.length;
        if (SPACE.test(ch)) continue;
        chars++;
        if (isBadChar(ch)) bad++;
        if (ALNUM.test(ch)) alnum++;
      }
    }
    const core = text.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
    if (LATIN_WORD.test(core)) {
      latin++;
      if (!VOWEL.test(core)) vowelless++;
    }
  }
  const badShare = chars ? bad / chars : 0;
  const alnumShare = chars ? alnum / chars : 0;
  const vowellessShare = latin ? vowelless / latin : 0;
  let verdict: TextLayerVerdict = 'ok';
  if (chars < MIN_TEXT_CHARS) verdict = 'no-text';
  else if (
    badShare > MAX_BAD_CHAR_SHARE ||
    alnumShare < MIN_ALNUM_SHARE ||
    (latin >= MIN_WORDS_FOR_VOWEL_CHECK && vowellessShare > MAX_VOWELLESS_WORD_SHARE)
  ) {
    verdict = 'mojibake';
  }
  return { usable: verdict === 'ok', verdict, chars, badShare, vowellessShare, alnumShare };
}
