import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagSection } from '../../src/flags/index.js';
import {
  editDistance,
  isPercentWord,
  normaliseWithoutJumlah,
  startsWithJumlah,
  startsWithPercentWord,
} from '../../src/flags/wording.js';
import { row, section } from './draft.js';

describe('percent words', () => {
  it.each([
    'Persentase',
    'Prosentase',
    'Presentase',
    'Prsentase',
    'Prosentasi',
    'Persentasi',
    'PERSENTASE',
    'Pesentase',
  ])('%s is a percent word', (w) => expect(isPercentWord(w)).toBe(true));

  it.each([
    'Tingkat',
    'Presentasi',
    'Persen',
    'Pelaksanaan',
    'Perusahaan',
    'Penggunaan',
    'Pemrosesan',
    'Prioritasi',
    'Fase',
  ])('%s is not a percent word', (w) => expect(isPercentWord(w)).toBe(false));

  it('looks at the first word after numbering and markup', () => {
    expect(startsWithPercentWord('2. **Prosentase** rumah layak huni')).toBe(true);
    expect(startsWithPercentWord('Rasio persentase')).toBe(false);
    expect(startsWithPercentWord(null)).toBe(false);
    expect(startsWithJumlah('- Jumlah kader')).toBe(true);
    expect(startsWithJumlah('Jumlahnya kader')).toBe(false);
  });
});

describe('normalisation', () => {
  it('lower-cases, turns punctuation into spaces and drops one leading "jumlah"', () => {
    expect(normaliseWithoutJumlah('Jumlah Kader/Posyandu  (aktif).')).toBe('kader posyandu aktif');
    expect(normaliseWithoutJumlah('Jumlahan kader')).toBe('jumlahan kader');
  });

  it('edit distance is a metric on small words and stops at its limit', () => {
    expect(editDistance('prosentase', 'persentase')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('aaaaaaaaaa', 'bbbbbbbbbb', 2)).toBe(3);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe('flagSection on arbitrary cells', () => {
  it('never throws and returns valid paths', () => {
    const cell = fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: null });
    const target = fc.dictionary(
      fc.constantFrom('2021', '2022', '2023'),
      fc.oneof(fc.double(), fc.string({ maxLength: 6 })),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ indikator: cell, formulasi: cell, satuan: fc.constantFrom('%', null), target }),
          { maxLength: 5 },
        ),
        cell,
        fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: null }),
        (rows, nip, dateLine) => {
          const s = section(
            {
              indikator: rows.map((r) => row(r)),
              penandatangan: [{ nama: null, nip, jabatan: 'KEPALA' }],
            },
            { dateLine, yearColumns: ['2021', '2022'] },
          );
          for (const flag of flagSection(s)) {
            expect(
              flag.path === null || /^(indikator\[\d+\]|penandatangan\[\d+\]|tanggal)/.test(flag.path),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
