import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/ir/document.js';
import { layoutText } from '../../src/read/text/index.js';

const tables = (text: string) =>
  layoutText(text)
    .blocks.filter((b): b is TableBlock => b.kind === 'table')
    .map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

describe('tab-separated tables (Word text export)', () => {
  it('joins a row broken by a line break inside a cell, with or without tabs on the broken lines', () => {
    const text = [
      'NO\tSASARAN\tINDIKATOR\tSUMBER DATA\tPENANGGUNG JAWAB',
      '1.\tMeningkatnya x\tPersentase y\t- Laporan A',
      '- Buku register\tKasi Trantib',
      '2.\tMeningkatnya z\tJumlah w\tLaporan B',
      'Register C',
      'Arsip D\tKasi Umum',
    ].join('\n');
    expect(tables(text)).toEqual([
      [
        ['NO', 'SASARAN', 'INDIKATOR', 'SUMBER DATA', 'PENANGGUNG JAWAB'],
        ['1.', 'Meningkatnya x', 'Persentase y', '- Laporan A\n- Buku register', 'Kasi Trantib'],
        ['2.', 'Meningkatnya z', 'Jumlah w', 'Laporan B\nRegister C\nArsip D', 'Kasi Umum'],
      ],
    ]);
  });
  it('keeps short rows that open with an empty field as rows of their own (sub-rows)', () => {
    const text = ['NO\tSASARAN\tINDIKATOR\tSUMBER', '1.\tA\tB', '\t\tC', 'Text after the table'].join('\n');
    const t = tables(text)[0]!;
    expect(t).toEqual([
      ['NO', 'SASARAN', 'INDIKATOR', 'SUMBER'],
      ['1.', 'A', 'B'],
      ['', '', 'C'],
    ]);
    expect(layoutText(text).blocks.at(-1)).toMatchObject({ kind: 'line', text: 'Text after the table' });
  });
  it('reads form fields aligned with a tab ("Jabatan<TAB>: …") as lines, not as a table', () => {
    const text = [
      'Jabatan\t: Kepala Seksi',
      '2.\tTugas\t: Melaksanakan x',
      'NO\tSASARAN\tINDIKATOR',
      '1.\tA\tB',
    ].join('\n');
    const blocks = layoutText(text).blocks;
    expect(blocks.slice(0, 2).map((b) => (b.kind === 'line' ? b.text : b.kind))).toEqual([
      'Jabatan : Kepala Seksi',
      '2. Tugas : Melaksanakan x',
    ]);
    expect(tables(text)).toEqual([
      [
        ['NO', 'SASARAN', 'INDIKATOR'],
        ['1.', 'A', 'B'],
      ],
    ]);
  });
});
