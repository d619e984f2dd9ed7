/**
 * The fast paths of the PDF reader give exactly what the plain code they replaced gave: the
 * reference implementations below are the earlier, slower versions, kept here as the oracle.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Word } from '../../src/ir/document.js';
import type { BBox } from '../../src/ir/geometry.js';
import { contains } from '../../src/geometry/lines.js';
import { cellFinder } from '../../src/read/pdf/blocks.js';
import { restoreEnginePush } from '../../src/read/pdf/engine-push.js';
import { apply, compose } from '../../src/read/pdf/matrix.js';
import type { Matrix } from '../../src/read/pdf/matrix.js';
import { openPdf, pdfjsDocumentParams } from '../../src/read/pdf/pdfjs.js';
import { assessTextLayer } from '../../src/read/pdf/text-layer.js';
import { charWeight, itemsToWords, metricsOf } from '../../src/read/pdf/words.js';
import type { RawTextItem } from '../../src/read/pdf/words.js';
import { makePdf, textAt } from './helpers/pdf-writer.js';

/** The earlier itemsToWords: one regex per character, corner arrays. */
function referenceWords(items: RawTextItem[], toPage: Matrix): Word[] {
  const out: (Word & { openEnd: boolean; baseline: number })[] = [];
  let prev: (typeof out)[number] | null = null;
  for (const item of items) {
    const t = item.transform;
    const metrics = metricsOf(undefined);
    const pieces: ((typeof out)[number] & { openStart: boolean })[] = [];
    if (t.length >= 6 && item.str) {
      const m = compose(toPage, t as unknown as Matrix);
      const scaleX = Math.hypot(t[0]!, t[1]!) || 1;
      const fontSize = Math.hypot(t[2]!, t[3]!) || scaleX;
      const advance = item.width / scaleX;
      const chars = [...item.str];
      const weights = chars.map(charWeight);
      const total = weights.reduce((s, w) => s + w, 0) || 1;
      let pos = 0;
      let i = 0;
      while (i < chars.length) {
        if (/\s/.test(chars[i]!)) {
          pos += weights[i++]!;
          continue;
        }
        const start = pos;
        const first = i;
        while (i < chars.length && !/\s/.test(chars[i]!)) pos += weights[i++]!;
        const u0 = (start / total) * advance;
        const u1 = (pos / total) * advance;
        const cs = [
          apply(m, u0, metrics.descent),
          apply(m, u1, metrics.descent),
          apply(m, u0, metrics.ascent),
          apply(m, u1, metrics.ascent),
        ];
        const xs = cs.map((c) => c[0]);
        const ys = cs.map((c) => c[1]);
        pieces.push({
          text: chars.slice(first, i).join(''),
          bbox: { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) },
          fontSize: Math.round(fontSize * 100) / 100,
          openStart: first === 0,
          openEnd: i === chars.length,
          baseline: apply(m, u0, 0)[1],
        });
      }
    }
    if (pieces.length === 0) {
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
        gap > -0.15 * size &&
        gap < 0.15 * size &&
        Math.abs(p.baseline - prev.baseline) < 0.3 * size;
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

/** The earlier assessTextLayer counts: a regex per character. */
function referenceCounts(words: readonly Word[]): { chars: number; bad: number; alnum: number } {
  let chars = 0;
  let bad = 0;
  let alnum = 0;
  for (const w of words) {
    for (const ch of w.text) {
      if (/\s/.test(ch)) continue;
      chars++;
      const c = ch.codePointAt(0) ?? 0;
      if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c <= 0x08 || (c >= 0x0e && c <= 0x1f)) bad++;
      if (/[\p{L}\p{N}]/u.test(ch)) alnum++;
    }
  }
  return { chars, bad, alnum };
}

/** Text mixing ASCII, Latin-1, whitespace of all kinds, astral characters and lone surrogates. */
const pdfText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        ' ',
        '\t',
        '\u00a0',
        '\u2003',
        '\u3000',
        '\n',
        'é',
        'ﬁ',
        '𝐀',
        '😀',
        '\ud800',
        '\udc00',
        '\uE001',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const finite = fc.double({ min: -1000, max: 1000, noNaN: true });

describe('itemsToWords matches the plain implementation', () => {
  it('property: same words, boxes and sizes for any items', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            str: pdfText,
            width: fc.double({ min: 0, max: 500, noNaN: true }),
            transform: fc.tuple(finite, finite, finite, finite, finite, finite),
            hasEOL: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        fc.constantFrom<Matrix>([1, 0, 0, -1, 0, 842], [0, 1, 1, 0, 0, 0], [-1, 0, 0, 1, 595, 0]),
        (raw, toPage) => {
          const items: RawTextItem[] = raw.map((r) => ({ ...r, transform: [...r.transform], fontName: 'f' }));
          expect(itemsToWords(items, {}, toPage)).toEqual(referenceWords(items, toPage));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('assessTextLayer matches per-character regexes', () => {
  it('property: same character, bad-character and letter counts', () => {
    fc.assert(
      fc.property(fc.array(pdfText, { maxLength: 10 }), (texts) => {
        const ws = texts.map((text) => ({ text, bbox: { x0: 0, top: 0, x1: 1, bottom: 1 } }));
        const q = assessTextLayer(ws);
        const r = referenceCounts(ws);
        expect(q.chars).toBe(r.chars);
        expect(q.badShare).toBe(r.chars ? r.bad / r.chars : 0);
        expect(q.alnumShare).toBe(r.chars ? r.alnum / r.chars : 0);
      }),
    );
  });
});

describe('cellFinder', () => {
  const box = fc
    .tuple(
      finite,
      finite,
      fc.double({ min: 0, max: 300, noNaN: true }),
      fc.double({ min: 0, max: 300, noNaN: true }),
    )
    .map(([x0, top, w, h]): BBox => ({ x0, top, x1: x0 + w, bottom: top + h }));

  it('property: the first box containing the point, as findIndex would give', () => {
    fc.assert(
      fc.property(
        fc.array(box, { maxLength: 30 }),
        fc.array(fc.tuple(finite, finite), { maxLength: 30 }),
        (boxes, pts) => {
          const find = cellFinder(boxes);
          // Points on box edges and corners too, where two boxes may both contain the point.
          const probes = [
            ...pts,
            ...boxes.flatMap((b) => [[b.x0, b.top] as const, [b.x1, b.bottom] as const]),
          ];
          for (const [x, y] of probes) expect(find(x, y)).toBe(boxes.findIndex((b) => contains(b, x, y)));
        },
      ),
    );
  });

  it('finds nothing in an empty table and handles a flat one', () => {
    expect(cellFinder([])(1, 1)).toBe(-1);
    const flat = [{ x0: 0, top: 5, x1: 10, bottom: 5 }];
    expect(cellFinder(flat)(3, 5)).toBe(0);
    expect(cellFinder(flat)(3, 6)).toBe(-1);
  });
});

describe('pdfjs loading', () => {
  it('reads text without decoding images, renders with them', () => {
    const bytes = new Uint8Array([1]);
    expect(pdfjsDocumentParams(bytes, 'text')).toMatchObject({ maxImageSize: 0, disableFontFace: true });
    expect(pdfjsDocumentParams(bytes, 'render')).not.toHaveProperty('maxImageSize');
  });

  it("gives back the engine's Array.prototype.push once a document is open", async () => {
    const opened = await openPdf(
      makePdf([{ content: textAt(72, 700, 12, 'Indikator kinerja') }]),
      'a.pdf',
      'text',
    );
    await opened.close();
    restoreEnginePush();
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
    const a: number[] = [];
    expect(a.push(1, 2)).toBe(2);
    expect(a).toEqual([1, 2]);
  });
});
