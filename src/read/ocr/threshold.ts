/**
 * Ink versus paper: Otsu's global threshold on the grey histogram. Scans of printed forms are
 * evenly lit, so one threshold per page is enough for finding rules and measuring skew; the text
 * itself is binarised again by tesseract, which sees the grey page.
 */
import type { GrayImage } from '../image/gray.js';

/** Thresholds are kept at or above this, so a nearly blank page does not turn its paper grain into ink. */
export const MIN_INK_THRESHOLD = 64;
/** …and at or below this, so a page of mostly dark ink still keeps light paper as paper. */
export const MAX_INK_THRESHOLD = 220;

/** Counts of each grey value (integer counters: a page has at most 60 million pixels). */
function histogram(data: Uint8Array): Uint32Array {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  return hist;
}

/** Otsu's threshold: grey values below it are ink. */
export function otsuThreshold(img: GrayImage): number {
  const hist = histogram(img.data);
  const total = img.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  return Math.min(MAX_INK_THRESHOLD, Math.max(MIN_INK_THRESHOLD, threshold));
}

/** The median grey of the paper: of the pixels at or above `threshold`. */
export function paperLevel(img: GrayImage, threshold: number): number {
  const hist = histogram(img.data);
  let n = 0;
  for (let v = threshold; v < 256; v++) n += hist[v]!;
  let acc = 0;
  for (let v = threshold; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= n / 2) return v;
  }
  return 255;
}

/**
 * Threshold for thin lines: halfway from the ink threshold to the paper. A hairline rule scanned
 * or JPEG-compressed is lighter than text strokes (its pixels are mixed with paper).
 */
export function lightInkThreshold(img: GrayImage, threshold: number): number {
  return Math.round((threshold + paperLevel(img, threshold)) / 2);
}

/** Share of pixels darker than `threshold`. */
export function inkShare(img: GrayImage, threshold: number): number {
  let ink = 0;
  for (let i = 0; i < img.data.length; i++) if (img.data[i]! < threshold) ink++;
  return img.data.length ? ink / img.data.length : 0;
}

/** A copy with every pixel black (0) or white (255). */
export function binarize(img: GrayImage, threshold: number): GrayImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i]! < threshold ? 0 : 255;
  return { width: img.width, height: img.height, data };
}

/**
 * Removes specks: 8-connected ink components of at most `maxPixels` pixels are painted white
 * (scanner dust, toner spray), which tesseract would otherwise read as "." or "'" between words.
 * Returns the number of components removed. Works in place.
 */
export function despeckle(img: GrayImage, threshold: number, maxPixels: number): number {
  const { width: w, height: h, data } = img;
  const seen = new Uint8Array(w * h);
  let stack = new Int32Array(4096);
  // Only components small enough to be removed need their pixels remembered.
  const comp = new Int32Array(Math.max(0, maxPixels) + 1);
  let removed = 0;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= threshold) continue;
    seen[start] = 1;
    stack[0] = start;
    let sp = 1;
    let n = 0;
    while (sp > 0) {
      const i = stack[--sp]!;
      if (n < comp.length) comp[n] = i;
      n++;
      const y = (i / w) | 0;
      const x = i - y * w;
      const dx0 = x > 0 ? -1 : 0;
      const dx1 = x < w - 1 ? 1 : 0;
      const dy0 = y > 0 ? -1 : 0;
      const dy1 = y < h - 1 ? 1 : 0;
      for (let dy = dy0; dy <= dy1; dy++) {
        const base = i + dy * w;
        for (let dx = dx0; dx <= dx1; dx++) {
          const j = base + dx;
          if (seen[j] === 0 && data[j]! < threshold) {
            seen[j] = 1;
            if (sp === stack.length) {
              const grown = new Int32Array(stack.length * 2);
              grown.set(stack);
              stack = grown;
            }
            stack[sp++] = j;
          }
        }
      }
    }
    if (n <= maxPixels) {
      for (let k = 0; k < n; k++) data[comp[k]!] = 255;
      removed++;
    }
  }
  return removed;
}
