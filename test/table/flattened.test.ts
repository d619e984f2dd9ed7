import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaTailsFromSumber, tablesFromFlattened } from '../../src/table/flattened.js';
import type { RawRow } from '../../src/table/raw-row.js';

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

  it('reads a baseline column ("KONDISI AWAL 2022") apart from the target years', () => {
    const text = [
      'NO SASARAN STRATEGIS INDIKATOR KINERJA ',
      'KONDISI ',
      'AWAL 2022 ',
      'TARGET ',
      '2023 2024 ',
      'FORMULASI ',
      'SUMBER DATA ',
      '',
      '1. Meningkatnya mutu ',
      'pelayanan kesehatan ',
      '',
      'Persentase Puskesmas ',
      'terakreditasi ',
      '',
      '60 70 80 Jumlah Puskesmas ',
      'terakreditasi dibagi ',
      'jumlah Puskesmas x 100% ',
      '',
      'Sertifikat Akreditasi ',
    ];
    const t = tablesFromFlattened(text).tables[0]!;
    expect(t.years).toEqual(['2023', '2024']);
    expect(t.rows[0]!.targets).toEqual({ '2023': '70', '2024': '80' });
    expect(t.rows[0]!.cells.indikator).toEqual(['Persentase Puskesmas', 'terakreditasi']);
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

// An office whose columns hold unusual words: the indikator column states outcomes
// ("Terwujudnya …") and the formula column names a percentage ("Persentase …"), the reverse of
// the general vocabulary. Clean rows (one cell per blank-line-separated chunk) teach it, so the
// rows printed on one line are split the document's way.
const UNUSUAL = `NO SASARAN KINERJA INDIKATOR KINERJA FORMULASI PERHITUNGAN SUMBER DATA

1. Kegiatan Penataan Arsip
Dinamis

Terwujudnya arsip dinamis yang tertata
rapi

Persentase arsip yang
tertata

Laporan Tahunan

2. Kegiatan Pembinaan Koperasi
Simpan Pinjam

Terwujudnya koperasi simpan pinjam
yang sehat

Persentase koperasi
yang sehat

3. Kegiatan Pengelolaan Pasar Terwujudnya pasar yang bersih Persentase pasar yang bersih

4. Kegiatan Pendataan UMKM
Daerah

Terwujudnya data UMKM yang
mutakhir

Persentase data UMKM
yang mutakhir
`;

describe('flattened tables taught by their clean rows', () => {
  const rows = tablesFromFlattened(UNUSUAL.split('\n')).tables[0]?.rows ?? [];
  it('splits a one-line row at the document’s own column starts', () => {
    expect(rows).toHaveLength(4);
    expect(rows[2]!.cells.sasaran?.join(' ')).toBe('Kegiatan Pengelolaan Pasar');
    expect(rows[2]!.cells.indikator?.join(' ')).toBe('Terwujudnya pasar yang bersih');
    expect(rows[2]!.cells.formulasi?.join(' ')).toBe('Persentase pasar yang bersih');
  });
  it('keeps the clean rows as printed', () => {
    expect(rows[1]!.cells.indikator?.join(' ')).toBe('Terwujudnya koperasi simpan pinjam yang sehat');
    expect(rows[1]!.cells.formulasi?.join(' ')).toBe('Persentase koperasi yang sehat');
  });
});

// One-line rows whose indikator restates the end of the sasaran: the echo marks the boundary.
const ECHOES = `NO SASARAN KINERJA INDIKATOR KINERJA FORMULASI PERHITUNGAN SUMBER DATA

1. Pengadaan Kendaraan Dinas Kendaraan Dinas Jumlah kendaraan yang dibeli Laporan Aset

2. Pemeliharaan Gedung Arsip Daerah Gedung Arsip Daerah Jumlah gedung yang dipelihara

3. Penyediaan Jasa Kebersihan Kantor Jasa Kebersihan Kantor Jumlah bulan layanan
`;

// A source cell wrapped over a blank line ("Bagian" / "Umum") is one cell. A regression check:
// this small table decodes right even without the word-pair signal; what that signal adds is
// held by the 002 golden floor (test/golden).
const PAIRED = `SASARAN KINERJA INDIKATOR KINERJA FORMULASI PERHITUNGAN SUMBER DATA

Tertibnya arsip

Jumlah arsip tertata

Jumlah arsip yang ditata

Bagian Umum

Tertibnya surat

Jumlah surat terkirim

Jumlah surat yang dikirim

Bagian

Umum

Tertibnya aset

Jumlah aset tercatat

Jumlah aset yang dicatat

Bagian Umum
`;

describe('flattened tables: boundaries the document shows', () => {
  it('cuts a one-line row where the indikator echoes the end of the sasaran', () => {
    const rows = tablesFromFlattened(ECHOES.split('\n')).tables[0]?.rows ?? [];
    expect(rows.map((r) => r.cells.sasaran?.join(' '))).toEqual([
      'Pengadaan Kendaraan Dinas',
      'Pemeliharaan Gedung Arsip Daerah',
      'Penyediaan Jasa Kebersihan Kantor',
    ]);
    expect(rows[0]!.cells.indikator?.join(' ')).toBe('Kendaraan Dinas');
    expect(rows[1]!.cells.indikator?.join(' ')).toBe('Gedung Arsip Daerah');
    // Known miss: row 3's formula ("Jumlah bulan layanan") stays in its indikator cell; the echo
    // rule only decides the sasaran | indikator cut.
    expect(rows[2]!.cells.indikator?.join(' ')).toMatch(/^Jasa Kebersihan Kantor\b/);
  });
  it('keeps a source cell wrapped over a blank line whole', () => {
    const rows = tablesFromFlattened(PAIRED.split('\n')).tables[0]?.rows ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[1]!.cells.sumberData?.join(' ')).toBe('Bagian Umum');
  });
});

// Sub-indicators numbered inside a row: "1." and "2." below row 3 open sub-rows, not rows 1 and 2.
const ITEMS = `NO SASARAN INDIKATOR KINERJA FORMULASI PERHITUNGAN SUMBER DATA

1 Menyusun Renja

Jumlah dokumen Renja

Renja yang disusun dibanding rencana

Subbag Program

2 Menyusun LKjIP

Jumlah dokumen LKjIP

LKjIP yang disusun dibanding rencana

Subbag Program

3 Pengadaan Sarana Kantor

1. Jumlah Komputer

Komputer yang dibeli dibanding rencana

Pengurus Barang

2. Jumlah Lemari Arsip

Lemari yang dibeli dibanding rencana

Pengurus Barang
`;

describe('flattened tables: numbered sub-indicators', () => {
  it('opens a sub-row at an item number below the row number, without taking it as the row number', () => {
    const rows = tablesFromFlattened(ITEMS.split('\n')).tables[0]?.rows ?? [];
    // Item 1 fills row 3's empty indikator; item 2 opens a sub-row that takes row 3's number.
    expect(rows.map((r) => r.cells.no?.join(' ') ?? null)).toEqual(['1', '2', '3', null]);
    const text = (k: number) => Object.values(rows[k]!.cells).flat().join(' ');
    expect(text(2)).toContain('Jumlah Komputer');
    expect(text(3)).toContain('Jumlah Lemari Arsip');
    expect(text(3)).not.toMatch(/(^| )2\./);
  });
});

// Penanggung jawab and sumber data side by side, both naming positions: "Sekretaris Kasubbag …".
const TITLES = `NO SASARAN INDIKATOR KINERJA FORMULASI PERHITUNGAN PENANGGUNG JAWAB SUMBER DATA

1 Tertibnya administrasi kantor

Jumlah surat yang diarsipkan

Surat diarsipkan dibanding surat masuk

Sekretaris Kasubbag Umum

2 Tertibnya pengelolaan aset

Jumlah aset yang dicatat

Aset dicatat dibanding aset yang ada

Sekretaris Kasubbag Keuangan
`;

describe('flattened tables: two position titles on one line', () => {
  it('splits them into penanggung jawab and sumber data', () => {
    const rows = tablesFromFlattened(TITLES.split('\n')).tables[0]?.rows ?? [];
    expect(rows.map((r) => r.cells.penanggungJawab?.join(' '))).toEqual(['Sekretaris', 'Sekretaris']);
    expect(rows.map((r) => r.cells.sumberData?.join(' '))).toEqual(['Kasubbag Umum', 'Kasubbag Keuangan']);
  });
});

// A numbered table whose second indicator of row 1 is printed without a number. A regression
// check (it also passes without the unnumbered-row weight; the 004 golden floor holds that).
const SUBROW = `NO SASARAN KINERJA INDIKATOR KINERJA FORMULASI PERHITUNGAN SUMBER DATA

1. Terwujudnya ketertiban umum  Patroli wilayah  Pelaksanaan patroli rutin  Laporan Satpol

  Penyuluhan ketertiban warga  Pelaksanaan penyuluhan rutin

2. Terwujudnya pasar tertib  Penertiban pedagang  Pelaksanaan penertiban rutin  Laporan Satpol
`;

describe('flattened tables: unnumbered rows of a numbered table', () => {
  it('open at the indikator (the sasaran is the row’s above), not at the sasaran', () => {
    const rows = tablesFromFlattened(SUBROW.split('\n')).tables[0]?.rows ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[1]!.cells.sasaran).toBeUndefined();
    expect(rows[1]!.cells.indikator?.join(' ')).toMatch(/^Penyuluhan ketertiban warga/);
  });
});

// A sumber data cell whose words wrap, one of them broken across lines ("Pemberday" / "aan"),
// printed side by side on one line elsewhere in the table ("Kasi Pemberdayaan Masyarakat").
const BROKEN = `SASARAN INDIKATOR KINERJA FORMULASI TARGET SUMBER DATA

Meningkatnya kualitas dokumen desa

Persentase desa dengan dokumen yang benar

Jumlah desa dengan dokumen benar / jumlah desa X 100 %

100 Kasi Pemberdayaan Masyarakat

Meningkatnya peran serta wanita

Persentase kelompok wanita yang aktif

Jumlah kelompok wanita aktif / target kelompok X 100 %

100 Kasi

Pemberday
aan
Masyarakat

 Persentase lembaga ekonomi desa yang dibina

Jumlah lembaga ekonomi dibina / target lembaga X 100 %

100 Kasi
Pemberday
aan
Masyarakat
`;

describe('flattened tables: a cell wrapped inside a broken word', () => {
  it('keeps the words printed side by side elsewhere in one cell', () => {
    const rows = tablesFromFlattened(BROKEN.split('\n')).tables[0]?.rows ?? [];
    expect(rows).toHaveLength(3);
    const sumber = (k: number) =>
      rows[k]!.cells.sumberData?.join(' ').replace(/Pemberday\s+aan/, 'Pemberdayaan');
    expect(sumber(1)).toBe('Kasi Pemberdayaan Masyarakat');
    expect(sumber(2)).toBe('Kasi Pemberdayaan Masyarakat');
    expect(rows[2]!.cells.sasaran).toBeUndefined();
  });
});

// A sub-row that opens on the last line of the cell before it, after a wide gap: the source cell
// and the next indicator were printed on one baseline.
const GAP = `NO SASARAN KINERJA INDIKATOR KINERJA FORMULASI SUMBER DATA

1. Tertibnya perencanaan kantor

Dokumen Rencana Strategis

Realisasi penyusunan Rencana Strategis

Laporan Keuangan, Renstra,
LKIP   Dokumen Rencana Kerja Tahunan

Realisasi penyusunan Rencana Kerja

2. Tertibnya penatausahaan keuangan

Dokumen SPP dan SPM

Jumlah pembuatan SPP dan SPM

Laporan Keuangan
`;

describe('flattened tables: a row opening after a wide gap', () => {
  it('opens the sub-row there instead of gluing it to the source cell', () => {
    const rows = tablesFromFlattened(GAP.split('\n')).tables[0]?.rows ?? [];
    expect(rows[0]!.cells.sumberData?.join(' ')).toBe('Laporan Keuangan, Renstra, LKIP');
    expect(rows[1]!.cells.indikator?.join(' ')).toBe('Dokumen Rencana Kerja Tahunan');
  });
});

describe("formulaTailsFromSumber: a sumber cell that restates its row's indikator", () => {
  const row = (indikator: string, formulasi: string[], sumberData: string[]): RawRow => ({
    cells: { indikator: [indikator], formulasi, sumberData },
    targets: {},
    page: null,
    bbox: null,
  });
  it('goes back to the end of the formula, word for word or as the acronym', () => {
    const rows = formulaTailsFromSumber([
      row('Laporan Keuangan Akhir Tahun', ['Realisasi penyusunan'], ['Laporan', 'Keuangan Akhir Tahun']),
      row('Dokumen Pelaksanaan Anggaran', ['Realisasi penyusunan'], ['DPA']),
    ]);
    expect(rows[0]!.cells.formulasi).toEqual(['Realisasi penyusunan', 'Laporan', 'Keuangan Akhir Tahun']);
    expect(rows[0]!.cells.sumberData).toBeUndefined();
    expect(rows[1]!.cells.formulasi).toEqual(['Realisasi penyusunan', 'DPA']);
    expect(rows[1]!.cells.sumberData).toBeUndefined();
  });
  it('leaves a real source alone, and a formula that already restates the indikator', () => {
    const rows = formulaTailsFromSumber([
      row('Laporan Keuangan Akhir Tahun', ['Realisasi penyusunan laporan'], ['Laporan Bendahara']),
      row('Laporan monev', ['Laporan monev'], ['Laporan monev']),
      row('Dokumen Pelaksanaan Anggaran', ['Realisasi DPA'], ['DPR']),
    ]);
    expect(rows.map((r) => r.cells.sumberData)).toEqual([['Laporan Bendahara'], ['Laporan monev'], ['DPR']]);
  });
});
