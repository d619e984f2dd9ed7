/**
 * pdfjs text items → positioned words. An item is a run of glyphs in one font along one
 * baseline; pdfjs gives its start, direction and advance width but not each glyph's position,
 * so a word's x-extent inside the item is estimated from relative character widths. Pieces of
 * one word split across items (a font change mid-word) are joined again.
 */
import type { Word } from '../../ir/document.js';
import type { Matrix } from './matrix.js';
import { applyVector, compose } from './matrix.js';

/** What this module needs of a pdfjs TextItem. */
export interface RawTextItem {
  str: string;
  width: number;
  transform: number[];
  fontName: string;
  hasEOL?: boolean;
}

export interface FontMetrics {
  /** Fraction of the font size above the baseline. */
  ascent: number;
  /** Fraction below the baseline, negative. */
  descent: number;
}

/** Ascent used when the font does not say (typical of Latin fonts). */
export const DEFAULT_ASCENT = 0.8;
/** Descent used when the font does not say. */
export const DEFAULT_DESCENT = -0.2;
/** Two pieces closer than this (× font size) with no space between them are one word. */
export const WORD_JOIN_GAP_EM = 0.15;
/** Pieces whose baselines differ by more than this (× font size) are not one word. */
export const WORD_JOIN_BASELINE_EM = 0.3;

/** Relative advance of a character, for placing words inside an item (average Latin glyph = 1). */
export function charWeight(ch: string): number {
  if (/\s/.test(ch)) return 0.5;
  if (/[ijlI.,:;'!|`]/.test(ch)) return 0.5;
  if (/[ftr()[\]/\\-]/.test(ch)) return 0.65;
  if (/[mwMW@]/.test(ch)) return 1.5;
  if (/[A-Z%&]/.test(ch)) return 1.3;
  return 1;
}

/** charWeight of each char code below 128, looked up instead of matched (the hot path). */
const ASCII_WEIGHT = Float64Array.from({ length: 128 }, (_, c) => charWeight(String.fromCharCode(c)));
/** `\s` for each char code below 128. */
const ASCII_SPACE = Uint8Array.from({ length: 128 }, (_, c) => (/\s/.test(String.fromCharCode(c)) ? 1 : 0));

export function metricsOf(style: { ascent?: number; descent?: number } | undefined): FontMetrics {
  const a = style?.ascent;
  const d = style?.descent;
  return {
    ascent: typeof a === 'number' && a > 0.2 && a < 1.5 ? a : DEFAULT_ASCENT,
    descent: typeof d === 'number' && d < 0 && d > -1 ? d : DEFAULT_DESCENT,
  };
}

/** Angle (degrees, clockwise on a y-down page) at which the item's text runs once `toPage` is applied. */
export function itemAngle(item: RawTextItem, toPage: Matrix): number {
  const t = item.transform;
  const [dx, dy] = applyVector(toPage, t[0] ?? 1, t[1] ?? 0);
  return (Math.atan2(dy, dx) * 180) / Math.PI;
}

interface Piece extends Word {
  /** The piece touches the previous / next piece of its item run with no space between. */
  openStart: boolean;
  openEnd: boolean;
  baseline: number;
}

/**
 * Words of one item; `toPage` maps PDF user space to upright top-left page points. Weighs the
 * string by code point without splitting it into an array: this runs for every character of
 * every page.
 */
function itemPieces(item: RawTextItem, metrics: FontMetrics, toPage: Matrix): Piece[] {
  const t = item.transform;
  const str = item.str;
  if (t.length < 6 || !str) return [];
  const m = compose(toPage, t as unknown as Matrix);
  // In the item's own frame the font size is 1 unit; advance runs along x.
  const scaleX = Math.hypot(t[0]!, t[1]!) || 1;
  const fontSize = Math.hypot(t[2]!, t[3]!) || scaleX;
  const advance = item.width / scaleX;
  const len = str.length;
  // Per code unit: the weight and whitespace flag of the code point starting there. The low half
  // of a surrogate pair weighs 0 and is not a space, so walking code units adds the same weights
  // in the same order as walking code points, and never cuts a pair.
  const weights = new Float64Array(len);
  const space = new Uint8Array(len);
  let total = 0;
  for (let k = 0; k < len;) {
    const code = str.charCodeAt(k);
    if (code < 128) {
      weights[k] = ASCII_WEIGHT[code]!;
      space[k] = ASCII_SPACE[code]!;
      total += weights[k]!;
      k++;
    } else {
      const cp = str.codePointAt(k)!;
      const ch = String.fromCodePoint(cp);
      weights[k] = charWeight(ch);
      space[k] = /\s/.test(ch) ? 1 : 0;
      total += weights[k]!;
      k += ch.length;
    }
  }
  total = total || 1;
  const { ascent, descent } = metrics;
  const [a, b, c, d, e, f] = m;
  const pieces: Piece[] = [];
  let pos = 0;
  let i = 0;
  while (i < len) {
    if (space[i]) {
      pos += weights[i++]!;
      continue;
    }
    const start = pos;
    const first = i;
    while (i < len && !space[i]) pos += weights[i++]!;
    const u0 = (start / total) * advance;
    const u1 = (pos / total) * advance;
    // The four corners of the piece's box in the item frame, mapped to the page (as apply()).
    const x00 = a * u0 + c * descent + e;
    const x10 = a * u1 + c * descent + e;
    const x01 = a * u0 + c * ascent + e;
    const x11 = a * u1 + c * ascent + e;
    const y00 = b * u0 + d * descent + f;
    const y10 = b * u1 + d * descent + f;
    const y01 = b * u0 + d * ascent + f;
    const y11 = b * u1 + d * ascent + f;
    pieces.push({
      text: str.slice(first, i),
      bbox: {
        x0: Math.min(x00, x10, x01, x11),
        top: Math.min(y00, y10, y01, y11),
        x1: Math.max(x00, x10, x01, x11),
        bottom: Math.max(y00, y10, y01, y11),
      },
      fontSize: Math.round(fontSize * 100) / 100,
      openStart: first === 0,
      openEnd: i === len,
      baseline: b * u0 + d * 0 + f,
    });
  }
  return pieces;
}

/**
 * Words of a page's text items, in content order. `styles` are pdfjs's per-font metrics;
 * `toPage` maps PDF user space to upright top-left page points.
 */
export function itemsToWords(
  items: readonly RawTextItem[],
  styles: Record<string, { ascent?: number; descent?: number }>,
  toPage: Matrix,
): Word[] {
  const out: Word[] = [];
  let prev: Piece | null = null;
  for (const item of items) {
    const pieces = itemPieces(item, metricsOf(styles[item.fontName]), toPage);
    if (pieces.length === 0) {
      // A space or end-of-line item separates words.
      prev = null;
      continue;
    }
    pieces.forEach((p, k) => {
      const size = p.fontSize ?? 1;
      const gap = prev ? p.bbox.x0 - prev.bbox.x1 : Infinity;
      const joins =
        k === 0 &&
        prev !== null &&
        prev.openEnd &&
        p.openStart &&
        gap > -WORD_JOIN_GAP_EM * size &&
        gap < WORD_JOIN_GAP_EM * size &&
        Math.abs(p.baseline - prev.baseline) < WORD_JOIN_BASELINE_EM * size;
      if (joins && prev) {
        prev.text += p.text;
        prev.bbox = {
          x0: Math.min(prev.bbox.x0, p.bbox.x0),
          top: Math.min(prev.bbox.top, p.bbox.top),
          x1: Math.max(prev.bbox.x1, p.bbox.x1),
          bottom: Math.max(prev.bbox.bottom, p.bbox.bottom),
        };
        prev.openEnd = p.openEnd;
      } else {
        out.push(p);
        prev = p;
      }
    });
    if (item.hasEOL || /\s$/.test(item.str)) prev = null;
  }
  return out.map((p) => ({ text: p.text, bbox: p.bbox, fontSize: p.fontSize }));
}
