/**
 * De-skew: a page fed crooked into a scanner is rotated by a degree or two. The angle is the one
 * whose projection profile is sharpest: project the ink pixels along lines of slope tan(a); at
 * the true angle every text line and table rule falls into a few bins, so the sum of squared
 * differences between neighbouring bins peaks (Postl's method). Measured on a ~100 dpi sample of
 * the page, a coarse sweep then a fine one. Straight rows matter for finding table rules.
 */
import type { GrayImage } from '../image/gray.js';

/** Skew searched in ±this many degrees; larger turns are not a crooked feed. */
export const MAX_SKEW_DEGREES = 5;
/** Skew smaller than this is left alone (tesseract copes, and rotating blurs the glyphs). */
export const MIN_DESKEW_DEGREES = 0.15;
/** Coarse and fine sweep steps, degrees. */
const COARSE_STEP_DEGREES = 0.25;
const FINE_STEP_DEGREES = 0.025;
/** The page is sampled to about this width for the estimate. */
const SAMPLE_WIDTH = 900;
/** At most this many ink points are projected (evenly thinned beyond). */
const MAX_SAMPLE_POINTS = 150_000;
/** Fewer ink points than this: nothing to measure, no rotation. */
const MIN_SAMPLE_POINTS = 200;

const RAD = Math.PI / 180;

interface InkPoints {
  xs: Float64Array;
  ys: Float64Array;
  n: number;
  height: number;
  width: number;
}

function samplePoints(img: GrayImage, threshold: number): InkPoints {
  const step = Math.max(1, Math.round(img.width / SAMPLE_WIDTH));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y += step) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x += step) {
      if (img.data[row + x]! < threshold) {
        xs.push(x / step);
        ys.push(y / step);
      }
    }
  }
  let n = xs.length;
  const keep = Math.max(1, Math.ceil(n / MAX_SAMPLE_POINTS));
  const fx = new Float64Array(Math.ceil(n / keep));
  const fy = new Float64Array(fx.length);
  for (let i = 0, j = 0; i < n; i += keep, j++) {
    fx[j] = xs[i]!;
    fy[j] = ys[i]!;
  }
  n = fx.length;
  return { xs: fx, ys: fy, n, width: Math.ceil(img.width / step), height: Math.ceil(img.height / step) };
}

/** Sharpness of the profile along slope tan(deg): sum of squared differences of adjacent bins. */
function profileScore(p: InkPoints, deg: number): number {
  const t = Math.tan(deg * RAD);
  const pad = Math.ceil(Math.abs(t) * p.width) + 2;
  const bins = new Float64Array(p.height + 2 * pad);
  for (let i = 0; i < p.n; i++) {
    const b = Math.round(p.ys[i]! - p.xs[i]! * t) + pad;
    if (b >= 0 && b < bins.length) bins[b]!++;
  }
  let s = 0;
  for (let i = 1; i < bins.length; i++) {
    const d = bins[i]! - bins[i - 1]!;
    s += d * d;
  }
  return s;
}

function sweep(p: InkPoints, from: number, to: number, step: number): number {
  let best = 0;
  let bestScore = -1;
  for (let a = from; a <= to + 1e-9; a += step) {
    const s = profileScore(p, a);
    // Ties go to the angle nearest zero (an unrotated page stays unrotated).
    if (s > bestScore || (s === bestScore && Math.abs(a) < Math.abs(best))) {
      bestScore = s;
      best = a;
    }
  }
  return best;
}

/**
 * The page's skew in degrees: positive when text lines descend to the right (the content is
 * turned clockwise). 0 when the page has too little ink to tell.
 */
export function estimateSkewDegrees(img: GrayImage, threshold: number): number {
  const p = samplePoints(img, threshold);
  if (p.n < MIN_SAMPLE_POINTS) return 0;
  const coarse = sweep(p, -MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, COARSE_STEP_DEGREES);
  const fine = sweep(p, coarse - COARSE_STEP_DEGREES, coarse + COARSE_STEP_DEGREES, FINE_STEP_DEGREES);
  return Math.round(fine * 1000) / 1000;
}

/**
 * The image turned by `-skewDegrees` about its centre (bilinear, white outside), undoing a skew
 * measured by estimateSkewDegrees. Same size as the input.
 */
export function rotateGray(img: GrayImage, skewDegrees: number): GrayImage {
  const { width: w, height: h, data: src } = img;
  const out = new Uint8Array(w * h);
  const cos = Math.cos(skewDegrees * RAD);
  const sin = Math.sin(skewDegrees * RAD);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const xMax = w - 1;
  const yMax = h - 1;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Source of output pixel (x, y): R(θ)·(p − c) + c.
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    const row = y * w;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
      // floor(s) < 0 ⟺ s < 0 and floor(s) ≥ n ⟺ s ≥ n, so inside, `| 0` is floor.
      if (sx < 0 || sy < 0 || sx >= xMax || sy >= yMax) {
        out[row + x] = 255;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
      out[row + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width: w, height: h, data: out };
}
