import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/ir/document.js';
import { layoutText } from '../../src/read/text/index.js';
import { fieldTablesAsLines } from '../../src/segment/field-tables.js';

const table = (rows: string[][]): TableBlock => ({
  kind: 'table',
  origin: 'docx',
  page: null,
  bbox: null,
  lineNo: 0,
  rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text, bbox: null })), page: null, bbox: null })),
});

describe('form fields laid out as a table', () => {
  it('reads a markdown table of fields ("| Jabatan | : | Kepala Seksi |") as the lines of the form', () => {
    const text = [
      '| Jabatan | : | Kepala Seksi |',
      '|---|---|---|',
      '| Tugas | : | Melaksanakan x |',
      '| Fungsi | : | a. penyusunan;<br>b. pelaksanaan. |',
      '',
      '| NO | SASARAN | INDIKATOR | FORMULASI | SUMBER DATA |',
      '|---|---|---|---|---|',
      '| 1 | A | B | C | D |',
    ].join('\n');
    const blocks = fieldTablesAsLines(layoutText(text).blocks);
    expect(blocks.flatMap((b) => (b.kind === 'line' && b.text ? [b.text] : []))).toEqual([
      'Jabatan : Kepala Seksi',
      'Tugas : Melaksanakan x',
      'Fungsi : a. penyusunan;',
      'b. pelaksanaan.',
    ]);
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
  });
  it('reads a numbered .docx field table with the colon glued to the value', () => {
    const lines = fieldTablesAsLines([
      table([
        ['1.', 'Jabatan', ': Sekretaris Camat'],
        ['2.', 'Tugas', ': Membantu camat'],
        ['', '', 'dalam administrasi'],
      ]),
    ]).map((b) => (b.kind === 'line' ? b.text : 'table'));
    expect(lines).toEqual([
      '1. Jabatan : Sekretaris Camat',
      '2. Tugas : Membantu camat',
      'dalam administrasi',
    ]);
  });
  it('reads fields whose colon ends the label cell ("Jabatan : | Kepala Seksi")', () => {
    const lines = fieldTablesAsLines([
      table([
        ['Jabatan :', 'Kepala Seksi Umum'],
        ['Tugas :', 'Melaksanakan urusan umum'],
      ]),
    ]).map((b) => (b.kind === 'line' ? b.text : 'table'));
    expect(lines).toEqual(['Jabatan : Kepala Seksi Umum', 'Tugas : Melaksanakan urusan umum']);
  });

  it('sees through bold markup ("| **Jabatan** | **:** | Kepala Seksi |")', () => {
    const lines = fieldTablesAsLines([
      table([
        ['**Jabatan**', '**:**', 'Kepala Seksi Umum'],
        ['**Tugas**', '**:**', 'Melaksanakan urusan umum'],
      ]),
    ]).map((b) => (b.kind === 'line' ? b.text : 'table'));
    expect(lines).toEqual(['Jabatan : Kepala Seksi Umum', 'Tugas : Melaksanakan urusan umum']);
  });

  it('reads a table of signature blocks column after column', () => {
    const lines = fieldTablesAsLines([
      table([
        ['Atasan Langsung', 'Pegawai yang Dinilai'],
        ['SEKRETARIS KECAMATAN', 'KASUBBAG KEUANGAN'],
        ['**DRS. HENDRA WIJAYA**', '**SITI RAHMAWATI, S.E**'],
        ['NIP. 19700505 199503 1 001', 'NIP. 19880212 201001 2 003'],
      ]),
    ]).map((b) => (b.kind === 'line' ? b.text : 'table'));
    expect(lines).toEqual([
      'Atasan Langsung',
      'SEKRETARIS KECAMATAN',
      '**DRS. HENDRA WIJAYA**',
      'NIP. 19700505 199503 1 001',
      '',
      'Pegawai yang Dinilai',
      'KASUBBAG KEUANGAN',
      '**SITI RAHMAWATI, S.E**',
      'NIP. 19880212 201001 2 003',
    ]);
  });

  it('leaves an indicator table alone', () => {
    const t = table([
      ['NO', 'SASARAN', 'INDIKATOR'],
      ['1', 'Meningkatnya x', 'Jumlah: y'],
    ]);
    expect(fieldTablesAsLines([t])).toEqual([t]);
  });
});
