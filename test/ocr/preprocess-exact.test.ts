/**
 * The page preprocessing was made faster without changing its result: each function is checked
 * pixel for pixel (rule for rule) against the plain version it replaced, on a noisy, turned page
 * with a ruled grid, broken rules and specks.
 */
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { canvasToGray } from '../../src/read/image/gray.js';
import type { GrayImage } from '../../src/read/image/gray.js';
import { rotateGray } from '../../src/read/ocr/deskew.js';
import type { PixelRule } from '../../src/read/ocr/rulings.js';
import { findPixelRules, MIN_RULE_INK_COVERAGE } from '../../src/read/ocr/rulings.js';
import { despeckle, otsuThreshold, paperLevel } from '../../src/read/ocr/threshold.js';

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A form-like page: a grid (one rule broken by gaps), text bars, specks, grain; turned by `deg`. */
function noisyPage(deg: number, seed: number): GrayImage {
  const rand = rng(seed);
  const canvas = createCanvas(900, 1200);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 900, 1200);
  ctx.translate(450, 600);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.translate(-450, -600);
  ctx.fillStyle = '#151515';
  for (const y of [80, 300, 620, 1100]) ctx.fillRect(60, y, 780, 3);
  for (const x of [60, 400, 837]) ctx.fillRect(x, 80, 3, 1023);
  // A rule with toner drop-outs, and a thick bar (not a rule).
  for (let x = 60; x < 840; x += 40) ctx.fillRect(x, 900, 38, 2);
  ctx.fillRect(100, 1000, 600, 14);
  for (let y = 110; y < 1080; y += 30) {
    // Text rows stay clear of the rules (a bar touching a rule makes it too thick to be one).
    if ([300, 620, 900, 1000].some((r) => Math.abs(y - r) < 20)) continue;
    let x = 80 + Math.floor(rand() * 20);
    while (x < 800) {
      const w = 15 + Math.floor(rand() * 60);
      ctx.fillRect(x, y, Math.min(w, 820 - x), 10);
      x += w + 12;
    }
  }
  const img = canvasToGray(canvas);
  for (let i = 0; i < img.data.length; i++) {
    if (rand() < 0.002) img.data[i] = 20;
    else if (img.data[i]! > 200) img.data[i] = 235 + Math.floor(rand() * 20);
  }
  return img;
}

// --- The plain versions the fast ones replaced. ---

function plainDespeckle(img: GrayImage, threshold: number, maxPixels: number): number {
  const { width: w, height: h, data } = img;
  const seen = new Uint8Array(w * h);
  let removed = 0;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= threshold) continue;
    seen[start] = 1;
    const stack = [start];
    const comp: number[] = [];
    while (stack.length) {
      const i = stack.pop()!;
      comp.push(i);
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const j = yy * w + xx;
          if (!seen[j] && data[j]! < threshold) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (comp.length <= maxPixels) {
      for (const i of comp) data[i] = 255;
      removed++;
    }
  }
  return removed;
}

function plainRotate(img: GrayImage, deg: number): GrayImage {
  const { width: w, height: h, data: src } = img;
  const out = new Uint8Array(w * h);
  const cos = Math.cos((deg * Math.PI) / 180);
  const sin = Math.sin((deg * Math.PI) / 180);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
      out[y * w + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width: w, height: h, data: out };
}

type Run = { pos: number; from: number; to: number; coverage: number };

/** Runs along every row of `mask` (w × h), each row OR-ed with its neighbours. */
function plainRuns(mask: Uint8Array, w: number, h: number, minLen: number, maxGap: number): Run[] {
  const out: Run[] = [];
  for (let pos = 0; pos < h; pos++) {
    const row = pos * w;
    const up = pos > 0 ? row - w : row;
    const down = pos < h - 1 ? row + w : row;
    let start = -1;
    let last = -1;
    let solid = 0;
    for (let i = 0; i <= w; i++) {
      const ink = i < w && (mask[row + i]! | mask[up + i]! | mask[down + i]!) === 1;
      if (ink && start >= 0 && i - last - 1 <= maxGap) {
        last = i;
        solid += mask[row + i]!;
        continue;
      }
      if (start >= 0 && (ink || i === w)) {
        if (last - start + 1 >= minLen)
          out.push({ pos, from: start, to: last, coverage: solid / (last - start + 1) });
        start = -1;
      }
      if (ink) {
        start = i;
        last = i;
        solid = mask[row + i]!;
      }
    }
  }
  return out;
}

function plainMerge(runs: Run[], orientation: 'h' | 'v', maxThickness: number): PixelRule[] {
  runs.sort((a, b) => a.pos - b.pos || a.from - b.from);
  const open: { lo: number; hi: number; from: number; to: number; coverage: number }[] = [];
  const done: typeof open = [];
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
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.hi < r.pos - 1) done.push(...open.splice(i, 1));
  }
  done.push(...open);
  return done
    .filter((g) => g.hi - g.lo + 1 <= maxThickness && g.coverage >= MIN_RULE_INK_COVERAGE)
    .map((g) => ({ orientation, from: g.from, to: g.to, lo: g.lo, hi: g.hi }));
}

function plainRules(img: GrayImage, threshold: number, dpi: number): PixelRule[] {
  const { width: w, height: h, data } = img;
  const px = dpi / 72;
  const minLen = Math.max(8, Math.round(24 * px));
  const maxGap = Math.max(1, Math.round(1 * px));
  const maxThickness = Math.round(4 * px) + 2;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = data[i]! < threshold ? 1 : 0;
  const t = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) t[x * h + y] = mask[y * w + x]!;
  const trim = (r: PixelRule): PixelRule => ({
    ...r,
    lo: Math.min(r.lo + 1, r.hi),
    hi: Math.max(r.hi - 1, Math.min(r.lo + 1, r.hi)),
  });
  return [
    ...plainMerge(plainRuns(mask, w, h, minLen, maxGap), 'h', maxThickness),
    ...plainMerge(plainRuns(t, h, w, minLen, maxGap), 'v', maxThickness),
  ].map(trim);
}

function plainPaperLevel(img: GrayImage, threshold: number): number {
  const values = [...img.data].filter((v) => v >= threshold).sort((a, b) => a - b);
  return values.length ? values[Math.ceil(values.length / 2) - 1]! : 255;
}

describe('fast preprocessing gives what the plain versions gave', () => {
  const pages = [noisyPage(0, 1), noisyPage(0.9, 2), noisyPage(-1.3, 3)];

  it('rotation: the same bytes', () => {
    for (const [i, deg] of [0.9, -1.3, 2.5].entries()) {
      const page = pages[i]!;
      expect(Buffer.compare(rotateGray(page, deg).data, plainRotate(page, deg).data)).toBe(0);
    }
  });

  it('rules: the same rules, the broken one among them and the thick bar not', () => {
    for (const page of pages) {
      const th = otsuThreshold(page);
      const rules = findPixelRules(page, th, 150);
      expect(rules).toEqual(plainRules(page, th, 150));
    }
    const straight = findPixelRules(pages[0]!, otsuThreshold(pages[0]!), 150);
    const long = (o: 'h' | 'v') =>
      straight.filter((r) => r.orientation === o && r.to - r.from > 700).map((r) => r.lo);
    // Four full rules and the broken one across (gaps bridged), not the thick bar; three down.
    expect(long('h')).toEqual([80, 300, 620, 900, 1100]);
    expect(long('v')).toEqual([60, 400, 837]);
  });

  it('despeckle: the same pixels removed and the same count', () => {
    for (const page of pages) {
      const th = otsuThreshold(page);
      const a = { ...page, data: new Uint8Array(page.data) };
      const b = { ...page, data: new Uint8Array(page.data) };
      const n = despeckle(a, th, 6);
      expect(n).toBe(plainDespeckle(b, th, 6));
      expect(n).toBeGreaterThan(100);
      expect(Buffer.compare(a.data, b.data)).toBe(0);
    }
  });

  it('paper level: the median grey of the paper', () => {
    for (const page of pages) {
      const th = otsuThreshold(page);
      expect(paperLevel(page, th)).toBe(plainPaperLevel(page, th));
    }
  });
});
