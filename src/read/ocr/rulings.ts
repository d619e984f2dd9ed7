/**
 * Table rules on a scanned page: long, solid, thin runs of ink. Each row (column) is scanned
 * with its neighbours OR-ed in, so a rule 2–4 px thick that drifts by a pixel still gives one
 * long run; small gaps (toner drop-outs, JPEG noise) are bridged. Runs on neighbouring rows that
 * overlap merge into one rule at their middle. Words never give such runs: a space breaks them,
 * and glyph strokes are neither long nor solid. The rules become RulingLine[] in points, so the
 * PDF table geometry finds the grid; they are also erased from the page handed to tesseract,
 * which otherwise reads them as "|", "l" or "_".
 */
import type { RulingLine } from '../../ir/document.js';
import type { GrayImage } from '../image/gray.js';

/** A rule is at least this long (points): longer than any glyph stroke, shorter than any table cell edge. */
export const MIN_RULE_LENGTH_PT = 24;
/** A rule is at most this thick (points); thicker dark runs are filled areas or photos. */
export const MAX_RULE_THICKNESS_PT = 4;
/** Gaps up to this long (points) inside a rule are bridged (broken toner, noise). */
export const RULE_GAP_PT = 1;
/** At least this share of a rule's length must be ink in its best row: rules are solid, text is not. */
export const MIN_RULE_INK_COVERAGE = 0.9;

/** A rule in pixels of the page raster. */
export interface PixelRule {
  orientation: 'h' | 'v';
  /** Along the rule. */
  from: number;
  to: number;
  /** Across the rule: first and last row (column) of its ink. */
  lo: number;
  hi: number;
}

interface Run {
  pos: number;
  from: number;
  to: number;
  coverage: number;
}

/**
 * Runs of ink along row `pos` of a row-major mask (1 = ink) of `w` × `h`: the band of rows
 * pos−1..pos+1 OR-ed gives the run, the centre row alone its solid coverage.
 */
function runsOnRow(
  mask: Uint8Array,
  w: number,
  h: number,
  pos: number,
  minLen: number,
  maxGap: number,
  out: Run[],
): void {
  const row = pos * w;
  const up = pos > 0 ? row - w : row;
  const down = pos < h - 1 ? row + w : row;
  let start = -1;
  let last = -1;
  let solid = 0;
  const emit = () => {
    if (last - start + 1 >= minLen)
      out.push({ pos, from: start, to: last, coverage: solid / (last - start + 1) });
  };
  for (let i = 0; i < w; i++) {
    if ((mask[row + i]! | mask[up + i]! | mask[down + i]!) === 0) continue;
    if (start >= 0 && i - last - 1 <= maxGap) {
      last = i;
      solid += mask[row + i]!;
      continue;
    }
    if (start >= 0) emit();
    start = i;
    last = i;
    solid = mask[row + i]!;
  }
  if (start >= 0) emit();
}

/**
 * The runs of every column, as runsOnRow finds them on the transposed mask (the band is the
 * columns x−1..x+1), but swept row by row with one run in progress per column: memory is read
 * in order and no transposed copy is made.
 */
function columnRuns(mask: Uint8Array, w: number, h: number, minLen: number, maxGap: number): Run[] {
  const out: Run[] = [];
  const start = new Int32Array(w).fill(-1);
  const last = new Int32Array(w);
  const solid = new Int32Array(w);
  const end = (x: number) => {
    if (last[x]! - start[x]! + 1 >= minLen) {
      out.push({ pos: x, from: start[x]!, to: last[x]!, coverage: solid[x]! / (last[x]! - start[x]! + 1) });
    }
    start[x] = -1;
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    // Only columns with ink in their band change state: those of each ink pixel and its two
    // neighbours, each visited once per row (ink pixels come in increasing x).
    let done = -1;
    for (let i = 0; i < w; i++) {
      if (mask[row + i] === 0) continue;
      const to = Math.min(w - 1, i + 1);
      for (let x = Math.max(done + 1, i - 1); x <= to; x++) {
        const s = start[x]!;
        if (s >= 0 && y - last[x]! - 1 <= maxGap) {
          last[x] = y;
          solid[x]! += mask[row + x]!;
          continue;
        }
        if (s >= 0) end(x);
        start[x] = y;
        last[x] = y;
        solid[x] = mask[row + x]!;
      }
      done = to;
    }
  }
  for (let x = 0; x < w; x++) if (start[x]! >= 0) end(x);
  return out;
}

interface Group {
  lo: number;
  hi: number;
  from: number;
  to: number;
  coverage: number;
}

/** Runs on consecutive rows that overlap along the rule become one rule. */
function mergeRuns(runs: Run[], orientation: 'h' | 'v', maxThickness: number): PixelRule[] {
  runs.sort((a, b) => a.pos - b.pos || a.from - b.from);
  const open: Group[] = [];
  const done: Group[] = [];
  for (const r of runs) {
    let joined = false;
    for (const g of open) {
      if (g.hi < r.pos - 1) continue;
      const overlap = Math.min(g.to, r.to) - Math.max(g.from, r.from);
      if (overlap > 0.5 * Math.min(g.to - g.from, r.to - r.from)) {
        g.hi = r.pos;
        g.from = Math.min(g.from, r.from);
        g.to = Math.max(g.to, r.to);
        g.coverage = Math.max(g.coverage, r.coverage);
        joined = true;
        break;
      }
    }
    if (!joined) open.push({ lo: r.pos, hi: r.pos, from: r.from, to: r.to, coverage: r.coverage });
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.hi < r.pos - 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  return done
    .filter((g) => g.hi - g.lo + 1 <= maxThickness && g.coverage >= MIN_RULE_INK_COVERAGE)
    .map((g) => ({ orientation, from: g.from, to: g.to, lo: g.lo, hi: g.hi }));
}

/**
 * The rules of a page raster whose resolution is `dpi` (pixels per inch). Runs are looked for
 * with the 3-pixel band OR-ed; the band adds one pixel each side, removed again from lo/hi.
 */
export function findPixelRules(img: GrayImage, threshold: number, dpi: number): PixelRule[] {
  const { width: w, height: h, data } = img;
  const px = dpi / 72;
  const minLen = Math.max(8, Math.round(MIN_RULE_LENGTH_PT * px));
  const maxGap = Math.max(1, Math.round(RULE_GAP_PT * px));
  // The band widens the rule by one pixel on each side.
  const maxThickness = Math.round(MAX_RULE_THICKNESS_PT * px) + 2;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = data[i]! < threshold ? 1 : 0;
  const hRuns: Run[] = [];
  for (let y = 0; y < h; y++) runsOnRow(mask, w, h, y, minLen, maxGap, hRuns);
  const vRuns = columnRuns(mask, w, h, minLen, maxGap);
  const trim = (r: PixelRule): PixelRule => ({
    ...r,
    lo: Math.min(r.lo + 1, r.hi),
    hi: Math.max(r.hi - 1, Math.min(r.lo + 1, r.hi)),
  });
  return [...mergeRuns(hRuns, 'h', maxThickness), ...mergeRuns(vRuns, 'v', maxThickness)].map(trim);
}

/** Rules as PDF-point RulingLines (the middle of each rule), for a raster of `dpi`. */
export function rulesToRulings(rules: readonly PixelRule[], dpi: number): RulingLine[] {
  const k = 72 / dpi;
  return rules.map((r) => {
    const mid = ((r.lo + r.hi + 1) / 2) * k;
    return r.orientation === 'h'
      ? { orientation: 'h', x0: r.from * k, x1: (r.to + 1) * k, top: mid, bottom: mid }
      : { orientation: 'v', x0: mid, x1: mid, top: r.from * k, bottom: (r.to + 1) * k };
  });
}

/** A copy of the raster with the rules painted white (one pixel of margin each side). */
export function eraseRules(img: GrayImage, rules: readonly PixelRule[]): GrayImage {
  const data = new Uint8Array(img.data);
  const { width: w, height: h } = img;
  for (const r of rules) {
    const lo = Math.max(0, r.lo - 1);
    const hi = r.orientation === 'h' ? Math.min(h - 1, r.hi + 1) : Math.min(w - 1, r.hi + 1);
    for (let a = lo; a <= hi; a++) {
      for (let b = r.from; b <= r.to; b++) {
        if (r.orientation === 'h') data[a * w + b] = 255;
        else data[b * w + a] = 255;
      }
    }
  }
  return { width: w, height: h, data };
}
