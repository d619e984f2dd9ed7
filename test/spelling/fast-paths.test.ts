/**
 * The spelling stage's fast paths (char-code digit tests, ASCII word runs, reused distance rows,
 * per-word caches) must give exactly what the plain definitions give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpellChecker } from '../../src/spelling/index.js';
import { boundedDistance } from '../../src/spelling/edits.js';
import { plainWords, plainWordsOf, tokenize } from '../../src/spelling/tokens.js';

/** The definitions, written the obvious way. */
function referenceTokens(text: string) {
  return [...text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)].map((m) => {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    return {
      text: m[0],
      start,
      end,
      touchesDigit: /\p{N}/u.test(before) || /\p{N}/u.test(after),
      latex: before === '\\',
      dotAfter: after === '.',
    };
  });
}
const referenceWords = (text: string) =>
  referenceTokens(text).flatMap((t) => t.text.split('-').map((p) => p.toLowerCase()));

function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

const PIECES = [
  'a',
  'Z',
  'kerja',
  '-',
  '1',
  '²',
  'é',
  'ß',
  '𝐀',
  '𝟎',
  '\ud835',
  ' ',
  '.',
  '\\',
  'İ',
  'Σ',
  '٣',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((a) => a.join(''));

describe('spelling tokens', () => {
  it('tokenize and plainWords match their definitions', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 40 })), (t) => {
        expect(tokenize(t)).toEqual(referenceTokens(t));
        expect(plainWords(t)).toEqual(referenceWords(t));
        expect(plainWordsOf(tokenize(t))).toEqual(referenceWords(t));
      }),
      { numRuns: 3000 },
    );
  });
  it('reads ASCII and non-ASCII words', () => {
    expect(plainWords('Rapat-rapat e-KTP x100 Kecamatan')).toEqual([
      'rapat',
      'rapat',
      'e',
      'ktp',
      'x',
      'kecamatan',
    ]);
    expect(plainWords('Pelaksanaan – Évaluasi')).toEqual(['pelaksanaan', 'évaluasi']);
    expect(tokenize('2a ²b')[1]!.touchesDigit).toBe(true);
  });
});

describe('boundedDistance', () => {
  it('is the optimal-string-alignment distance up to max, and above max beyond, whatever the earlier calls', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'é'), { maxLength: 9 }).map((a) => a.join(''));
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const d = referenceDistance(a, b);
        const got = boundedDistance(a, b, max);
        if (d <= max) expect(got).toBe(d);
        else expect(got).toBeGreaterThan(max);
      }),
      { numRuns: 3000 },
    );
    expect(boundedDistance('x'.repeat(200), 'x'.repeat(199) + 'y', 2)).toBe(1); // rows grow past 64
  });
});

describe('checker caches', () => {
  const checker = createSpellChecker();
  const row = 'Persentase pelaksanan kegiatan\nJumlah pelaksanaan kegiatan / jumlah kegiatan x 100%';
  it('gives the same findings from precomputed row words as from the row text, and on repeat', () => {
    const vocab = new Map([
      ['pelaksanaan', 3],
      ['kegiatan', 4],
    ]);
    const fromText = checker.findVariants('Persentase pelaksanan kegiatan', {
      sameRowText: row,
      documentVocabulary: vocab,
    });
    const fromWords = checker.findVariants('Persentase pelaksanan kegiatan', {
      sameRowWords: new Set(plainWords(row)),
      documentVocabulary: vocab,
    });
    expect(fromWords).toEqual(fromText);
    expect(
      checker.findVariants('Persentase pelaksanan kegiatan', { sameRowText: row, documentVocabulary: vocab }),
    ).toEqual(fromText);
    expect(fromText.map((v) => v.suggestion)).toContain('pelaksanaan');
  });
  it('adds the cell’s own words when the row words miss them', () => {
    const a = checker.findVariants('Jumlah laporn', { sameRowWords: new Set(['laporan']) });
    const b = checker.findVariants('Jumlah laporn', { sameRowText: 'laporan' });
    expect(a).toEqual(b);
  });
});
