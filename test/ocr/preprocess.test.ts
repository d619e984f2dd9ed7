import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { canvasToGray } from '../../src/read/image/gray.js';
import type { GrayImage } from '../../src/read/image/gray.js';
import { estimateSkewDegrees, rotateGray } from '../../src/read/ocr/deskew.js';
import { blocksToWords, repairPercent } from '../../src/read/ocr/engine.js';
import { eraseRules, findPixelRules, rulesToRulings } from '../../src/read/ocr/rulings.js';
import { despeckle, otsuThreshold } from '../../src/read/ocr/threshold.js';

/** A page of "text": rows of word-like bars, turned by `deg` (positive: lines descend to the right). */
function syntheticPage(deg: number, grid = false): GrayImage {
  const canvas = createCanvas(1200, 1600);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 1200, 1600);
  ctx.translate(600, 800);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.translate(-600, -800);
  ctx.fillStyle = '#111111';
  for (let y = 150; y < 1450; y += 40) {
    let x = 120;
    let k = y;
    while (x < 1050) {
      const w = 30 + ((k * 37) % 90);
      ctx.fillRect(x, y, Math.min(w, 1080 - x), 14);
      x += w + 18;
      k += 11;
    }
  }
  if (grid) {
    ctx.fillRect(100, 100, 1000, 3);
    ctx.fillRect(100, 1497, 1000, 3);
    for (const x of [100, 600, 1097]) ctx.fillRect(x, 100, 3, 1400);
  }
  return canvasToGray(canvas);
}

describe('de-skew', () => {
  it('measures the rotation of a synthetic page to a tenth of a degree', () => {
    for (const deg of [1.5, -0.8, 0.4, 0]) {
      const img = syntheticPage(deg);
      expect(estimateSkewDegrees(img, otsuThreshold(img))).toBeCloseTo(deg, 1);
    }
  });

  it('rotating back leaves a page whose skew measures zero', () => {
    const img = syntheticPage(1.2);
    const upright = rotateGray(img, estimateSkewDegrees(img, otsuThreshold(img)));
    expect(Math.abs(estimateSkewDegrees(upright, otsuThreshold(upright)))).toBeLessThan(0.1);
    expect(upright.width).toBe(img.width);
  });

  it('a blank page has no skew', () => {
    const blank: GrayImage = { width: 300, height: 300, data: new Uint8Array(300 * 300).fill(250) };
    expect(estimateSkewDegrees(blank, 128)).toBe(0);
  });
});

describe('rules on pixels', () => {
  it('finds the rules of a grid (not the text bars) and maps them to points', () => {
    const img = syntheticPage(0, true);
    const rules = findPixelRules(img, otsuThreshold(img), 144);
    const h = rules.filter((r) => r.orientation === 'h');
    const v = rules.filter((r) => r.orientation === 'v');
    expect(h).toHaveLength(2);
    expect(v).toHaveLength(3);
    const rulings = rulesToRulings(rules, 144);
    const left = rulings.find((r) => r.orientation === 'v' && r.x0 < 60)!;
    // 100 px at 144 dpi = 50 pt; the rule is 3 px wide, its middle at 101.5 px.
    expect(left.x0).toBeCloseTo(50.75, 0);
    expect(left.bottom - left.top).toBeGreaterThan(690);
    const erased = eraseRules(img, rules);
    expect(erased.data[800 * img.width + 601]).toBe(255);
    expect(img.data[800 * img.width + 601]).toBeLessThan(100);
  });

  it('despeckle removes dust but keeps strokes', () => {
    const img: GrayImage = { width: 50, height: 50, data: new Uint8Array(2500).fill(255) };
    img.data[10 * 50 + 10] = 0;
    img.data[10 * 50 + 11] = 0;
    for (let x = 20; x < 40; x++) for (let y = 30; y < 33; y++) img.data[y * 50 + x] = 0;
    expect(despeckle(img, 128, 5)).toBe(1);
    expect(img.data[10 * 50 + 10]).toBe(255);
    expect(img.data[31 * 50 + 25]).toBe(0);
  });
});

describe('reading tesseract output', () => {
  const box = (x0: number, x1: number) => ({ x0, y0: 0, x1, y1: 20 });
  it('repairs a "%" read as "96" or "926" from the overlap of its symbol boxes', () => {
    const word = (text: string, xs: [number, number][]) => ({
      text,
      confidence: 80,
      bbox: box(xs[0]![0], xs[xs.length - 1]![1]),
      symbols: [...text].map((t, i) => ({ text: t, bbox: box(...xs[i]!) })),
    });
    expect(
      repairPercent(
        word('10096', [
          [0, 10],
          [14, 30],
          [33, 50],
          [50, 66],
          [52, 83],
        ]),
      ),
    ).toBe('100%');
    expect(
      repairPercent(
        word('96', [
          [0, 15],
          [0, 31],
        ]),
      ),
    ).toBe('%');
    expect(
      repairPercent(
        word('100926', [
          [0, 9],
          [16, 33],
          [35, 53],
          [52, 64],
          [55, 86],
          [72, 86],
        ]),
      ),
    ).toBe('100%');
    // Real digits side by side stay digits.
    expect(
      repairPercent(
        word('1996', [
          [0, 10],
          [14, 30],
          [33, 50],
          [53, 70],
        ]),
      ),
    ).toBe('1996');
    expect(
      repairPercent(
        word('26', [
          [0, 16],
          [20, 37],
        ]),
      ),
    ).toBe('26');
  });

  it('gives words their line metrics and skips empty words', () => {
    const words = blocksToWords([
      {
        paragraphs: [
          {
            lines: [
              {
                baseline: { x0: 0, y0: 100, x1: 200, y1: 102 },
                rowAttributes: { rowHeight: 40, descenders: 9, ascenders: 10 },
                words: [
                  { text: 'Jumlah', confidence: 91, bbox: { x0: 0, y0: 70, x1: 100, y1: 100 } },
                  { text: ' ', confidence: 95, bbox: { x0: 110, y0: 70, x1: 120, y1: 100 } },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(words).toHaveLength(1);
    expect(words[0]).toMatchObject({ text: 'Jumlah', confidence: 91, rowHeight: 40, descenders: 9 });
    expect(words[0]!.baseline).toBeCloseTo(100.5, 5);
  });
});
