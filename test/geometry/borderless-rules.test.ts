/**
 * Borderless tables as word processors print them (LibreOffice Writer's tables without borders):
 * columns a few points apart, cells centred vertically, the next form's header right below.
 */
import { describe, expect, it } from 'vitest';
import type { Word } from '../../src/ir/document.js';
import { findBorderlessTables } from '../../src/geometry/borderless.js';
import { groupWordsIntoLines } from '../../src/geometry/lines.js';
import { DEFAULT_TABLE_SETTINGS as S } from '../../src/geometry/settings.js';

const LINE = 12;
/** Words of a cell text from (x, top), one line per '\n', 5 pt per character, 2.5 pt spaces. */
function cellWords(text: string, x: number, top: number, fontSize = 10): Word[] {
  if (!text) return [];
  const k = fontSize / 10;
  return text.split('\n').flatMap((line, i) => {
    let cx = x;
    return line.split(' ').map((t) => {
      const w: Word = {
        text: t,
        bbox: {
          x0: cx,
          top: top + i * LINE * k,
          x1: cx + t.length * 5 * k,
          bottom: top + (i * LINE + 10) * k,
        },
        fontSize,
      };
      cx += (t.length * 5 + 2.5) * k;
      return w;
    });
  });
}

const height = (text: string) => (text.split('\n').length - 1) * LINE + 10;

/** Rows of cells at the top of their row (8 pt of padding between rows). */
function topTable(cols: number[], rows: string[][], top = 100): { words: Word[]; bottom: number } {
  const words: Word[] = [];
  let y = top;
  for (const r of rows) {
    r.forEach((t, c) => words.push(...cellWords(t, cols[c]!, y)));
    y += Math.max(...r.map(height)) + 8;
  }
  return { words, bottom: y - 8 };
}

function texts(rows: { cells: Word[][] }[]): string[][] {
  return rows.map((r) => r.cells.map((ws) => ws.map((w) => w.text).join(' ')));
}

const lineTexts = (ls: { words: Word[] }[]) => ls.map((l) => l.words.map((w) => w.text).join(' '));

const COLS = [40, 150, 300, 420];

describe('borderless tables: narrow white rivers', () => {
  it('separates two columns whose cells leave only a padding-wide gap (5 pt, under 0.8 em) on every line', () => {
    // The sasaran lines run to x = 145, five points short of the indikator column.
    const t = topTable(COLS, [
      ['SASARAN', 'INDIKATOR', 'FORMULA', 'SUMBER DATA'],
      ['Peningkatan kinerja di\npenyelenggara desa dan', 'Persentase A', 'Jumlah A', 'Laporan'],
      ['Tertib administrasi ka', 'Jumlah B\nper tahun', 'Jumlah B', 'Data'],
      ['Disiplin pegawai camat', 'Tingkat C', 'Jumlah C', 'Daftar\nhadir'],
    ]);
    expect(Math.max(...t.words.filter((w) => w.bbox.x0 < 150).map((w) => w.bbox.x1))).toBe(145);
    const { tables } = findBorderlessTables(groupWordsIntoLines(t.words, S.lineTolerance), S);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.xs).toHaveLength(5);
    expect(texts(tables[0]!.rows)).toEqual([
      ['SASARAN', 'INDIKATOR', 'FORMULA', 'SUMBER DATA'],
      ['Peningkatan kinerja di penyelenggara desa dan', 'Persentase A', 'Jumlah A', 'Laporan'],
      ['Tertib administrasi ka', 'Jumlah B per tahun', 'Jumlah B', 'Data'],
      ['Disiplin pegawai camat', 'Tingkat C', 'Jumlah C', 'Daftar hadir'],
    ]);
  });

  it('does not split a column at spaces between words that happen to line up', () => {
    // "Seluruh desa" on every line of the last column: its space is white all the way down, but
    // no wider than any space between words.
    const t = topTable(COLS, [
      ['SASARAN', 'INDIKATOR', 'FORMULA', 'SUMBER'],
      ['Situasi aman', 'Pembinaan linmas', 'Jumlah A', 'Seluruh desa'],
      ['Situasi tertib', 'Monitoring', 'Jumlah B', 'Seluruh desa'],
      ['Kantor', 'Pelaporan', 'Jumlah C', 'Seluruh desa'],
    ]);
    const { tables } = findBorderlessTables(groupWordsIntoLines(t.words, S.lineTolerance), S);
    expect(tables[0]!.xs).toHaveLength(5);
    expect(texts(tables[0]!.rows).map((r) => r[3])).toEqual([
      'SUMBER',
      'Seluruh desa',
      'Seluruh desa',
      'Seluruh desa',
    ]);
  });
});

describe('borderless tables: where a table ends', () => {
  const rows = [
    ['NO', 'SASARAN', 'INDIKATOR', 'SUMBER DATA'],
    ['1.', 'Meningkatnya\nlayanan', 'Persentase A', 'Laporan'],
    ['2.', 'Disiplin', 'Tingkat C', 'Daftar\nhadir'],
  ];
  const cols = [40, 90, 250, 420];
  const expected = [
    ['NO', 'SASARAN', 'INDIKATOR', 'SUMBER DATA'],
    ['1.', 'Meningkatnya layanan', 'Persentase A', 'Laporan'],
    ['2.', 'Disiplin', 'Tingkat C', 'Daftar hadir'],
  ];

  it('ends before a line of running text that runs through a column gap with ordinary spaces', () => {
    const t = topTable(cols, rows);
    const next = cellWords('Jabatan : Kasi KETENTRAMAN DAN KETERTIBAN', 38, t.bottom + 4, 11);
    const tugas = cellWords('Tugas :', 38, t.bottom + 20, 11);
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines([...t.words, ...next, ...tugas], 3), S);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!.rows)).toEqual(expected);
    expect(lineTexts(rest)).toEqual(['Jabatan : Kasi KETENTRAMAN DAN KETERTIBAN', 'Tugas :']);
  });

  it('ends before a form label at its left edge, even one that crosses no gap', () => {
    const t = topTable(cols, rows);
    const tugas = cellWords('Tugas :', 40, t.bottom + 4);
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines([...t.words, ...tugas], 3), S);
    expect(texts(tables[0]!.rows)).toEqual(expected);
    expect(lineTexts(rest)).toEqual(['Tugas :']);
  });

  it('ends before a line at its left edge in another type size', () => {
    const t = topTable(cols, rows);
    const note = cellWords('Catatan', 40, t.bottom + 4, 12);
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines([...t.words, ...note], 3), S);
    expect(texts(tables[0]!.rows)).toEqual(expected);
    expect(lineTexts(rest)).toEqual(['Catatan']);
  });

  it('keeps a cell that runs on below the other columns in the last row', () => {
    const t = topTable(cols, [...rows, ['3.', 'Tertib\nadministrasi\nkependudukan', 'Jumlah D', 'Data']]);
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines(t.words, 3), S);
    expect(texts(tables[0]!.rows).at(-1)).toEqual([
      '3.',
      'Tertib administrasi kependudukan',
      'Jumlah D',
      'Data',
    ]);
    expect(rest).toEqual([]);
  });
});

describe('borderless tables: cells centred vertically', () => {
  /** Rows of cells centred in their row; `span` cells are centred on rows r..r+n-1 of column c. */
  function centredTable(
    rows: string[][],
    spans: { row: number; col: number; rows: number; text: string }[],
    top = 100,
  ): Word[] {
    const words: Word[] = [];
    const boxes: { top: number; bottom: number }[] = [];
    let y = top;
    for (const r of rows) {
      const h = Math.max(...r.filter(Boolean).map(height)) + 8;
      boxes.push({ top: y, bottom: y + h });
      r.forEach((t, c) => t && words.push(...cellWords(t, COLS[c]!, y + (h - height(t)) / 2)));
      y += h;
    }
    for (const s of spans) {
      const mid = (boxes[s.row]!.top + boxes[s.row + s.rows - 1]!.bottom) / 2;
      words.push(...cellWords(s.text, COLS[s.col]!, mid - height(s.text) / 2));
    }
    return words;
  }

  it('finds rows by the middles of their cells and puts a cell centred on two rows in the first', () => {
    const words = centredTable(
      [
        ['SASARAN', 'INDIKATOR\nKINERJA', 'FORMULASI\nPERHITUNGAN\nPENJELASAN', 'SUMBER\nDATA'],
        ['', 'Pembinaan perangkat', 'Jumlah Pembinaan\nPerangkat Desa', 'Seksi Tata\nPemerintahan'],
        ['', 'Pelaksanaan Musdes\ntentang RPJMDes\nAPBDes', 'Jumlah Musdes', 'Seksi Tata\nPemerintahan'],
        ['Tertib administrasi', 'Jumlah Laporan\nkependudukan\nMutasi', 'Jumlah Laporan', 'Seksi Tata'],
      ],
      [
        {
          row: 1,
          col: 0,
          rows: 2,
          text: 'Peningkatan kinerja\npemerintah desa\ndan tata kelola\nyang akuntabel',
        },
      ],
    );
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines(words, S.lineTolerance), S);
    expect(rest).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!.rows)).toEqual([
      ['SASARAN', 'INDIKATOR KINERJA', 'FORMULASI PERHITUNGAN PENJELASAN', 'SUMBER DATA'],
      [
        'Peningkatan kinerja pemerintah desa dan tata kelola yang akuntabel',
        'Pembinaan perangkat',
        'Jumlah Pembinaan Perangkat Desa',
        'Seksi Tata Pemerintahan',
      ],
      ['', 'Pelaksanaan Musdes tentang RPJMDes APBDes', 'Jumlah Musdes', 'Seksi Tata Pemerintahan'],
      ['Tertib administrasi', 'Jumlah Laporan kependudukan Mutasi', 'Jumlah Laporan', 'Seksi Tata'],
    ]);
  });

  it('puts a cell centred on three rows in the first even when its top lines up with the second row', () => {
    // Three lines centred on rows of 2, 2 and 3 lines: the cell's top is level with the second
    // row's cells, its middle with none of them.
    const words = centredTable(
      [
        ['SASARAN', 'INDIKATOR\nKINERJA', 'FORMULASI\nPERHITUNGAN\nPENJELASAN', 'SUMBER\nDATA'],
        ['', 'Pembinaan\nlinmas', 'Jumlah Kegiatan\nPembinaan', 'Seluruh\ndesa'],
        ['', 'Monitoring\nkegiatan', 'Jumlah kegiatan\nmonitoring', 'Seluruh\ndesa'],
        ['', 'Pelaporan\nperiodik\nkhusus', 'Jumlah laporan\nperiodik', 'Seluruh\ndesa'],
        ['Situasi Kantor', 'Pembinaan Satpol', 'Daftar Jaga', 'Personil'],
      ],
      [{ row: 1, col: 0, rows: 3, text: 'Situasi keamanan\ndan kenyamanan\nyang kondusif' }],
    );
    const { tables } = findBorderlessTables(groupWordsIntoLines(words, S.lineTolerance), S);
    expect(texts(tables[0]!.rows).map((r) => r[0])).toEqual([
      'SASARAN',
      'Situasi keamanan dan kenyamanan yang kondusif',
      '',
      '',
      'Situasi Kantor',
    ]);
  });

  it('puts a cell centred on three rows of one line in the first, not in the middle one it lines up with', () => {
    const words = centredTable(
      [
        ['SASARAN', 'INDIKATOR\nKINERJA', 'FORMULASI\nPERHITUNGAN', 'SUMBER'],
        ['', 'Persentase A', 'Jumlah A', 'Laporan'],
        ['', 'Persentase B', 'Jumlah B', 'Laporan'],
        ['', 'Persentase C', 'Jumlah C', 'Laporan'],
        ['Tertib', 'Persentase D', 'Jumlah D', 'Data'],
      ],
      [{ row: 1, col: 0, rows: 3, text: 'Meningkatnya layanan' }],
    );
    const { tables } = findBorderlessTables(groupWordsIntoLines(words, S.lineTolerance), S);
    expect(texts(tables[0]!.rows).map((r) => r[0])).toEqual([
      'SASARAN',
      'Meningkatnya layanan',
      '',
      '',
      'Tertib',
    ]);
  });

  it('joins heading cells centred on a TARGET heading and the years under it to the TARGET row', () => {
    const xs = [40, 120, 200, 280, 320, 360, 420];
    const at = (text: string, c: number, top: number) => cellWords(text, xs[c]!, top);
    const words = [
      // TARGET over the year columns in a row of its own (100–118), the years in the next (118–136),
      // the other headings centred on both.
      ...at('SASARAN', 0, 113),
      ...at('INDIKATOR', 1, 113),
      ...at('FORMULA', 2, 113),
      ...cellWords('TARGET', 310, 104),
      ...at('2018', 3, 122),
      ...at('2019', 4, 122),
      ...at('2020', 5, 122),
      ...at('SUMBER', 6, 113),
      // Data rows, centred: 136–166 and 166–196.
      ...at('Meningkatnya\nlayanan', 0, 140),
      ...['Persentase', 'Jumlah', '90', '90', '95', 'Laporan'].flatMap((t, i) => at(t, i + 1, 146)),
      ...at('Tertib\nadministrasi', 0, 170),
      ...['Tingkat', 'Jumlah', '80', '85', '90', 'Data'].flatMap((t, i) => at(t, i + 1, 176)),
    ];
    const { tables } = findBorderlessTables(groupWordsIntoLines(words, S.lineTolerance), S);
    expect(texts(tables[0]!.rows)).toEqual([
      ['SASARAN', 'INDIKATOR', 'FORMULA', '', 'TARGET', '', 'SUMBER'],
      ['', '', '', '2018', '2019', '2020', ''],
      ['Meningkatnya layanan', 'Persentase', 'Jumlah', '90', '90', '95', 'Laporan'],
      ['Tertib administrasi', 'Tingkat', 'Jumlah', '80', '85', '90', 'Data'],
    ]);
  });

  it('keeps a row broken at the foot of the page (its cells then at the top) as one row', () => {
    const words = [
      ...centredTable(
        [
          ['NO', 'SASARAN', 'INDIKATOR\nKINERJA', 'SUMBER\nDATA'],
          ['1.', 'Meningkatnya\nlayanan', 'Persentase A', 'Laporan'],
        ],
        [],
      ),
      // Row 2 (from y = 160, text after 4 pt of padding) goes on over the page: its cells start together.
      ...cellWords('2.', COLS[0]!, 164),
      ...cellWords('Disiplin\npegawai', COLS[1]!, 164),
      ...cellWords('Tingkat\nkepatuhan\naparatur', COLS[2]!, 164),
      ...cellWords('Daftar', COLS[3]!, 164),
    ];
    const { tables } = findBorderlessTables(groupWordsIntoLines(words, S.lineTolerance), S);
    expect(texts(tables[0]!.rows).at(-1)).toEqual([
      '2.',
      'Disiplin pegawai',
      'Tingkat kepatuhan aparatur',
      'Daftar',
    ]);
  });
});

describe('borderless tables: headings centred over cells at the top, rows broken across pages', () => {
  /** A heading row centred on its tallest cell, then rows of cells at the top. */
  function page(rows: string[][], heading: string[], top = 100): { words: Word[]; bottom: number } {
    const h = Math.max(...heading.map(height));
    const words = heading.flatMap((t, c) => cellWords(t, COLS[c]!, top + (h - height(t)) / 2));
    const body = topTable(COLS, rows, top + h + 8);
    return { words: [...words, ...body.words], bottom: body.bottom };
  }

  it('keeps a heading row whose cells are centred on one line as one row', () => {
    const t = page(
      [
        [
          'Meningkatnya\nlayanan',
          'Tingkat\nPemanfaatan',
          'Jumlah layanan\ndibagi jumlah\ndikali 100',
          'Buku Agenda',
        ],
        ['Meningkatnya\ndisiplin', 'Tingkat\nKepatuhan', 'Jumlah pegawai', 'Daftar Hadir'],
      ],
      ['SASARAN', 'INDIKATOR\nKINERJA', 'FORMULASI\nPERHITUNGAN\nPENJELASAN', 'SUMBER DATA'],
    );
    const { tables } = findBorderlessTables(groupWordsIntoLines(t.words, S.lineTolerance), S);
    expect(texts(tables[0]!.rows)).toEqual([
      ['SASARAN', 'INDIKATOR KINERJA', 'FORMULASI PERHITUNGAN PENJELASAN', 'SUMBER DATA'],
      [
        'Meningkatnya layanan',
        'Tingkat Pemanfaatan',
        'Jumlah layanan dibagi jumlah dikali 100',
        'Buku Agenda',
      ],
      ['Meningkatnya disiplin', 'Tingkat Kepatuhan', 'Jumlah pegawai', 'Daftar Hadir'],
    ]);
  });

  it('takes the top line of a page that carries on a cell of the page before as a first row of its own', () => {
    const rows = [
      ['Meningkatnya\nkapasitas', 'Persentase\nAparatur', 'Jumlah pegawai\ndikali 100', 'Dokumen'],
      ['Meningkatnya\ndisiplin', 'Tingkat\nKepatuhan', 'Jumlah hadir', 'Daftar Hadir'],
    ];
    const t = page(rows, ['SASARAN', 'INDIKATOR', 'FORMULASI', 'SUMBER DATA'], 70);
    const carried = cellWords('pegawai yang ada', COLS[2]!, 50);
    const { tables, rest } = findBorderlessTables(groupWordsIntoLines([...carried, ...t.words], 3), S);
    expect(rest).toEqual([]);
    expect(texts(tables[0]!.rows).slice(0, 2)).toEqual([
      ['', '', 'pegawai yang ada', ''],
      ['SASARAN', 'INDIKATOR', 'FORMULASI', 'SUMBER DATA'],
    ]);
  });

  it('leaves a line at the top of the page that is not aligned with a column', () => {
    const t = page(
      [['Meningkatnya\nkapasitas', 'Persentase\nAparatur', 'Jumlah pegawai', 'Dokumen']],
      ['SASARAN', 'INDIKATOR', 'FORMULASI', 'SUMBER DATA'],
      70,
    );
    const pageNo = cellWords('- 2 -', 270, 50);
    const { rest } = findBorderlessTables(groupWordsIntoLines([...pageNo, ...t.words], 3), S);
    expect(lineTexts(rest)).toEqual(['- 2 -']);
  });
});
