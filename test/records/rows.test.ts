import { describe, expect, it } from 'vitest';
import { buildRows, splitFormulaCell, splitItems } from '../../src/records/rows.js';
import type { RawTable } from '../../src/table/raw-row.js';

const isWord = () => false;

function table(rows: RawTable['rows'], extra: Partial<RawTable> = {}): RawTable {
  return {
    roles: ['no', 'sasaran', 'indikator', 'formulasi', 'sumberData'],
    years: [],
    percentYears: false,
    rows,
    wrappedLines: true,
    origin: 'flattened',
    ...extra,
  };
}

const row = (cells: RawTable['rows'][number]['cells'], targets: Record<string, string> = {}) => ({
  cells,
  targets,
  page: null,
  bbox: null,
});

describe('records', () => {
  it('carries the sasaran and its number down to unnumbered sub-rows, not to numbered rows', () => {
    const r = buildRows(
      [
        table([
          row({
            no: ['1.'],
            sasaran: ['Meningkatnya cakupan'],
            indikator: ['Persentase A'],
            formulasi: ['A'],
            sumberData: ['Data'],
          }),
          row({ indikator: ['Persentase B'], formulasi: ['B'] }),
          row({ no: ['2.'], indikator: ['Jumlah C'], formulasi: ['C'] }),
        ]),
      ],
      isWord,
    );
    expect(r.rows.map((x) => [x.no, x.sasaran])).toEqual([
      ['1', 'Meningkatnya cakupan'],
      ['1', 'Meningkatnya cakupan'],
      ['2', null],
    ]);
    expect(r.sasaranCarried).toEqual([false, true, false]);
    // A source printed once for the whole table is carried to every row.
    expect(r.rows.map((x) => x.sumberData)).toEqual([['Data'], ['Data'], ['Data']]);
  });

  it('carries a once-printed source down past one stray fragment, and keeps the stray value', () => {
    const cells = (no: string, sumber?: string) =>
      row({ no: [no], indikator: [`Indikator ${no}`], ...(sumber ? { sumberData: [sumber] } : {}) });
    const rows = [
      cells('1', 'Renstra'),
      ...['2', '3', '4', '5', '6', '7'].map((n) => cells(n)),
      cells('8', 'Lain'),
    ];
    const r = buildRows([table(rows)], isWord);
    expect(r.rows.map((x) => x.sumberData[0])).toEqual([...Array(7).fill('Renstra'), 'Lain']);
    // Every row printing its own source is not a once-printed column.
    const own = buildRows([table([cells('1', 'A'), cells('2'), cells('3', 'B')])], isWord);
    expect(own.rows.map((x) => x.sumberData)).toEqual([['A'], [], ['B']]);
  });

  it('splits the explanation cell at "Formulasinya :" and keeps the other bullets as penjelasan', () => {
    expect(
      splitFormulaCell(
        ['➢ Alasan pemilihan indikator.', '➢ Formulasinya : Jumlah A dibagi', 'jumlah B X 100 %.'],
        isWord,
      ),
    ).toEqual({
      formulasi: 'Jumlah A dibagi jumlah B X 100 %.',
      penjelasan: ['Alasan pemilihan indikator.'],
    });
    expect(splitFormulaCell(['Jumlah pembangunan Catatan : fisik dan non fisik'], isWord)).toEqual({
      formulasi: 'Jumlah pembangunan',
      penjelasan: [],
      catatan: 'fisik dan non fisik',
    });
  });

  it('splits list cells at markers, never at commas', () => {
    expect(splitItems(['a. Bendahara', 'Pengeluaran', 'b. Pengurus Barang'], true, isWord)).toEqual([
      'Bendahara Pengeluaran',
      'Pengurus Barang',
    ]);
    expect(splitItems(['DPA, Renstra, IKU'], true, isWord)).toEqual(['DPA, Renstra, IKU']);
  });

  it('reads targets per year and infers the unit', () => {
    const r = buildRows(
      [
        table(
          [
            row(
              { indikator: ['Persentase desa tertib'], formulasi: ['A dibagi B dikali 100'] },
              { '2020': '90', '2021': '92,5 %' },
            ),
          ],
          { years: ['2020', '2021', '2022'] },
        ),
      ],
      isWord,
    );
    expect(r.rows[0]!.target).toEqual({ '2020': 90, '2021': 92.5 });
    expect(r.rows[0]!.satuan).toBe('%');
    expect(r.yearColumns).toEqual(['2020', '2021', '2022']);
  });

  it('removes a sub-indicator number printed in the indikator cell ("1.2 Jumlah …")', () => {
    const r = buildRows(
      [table([row({ indikator: ['1.2 Jumlah patroli'], formulasi: ['Jumlah patroli'] })])],
      isWord,
    );
    expect(r.rows[0]!.indikator).toBe('Jumlah patroli');
    const keep = buildRows(
      [table([row({ indikator: ['1.000 rumah layak huni'], formulasi: ['x'] })])],
      isWord,
    );
    expect(keep.rows[0]!.indikator).toBe('1.000 rumah layak huni');
  });

  it('carries the sasaran to a row numbered as its sub-row ("1.1", "1.2" under "1")', () => {
    const r = buildRows(
      [
        table(
          [
            row({
              no: ['1.'],
              sasaran: ['Meningkatnya x'],
              indikator: ['Persentase a'],
              formulasi: ['A / B'],
            }),
            row({ no: ['1.1'], indikator: ['Jumlah b'], formulasi: ['Jumlah b'] }),
            row({ no: ['2.'], indikator: ['Jumlah c'], formulasi: ['Jumlah c'] }),
          ],
          { roles: ['no', 'sasaran', 'indikator', 'formulasi'] },
        ),
      ],
      isWord,
    );
    expect(r.rows.map((x) => [x.no, x.sasaran])).toEqual([
      ['1', 'Meningkatnya x'],
      ['1.1', 'Meningkatnya x'],
      ['2', null],
    ]);
  });

  it('gives no satuan to a row without targets, even from a Satuan column', () => {
    const r = buildRows(
      [
        table([
          row({ indikator: ['Persentase desa tertib'], formulasi: ['A dibagi B dikali 100'], satuan: ['%'] }),
        ]),
      ],
      isWord,
    );
    expect(r.rows[0]!.target).toEqual({});
    expect(r.rows[0]!.satuan).toBeNull();
  });
});
