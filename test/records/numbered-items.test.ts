import { describe, expect, it } from 'vitest';
import { numberedItems, splitNumberedItems } from '../../src/records/numbered-items.js';
import type { RawRow } from '../../src/table/raw-row.js';

const row = (cells: RawRow['cells'], targets: Record<string, string> = {}): RawRow => ({
  cells,
  targets,
  page: null,
  bbox: null,
});

describe('numbered sub-indicators inside one row', () => {
  it('groups a 1, 2, … (or a, b, …) list with its continuation lines', () => {
    expect(numberedItems(['1. Persentase A', 'yang tepat', '2. Jumlah B'])).toEqual([
      ['1. Persentase A', 'yang tepat'],
      ['2. Jumlah B'],
    ]);
    expect(numberedItems(['a. Satu', 'b) Dua'])).toEqual([['a. Satu'], ['b) Dua']]);
    expect(numberedItems(['1. Satu'])).toBeNull();
    expect(numberedItems(['1. Satu', '3. Tiga'])).toBeNull();
    expect(numberedItems(['Pengantar', '1. Satu', '2. Dua'])).toBeNull();
  });
  it('splits the row into one row per indicator when indikator and formula list as many items', () => {
    const rows = splitNumberedItems(
      row(
        {
          no: ['1.'],
          sasaran: ['Meningkatnya x'],
          indikator: ['1. Persentase A', '2. Jumlah B'],
          formulasi: ['1. A dibagi C x 100%', '2. Jumlah B'],
          sumberData: ['1. Laporan A', '2. Data B'],
          penanggungJawab: ['Kasi Kesos'],
        },
        { '2022': '90' },
      ),
    );
    expect(rows.map((r) => r.cells)).toEqual([
      {
        no: ['1.'],
        sasaran: ['Meningkatnya x'],
        indikator: ['Persentase A'],
        formulasi: ['A dibagi C x 100%'],
        sumberData: ['Laporan A'],
        penanggungJawab: ['Kasi Kesos'],
      },
      {
        indikator: ['Jumlah B'],
        formulasi: ['Jumlah B'],
        sumberData: ['Data B'],
        penanggungJawab: ['Kasi Kesos'],
      },
    ]);
    expect(rows.map((r) => r.targets)).toEqual([{ '2022': '90' }, {}]);
  });
  it('leaves a row alone when the formula does not list as many items', () => {
    const r = row({ indikator: ['1. Persentase A', '2. Jumlah B'], formulasi: ['A dibagi B x 100%'] });
    expect(splitNumberedItems(r)).toEqual([r]);
  });
});
