import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tablesFromFlattened } from '../../src/table/flattened.js';

// A dinas form dumped by a PDF-to-text tool: cells cut into lines, one cell after another.
const DINAS = `INDIKATOR KINERJA INDIVIDU

NO
SASARAN STRATEGIS
INDIKATOR KINERJA
FORMULA PERHITUNGAN
SUMBER DATA

1. Meningkatnya cakupan
imunisasi dasar lengkap

Persentase bayi yang
mendapat imunisasi
dasar lengkap

Jumlah bayi yang diimunisasi
lengkap dibagi jumlah bayi
sasaran dikali 100

Laporan imunisasi
puskesmas

2. Menurunnya angka
kematian ibu

Jumlah kematian ibu
melahirkan

Jumlah kematian ibu
yang dilaporkan

Laporan KIA

  Persentase persalinan
oleh tenaga kesehatan

Jumlah persalinan oleh
nakes dibagi jumlah ibu
bersalin x 100%

Laporan KIA

Kepala Dinas Kesehatan,
`;

describe('flattened tables', () => {
  const { tables, start, end } = tablesFromFlattened(DINAS.split('\n'));
  const rows = tables[0]?.rows ?? [];

  it('finds the heading and the end of the body', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.roles).toEqual(['no', 'sasaran', 'indikator', 'formulasi', 'sumberData']);
    expect(start).toBe(2);
    expect(end).toBe(DINAS.split('\n').indexOf('Kepala Dinas Kesehatan,'));
    expect(end).toBeGreaterThan(start);
  });

  it('rebuilds one row per indicator, sub-rows included', () => {
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.cells.no?.join(' ') ?? null)).toEqual(['1.', '2.', null]);
  });

  it('assigns the cells to their columns', () => {
    expect(rows[0]!.cells.sasaran?.join(' ')).toBe('Meningkatnya cakupan imunisasi dasar lengkap');
    expect(rows[0]!.cells.indikator?.join(' ')).toBe('Persentase bayi yang mendapat imunisasi dasar lengkap');
    expect(rows[0]!.cells.formulasi?.join(' ')).toContain('dibagi jumlah bayi');
    expect(rows[1]!.cells.indikator?.join(' ')).toBe('Jumlah kematian ibu melahirkan');
    expect(rows[2]!.cells.indikator?.join(' ')).toBe('Persentase persalinan oleh tenaga kesehatan');
    expect(rows[2]!.cells.sumberData?.join(' ')).toBe('Laporan KIA');
  });

  it('terminates quickly on a pathological single line', () => {
    // The text reader cuts lines at 20,000 characters; that is the worst a table body sees.
    const lines = ['NO SASARAN INDIKATOR KINERJA FORMULASI SUMBER DATA', 'kata '.repeat(4000)];
    const t0 = Date.now();
    tablesFromFlattened(lines);
    expect(Date.now() - t0).toBeLessThan(60_000); // hang guard
  });

  it('never throws on arbitrary text after a heading', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 30 }), (body) => {
        const r = tablesFromFlattened(['NO SASARAN INDIKATOR KINERJA FORMULASI SUMBER DATA', ...body]);
        expect(Array.isArray(r.tables)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
