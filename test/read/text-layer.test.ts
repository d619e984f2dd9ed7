import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Word } from '../../src/ir/document.js';
import { assessTextLayer } from '../../src/read/pdf/text-layer.js';
import { charWeight, itemsToWords } from '../../src/read/pdf/words.js';

const words = (s: string): Word[] =>
  s.split(' ').map((t, i) => ({ text: t, bbox: { x0: i * 10, top: 0, x1: i * 10 + 8, bottom: 10 } }));

describe('assessTextLayer', () => {
  it('accepts ordinary Indonesian text', () => {
    expect(
      assessTextLayer(words('Jumlah pelayanan yang tepat waktu sesuai SOP dibagi jumlah pelayanan')).verdict,
    ).toBe('ok');
  });
  it('calls a page with nothing but a page number empty', () => {
    expect(assessTextLayer(words('- 3 -'))).toMatchObject({ usable: false, verdict: 'no-text' });
    expect(assessTextLayer([]).verdict).toBe('no-text');
  });
  it('calls private-use glyphs, replacement characters and vowelless words mojibake', () => {
    expect(
      assessTextLayer(
        words('\uE001\uE002\uE003 \uE004\uE005\uE006 \uE007\uE008\uE009 \uE00A\uE00B\uE00C\uE00D Kepala'),
      ).verdict,
    ).toBe('mojibake');
    expect(
      assessTextLayer(words('\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD abc'))
        .verdict,
    ).toBe('mojibake');
    expect(assessTextLayer(words('Xkzq Brtp Vwxl Mnbv Qrst Plkj Hgfd Zxcv')).verdict).toBe('mojibake');
  });
  it('property: never throws and is consistent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const q = assessTextLayer(words(s));
        expect(q.usable).toBe(q.verdict === 'ok');
      }),
    );
  });
});

describe('itemsToWords', () => {
  const item = (str: string, x: number, width: number, font = 'f1') => ({
    str,
    width,
    transform: [10, 0, 0, 10, x, 700],
    fontName: font,
  });

  it('splits an item into words and places them along its width', () => {
    const ws = itemsToWords([item('Jumlah dokumen', 100, 70)], {}, [1, 0, 0, -1, 0, 842]);
    expect(ws.map((w) => w.text)).toEqual(['Jumlah', 'dokumen']);
    expect(ws[0]!.bbox.x0).toBeCloseTo(100, 5);
    expect(ws[1]!.bbox.x1).toBeCloseTo(170, 5);
    expect(ws[0]!.bbox.x1).toBeLessThan(ws[1]!.bbox.x0);
    expect(ws[0]!.bbox.bottom).toBeCloseTo(142 + 2, 5);
    expect(ws[0]!.fontSize).toBe(10);
  });

  it('joins a word split across items by a font change, not across a space item', () => {
    const ws = itemsToWords(
      [item('Pember', 100, 30), item('dayaan', 130, 30, 'bold'), item(' ', 160, 3), item('desa', 163, 20)],
      {},
      [1, 0, 0, -1, 0, 842],
    );
    expect(ws.map((w) => w.text)).toEqual(['Pemberdayaan', 'desa']);
    expect(charWeight('m')).toBeGreaterThan(charWeight('i'));
  });
});
