/**
 * Words → lines: words whose bottoms (baselines plus descent) are within a tolerance are one
 * printed line, read left to right. Also the text of a line, with wide gaps kept as tabs, and
 * splitting a line at gaps (columns of a borderless table, signature blocks side by side).
 */
import type { BBox } from '../ir/geometry.js';
import { bboxUnion } from '../ir/geometry.js';
import type { Word } from '../ir/document.js';
import { clusterObjects, median } from './cluster.js';

/** Font size assumed for words whose source gave none, in points. */
export const FALLBACK_FONT_SIZE = 10;

export interface TextLine {
  /** Left to right. */
  words: Word[];
  bbox: BBox;
  /** Median font size of the words, points. */
  fontSize: number;
}

export function wordFontSize(w: Word): number {
  const s = w.fontSize ?? w.bbox.bottom - w.bbox.top;
  return s > 0 && Number.isFinite(s) ? s : FALLBACK_FONT_SIZE;
}

export function makeLine(words: readonly Word[]): TextLine {
  const sorted = [...words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return {
    words: sorted,
    bbox: bboxUnion(sorted.map((w) => w.bbox)) ?? { x0: 0, top: 0, x1: 0, bottom: 0 },
    fontSize: median(sorted.map(wordFontSize)) || FALLBACK_FONT_SIZE,
  };
}

/** Lines top to bottom; words within `tolerance` points of each other's bottom share a line. */
export function groupWordsIntoLines(words: readonly Word[], tolerance: number): TextLine[] {
  return clusterObjects(words, (w) => w.bbox.bottom, tolerance).map(makeLine);
}

/** The line's words split where the horizontal gap is at least `minGap` points. */
export function splitAtGaps(words: readonly Word[], minGap: number): Word[][] {
  const out: Word[][] = [];
  let last: Word | undefined;
  for (const w of words) {
    if (!last || w.bbox.x0 - last.bbox.x1 >= minGap) out.push([w]);
    else out[out.length - 1]!.push(w);
    if (!last || w.bbox.x1 > last.bbox.x1) last = w;
  }
  return out;
}

/** Words joined by spaces; a gap of `tabGapEm` × font size or more becomes a tab. */
export function lineText(line: TextLine, tabGapEm: number): string {
  return splitAtGaps(line.words, tabGapEm * line.fontSize)
    .map((seg) => seg.map((w) => w.text).join(' '))
    .join('\t');
}

/** A line that is one lower-case letter alone: the end of a word too long for its cell. */
const BROKEN_WORD_END = /^\p{Ll}$/u;

/**
 * Lines joined by '\n', each line's words by spaces: the printed text of a cell. A word processor
 * breaks a word wider than its cell without a hyphen; a last letter left alone on its line
 * ("Desa/Keluraha" / "n") goes back to its word.
 */
export function wordsToText(words: readonly Word[], lineTolerance: number): string {
  // Most table cells hold no word or one: skip the line grouping, same text.
  if (words.length === 0) return '';
  if (words.length === 1) return words[0]!.text;
  const out: string[] = [];
  for (const l of groupWordsIntoLines(words, lineTolerance)) {
    const text = l.words.map((w) => w.text).join(' ');
    if (out.length && BROKEN_WORD_END.test(text) && /\p{L}$/u.test(out[out.length - 1]!))
      out[out.length - 1] += text;
    else out.push(text);
  }
  return out.join('\n');
}

export function centre(b: BBox): { x: number; y: number } {
  return { x: (b.x0 + b.x1) / 2, y: (b.top + b.bottom) / 2 };
}

/** True when the point lies inside the box (edges included). */
export function contains(b: BBox, x: number, y: number): boolean {
  return x >= b.x0 && x <= b.x1 && y >= b.top && y <= b.bottom;
}
