import { describe, expect, it } from 'vitest';
import { readSpaceAligned } from '../../src/table/layout.js';

// pdftotext -layout of a borderless table without row numbers: the second line of the first row
// continues the sasaran cell (lower case) and wraps the formula and source cells, which start
// with capitals ("Perangkat Desa", "Pemerintahan"): it must not open a row.
const heading = [
  '            SASARAN                     INDIKATOR KINERJA            FORMULASI              SUMBER DATA',
];
const body = [
  'Peningkatan kinerja pemerintah desa Pembinaan perangkat desa      Jumlah Pembinaan       Seksi Tata',
  'dan tata kelola keuangan desa yang                                Perangkat Desa         Pemerintahan',
  'transparan dan akuntabel',
  'Tertib administrasi kependudukan    Jumlah Laporan kependudukan   Jumlah Laporan         Seksi Tata',
  '                                    (KTP, KK dan Mutasi)          Kependudukan           Pemerintahan',
];

describe('space-aligned tables without row numbers', () => {
  const table = readSpaceAligned([{ heading, body }]);
  it('opens a row only where a leading cell (sasaran, indikator) opens', () => {
    expect(table?.rows).toHaveLength(2);
    const [first, second] = table!.rows;
    expect(first!.cells.formulasi?.join(' ')).toBe('Jumlah Pembinaan Perangkat Desa');
    expect(first!.cells.sumberData?.join(' ')).toBe('Seksi Tata Pemerintahan');
    expect(second!.cells.indikator?.join(' ')).toBe('Jumlah Laporan kependudukan (KTP, KK dan Mutasi)');
  });
  it('cuts a chunk that runs across a column start at the space there', () => {
    expect(table!.rows[0]!.cells.sasaran?.[0]).toBe('Peningkatan kinerja pemerintah desa');
    expect(table!.rows[0]!.cells.indikator?.[0]).toBe('Pembinaan perangkat desa');
  });
});

// A sub-row opening at the indikator, whose wrapped lines start with capitals beside a wrapped
// source line ("Desa (Musdes) tentang … Pemerintahan"): only the line where the formula opens too
// opens the row.
const subBody = [
  'Peningkatan kinerja pemerintah desa Pembinaan perangkat desa      Jumlah Pembinaan       Seksi Tata',
  'dan tata kelola keuangan desa                                     Perangkat Desa         Pemerintahan',
  '                                    Pelaksanaan Musyawarah        Jumlah Musdes          Seksi Tata',
  '                                    Desa (Musdes) tentang                                Pemerintahan',
  '                                    RPJMDes, APBDes, ADD/DD',
];

describe('space-aligned sub-rows without row numbers', () => {
  it('keep wrapped lines that start with capitals in their cells', () => {
    const table = readSpaceAligned([{ heading, body: subBody }]);
    expect(table?.rows).toHaveLength(2);
    expect(table!.rows[1]!.cells.indikator?.join(' ')).toBe(
      'Pelaksanaan Musyawarah Desa (Musdes) tentang RPJMDes, APBDes, ADD/DD',
    );
    expect(table!.rows[1]!.cells.sumberData?.join(' ')).toBe('Seksi Tata Pemerintahan');
  });
});

describe('a dense space-aligned heading (pdftotext squeezes the words of several columns)', () => {
  const heading = [
    'No  Tujuan       Sasaran       Indikator    Satuan Kondisi Target Target   Sumber Penanggung',
    '                 Strategis     Kinerja             Awal    2022   2023     Data   Jawab',
  ];
  const body = [
    '1   Meningkatkan Meningkatnya  Angka        %      95,1    96     97       Dapodik Kepala',
    '    mutu         partisipasi   Partisipasi                                        Bidang',
  ];
  it('gives each column its own position: tujuan apart from sasaran, the baseline apart from the years', () => {
    const t = readSpaceAligned([{ heading, body }])!;
    expect(t.roles).toEqual([
      'no',
      'tujuan',
      'sasaran',
      'indikator',
      'satuan',
      'baseline',
      'target',
      'target',
      'sumberData',
      'penanggungJawab',
    ]);
    expect(t.years).toEqual(['2022', '2023']);
    const row = t.rows[0]!;
    expect(row.targets).toEqual({ '2022': '96', '2023': '97' });
    expect(row.cells.sasaran).toEqual(['Meningkatnya', 'partisipasi']);
    expect(row.cells.penanggungJawab).toEqual(['Kepala', 'Bidang']);
  });
});
