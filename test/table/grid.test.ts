/** Heading rows of grid tables: the cheap rejections come first but decide as before. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableBlock, TableRow } from '../../src/ir/document.js';
import { headingColumns, tablesFromGrids } from '../../src/table/grid.js';
import type { ColumnRole } from '../../src/table/vocabulary.js';
import { headingScore, resolveColumns, roleOfHeaderCell } from '../../src/table/vocabulary.js';
import { stripMarkup } from '../../src/text/clean.js';

const row = (texts: string[]): TableRow =>
  ({ cells: texts.map((text) => ({ text })) }) as unknown as TableRow;

/** The order of tests as first written: roles, then length, then heading share. */
function reference(r: TableRow) {
  const seen = new Set<ColumnRole>();
  const cols = r.cells.map((c) => {
    const h = roleOfHeaderCell(stripMarkup(c.text), seen);
    seen.add(h.role);
    return h;
  });
  const roles = new Set(cols.map((c) => c.role));
  const strong = ['sasaran', 'indikator', 'formulasi', 'sumberData'].filter((x) =>
    roles.has(x as ColumnRole),
  );
  if (strong.length < 2 || !(roles.has('indikator') || roles.has('sasaran'))) return null;
  const texts = r.cells.map((c) => stripMarkup(c.text).trim()).filter(Boolean);
  if (texts.some((t) => t.length > 120)) return null;
  const like = texts.filter((t) => headingScore(t).share >= 0.5).length;
  return like >= texts.length * 0.75 ? resolveColumns(cols) : null;
}

describe('headingColumns', () => {
  it('reads a heading row and rejects data rows', () => {
    const head = headingColumns(row(['NO', 'SASARAN', 'INDIKATOR KINERJA', 'FORMULASI', 'SUMBER DATA']));
    expect(head?.map((c) => c.role)).toEqual(['no', 'sasaran', 'indikator', 'formulasi', 'sumberData']);
    expect(
      headingColumns(row(['1', 'Meningkatnya pelayanan', 'Persentase SOP', 'Jumlah / Jumlah', 'Seksi'])),
    ).toBeNull();
    expect(headingColumns(row(['SASARAN', 'INDIKATOR', `FORMULASI ${'x'.repeat(130)}`]))).toBeNull();
  });
  it('decides as the original order of tests did', () => {
    const cell = fc
      .array(
        fc.constantFrom(
          'SASARAN',
          'INDIKATOR',
          'KINERJA',
          'FORMULASI',
          'SUMBER',
          'DATA',
          'Jumlah',
          'desa',
          ' ',
          '**',
          '2019',
          'x'.repeat(60),
        ),
        {
          maxLength: 4,
        },
      )
      .map((a) => a.join(' '));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), (texts) => {
        expect(headingColumns(row(texts))).toEqual(reference(row(texts)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tablesFromGrids across pages', () => {
  const block = (page: number, rows: string[][]): TableBlock =>
    ({
      kind: 'table',
      origin: 'pdf-grid',
      page,
      bbox: null,
      rows: rows.map((texts) => ({
        page,
        bbox: null,
        cells: texts.map((text) => ({ text, bbox: null })),
      })),
    }) as unknown as TableBlock;
  const heading = ['NO', 'SASARAN', 'INDIKATOR KINERJA', 'FORMULASI', 'TARGET', '', 'SUMBER DATA'];
  const years = ['', '', '', '', '20\n18', '20\n19', ''];

  it('reads year headings wrapped in a narrow column ("20" / "18")', () => {
    const [t] = tablesFromGrids([
      block(1, [heading, years, ['1', 'Meningkatnya x', 'Jumlah y', 'A / B', '90', '95', 'Seksi']]),
    ]);
    expect(t!.years).toEqual(['2018', '2019']);
    expect(t!.rows[0]!.targets).toEqual({ '2018': '90', '2019': '95' });
  });

  it('does not continue the table with a headless grid of another shape', () => {
    const [t] = tablesFromGrids([
      block(1, [heading, years, ['1', 'Meningkatnya x', 'Jumlah y', 'A / B', '90', '95', 'Seksi']]),
      block(1, [
        ['Catatan', 'Data diperbarui setiap triwulan'],
        ['Sumber', 'Sekretariat'],
      ]),
      block(2, [['2', 'Meningkatnya z', 'Jumlah w', 'C / D', '80', '85', 'Seksi']]),
    ]);
    expect(t!.rows.map((r) => r.cells.no)).toEqual([['1'], ['2']]);
  });

  it('keeps a baseline column out of the years of the row below the heading', () => {
    const head = [
      'NO',
      'SASARAN',
      'INDIKATOR KINERJA',
      'FORMULASI',
      'KONDISI AWAL',
      'TARGET',
      '',
      'SUMBER DATA',
    ];
    const [t] = tablesFromGrids([
      block(1, [
        head,
        ['', '', '', '', '2021', '2022', '2023', ''],
        ['1', 'Meningkatnya x', 'Jumlah y', 'A / B', '80', '90', '95', 'Seksi'],
      ]),
    ]);
    expect(t!.years).toEqual(['2022', '2023']);
    expect(t!.rows[0]!.targets).toEqual({ '2022': '90', '2023': '95' });
  });

  it('joins the rest of a row that broke across the page to it, and keeps a new sub-row apart', () => {
    const [t] = tablesFromGrids([
      block(1, [
        heading,
        years,
        ['1', 'Terlaksananya Penyusunan Dokumen', 'Jumlah Dokumen yang', 'Jumlah', '1', '1', 'Dokumen'],
      ]),
      block(2, [heading, years, ['', 'Perencanaan tepat waktu', 'disusun', 'dokumen', '', '', '']]),
      block(3, [heading, years, ['', '', 'Jumlah Laporan', 'Jumlah laporan', '1', '1', 'Laporan']]),
    ]);
    expect(t!.rows).toHaveLength(2);
    expect(t!.rows[0]!.cells.sasaran).toEqual([
      'Terlaksananya Penyusunan Dokumen',
      'Perencanaan tepat waktu',
    ]);
    expect(t!.rows[0]!.cells.indikator).toEqual(['Jumlah Dokumen yang', 'disusun']);
    expect(t!.rows[1]!.cells.indikator).toEqual(['Jumlah Laporan']);
  });

  it('joins a broken row whose rest holds only the columns after the indikator', () => {
    const [t] = tablesFromGrids([
      block(1, [
        heading,
        years,
        ['23.', 'Penyusunan Profil', 'Profil Kecamatan', 'Realisasi pembuatan', '1', '1', 'DPA, Renstra,'],
      ]),
      block(2, [['', '', '', 'Kecamatan', '', '', 'Laporan Keuangan']]),
    ]);
    expect(t!.rows).toHaveLength(1);
    expect(t!.rows[0]!.cells.formulasi).toEqual(['Realisasi pembuatan', 'Kecamatan']);
    expect(t!.rows[0]!.cells.sumberData).toEqual(['DPA, Renstra,', 'Laporan Keuangan']);
  });
});
