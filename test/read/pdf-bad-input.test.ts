import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadInputError, InputTooLargeError } from '../../src/errors.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { makePdf, textAt } from './helpers/pdf-writer.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`fixtures/pdf/${name}.pdf`));

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('readPdf on bad input', () => {
  it('refuses an encrypted PDF with a clear, typed error naming the file', async () => {
    const err = await rejection(readPdf(fixture('000_7b2aa8f5eb30b1d2-encrypted'), { file: 'rahasia.pdf' }));
    expect(err).toBeInstanceOf(BadInputError);
    const e = err as BadInputError;
    expect(e.file).toBe('rahasia.pdf');
    expect(e.stage).toBe('read');
    expect(e.describe()).toMatch(/^rahasia\.pdf: .*encrypted.*password/);
  });

  it('refuses a zero-byte file', async () => {
    const err = await rejection(readPdf(new Uint8Array(0), { file: 'kosong.pdf' }));
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).describe()).toBe('kosong.pdf: empty file (0 bytes)');
  });

  it('refuses bytes that are not a PDF at all', async () => {
    const err = await rejection(readPdf(new Uint8Array(Buffer.from('hello, not a pdf')), { file: 'x.pdf' }));
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).message).toMatch(/PDF/);
  });

  it('reads what it can of a truncated PDF and says it was cut short, or refuses it clearly', async () => {
    const whole = fixture('000_7b2aa8f5eb30b1d2-bordered');
    for (const keep of [0.5, 0.9]) {
      const cut = whole.subarray(0, Math.floor(whole.length * keep));
      try {
        const d = await readPdf(cut, { file: 'cut.pdf' });
        expect(d.issues.some((i) => i.code === 'TRUNCATED_INPUT')).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(BadInputError);
        expect((err as BadInputError).file).toBe('cut.pdf');
      }
    }
    const head = whole.subarray(0, 400);
    const err = await rejection(readPdf(head, { file: 'head.pdf' }));
    expect(err).toBeInstanceOf(BadInputError);
  });

  it('reads 500 blank pages quickly, with one NO_TEXT issue and bounded memory', async () => {
    const pdf = makePdf(Array.from({ length: 500 }, () => ({})));
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const d = await readPdf(pdf, { file: 'blank.pdf' });
    const ms = performance.now() - t0;
    expect(d.source.pages).toBe(500);
    expect(d.blocks).toEqual([]);
    expect(d.issues).toEqual([
      { code: 'NO_TEXT', page: 1, message: expect.stringMatching(/pages 1–500: no text layer/) },
    ]);
    expect(ms).toBeLessThan(15_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a PDF longer than maxPages', async () => {
    const pdf = makePdf(Array.from({ length: 5 }, () => ({})));
    const err = await rejection(readPdf(pdf, { file: 'long.pdf', maxPages: 3 }));
    expect(err).toBeInstanceOf(InputTooLargeError);
    expect((err as InputTooLargeError).message).toMatch(/5 pages; the limit is 3/);
  });
});

describe('readPdf on hand-built pages', () => {
  const content = [
    textAt(72, 770, 12, 'Jabatan : Kepala Seksi'),
    textAt(72, 750, 12, 'Tugas : melaksanakan tugas'),
  ].join('\n');

  it('converts to top-left points: the first line is near the top', async () => {
    const d = await readPdf(makePdf([{ content }]), { file: 'a.pdf' });
    const first = d.blocks[0]!;
    expect(first).toMatchObject({ kind: 'line', text: 'Jabatan : Kepala Seksi', page: 1 });
    expect(first.bbox!.top).toBeGreaterThan(60);
    expect(first.bbox!.top).toBeLessThan(75);
    expect(first.kind === 'line' && first.indent).toBeCloseTo(72, 0);
    expect(d.pages[0]!.words[0]!.fontSize).toBeCloseTo(12, 1);
  });

  it('a /Rotate 90 page whose text reads sideways is turned upright', async () => {
    // Text running up the page (glyph tops towards -x), on a page shown turned 90° clockwise: upright on screen.
    const rotated = `BT /F1 12 Tf 0 1 -1 0 280 100 Tm (Jabatan : Lurah) Tj ET\nBT /F1 12 Tf 0 1 -1 0 300 100 Tm (Tugas : membina) Tj ET`;
    const d = await readPdf(makePdf([{ rotate: 90, content: rotated }]), { file: 'r.pdf' });
    const lines = d.blocks.map((b) => (b.kind === 'line' ? b.text : ''));
    expect(lines).toEqual(['Jabatan : Lurah', 'Tugas : membina']);
    expect(d.pages[0]!.width).toBeCloseTo(842, 0);
  });

  it('reports a page with garbled text for OCR', async () => {
    const garbled = textAt(72, 700, 12, 'Xkzq Brtp Vwxl Mnbv Qrst Plkj Hgfd Zxcv');
    const d = await readPdf(makePdf([{ content }, { content: garbled }]), { file: 'm.pdf' });
    expect(d.issues).toEqual([
      { code: 'UNREADABLE_PAGE', page: 2, message: expect.stringMatching(/page 2: .*garbled/) },
    ]);
  });
});
