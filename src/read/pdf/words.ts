/**
 * pdfjs text items → positioned words. An item is a run of glyphs in one font along one
 * baseline; pdfjs gives its start, direction and advance width but not each glyph's position,
 * so a word's x-extent inside the item is estimated from relative character widths. Pieces of
 * one word split across items (a font change mid-word) are joined again.
 */
import type { Word } from '../../ir/document.js';
import type { Matrix } from './matrix.js';
import { apply, applyVector, compose } from './matrix.js';

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

/** Words of one item; `toPage` maps PDF user space to upright top-left page points. */
function itemPieces(item: RawTextItem, metrics: FontMetrics, toPage: Matrix): Piece[] {
  const t = item.transform;
  if (t.length < 6 || !item.str) return [];
  const m = compose(toPage, t as unknown as Matrix);
  // In the item's own frame the font size is 1 unit; advance runs along x.
  const scaleX = Math.hypot(t[0]!, t[1]!) || 1;
  const fontSize = Math.hypot(t[2]!, t[3]!) || scaleX;
  const advance = item.width / scaleX;
  const chars = [...item.str];
  const weights = chars.map(charWeight);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const pieces: Piece[] = [];
  let pos = 0;
  let i = 0;
  while (i < chars.length) {
    if (/\s/.test(chars[i]!)) {
      pos += weights[i]!;
      i++;
      continue;
    }
    const start = pos;
    const first = i;
    while (i < chars.length && !/\s/.test(chars[i]!)) pos += weights[i++]!;
    const u0 = (start / total) * advance;
    const u1 = (pos / total) * advance;
    const corners = [
      apply(m, u0, metrics.descent),
      apply(m, u1, metrics.descent),
      apply(m, u0, metrics.ascent),
      apply(m, u1, metrics.ascent),
    ];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    pieces.push({
      text: chars.slice(first, i).join(''),
      bbox: { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) },
      fontSize: Math.round(fontSize * 100) / 100,
      openStart: first === 0,
      openEnd: i === chars.length,
      baseline: apply(m, u0, 0)[1],
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
