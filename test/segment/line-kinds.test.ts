import { describe, expect, it } from 'vitest';
import { isHeadingLine, isJabatanLine } from '../../src/segment/line-kinds.js';
import { tablesFromFlattened } from '../../src/table/flattened.js';

describe('table heading lines', () => {
  it('reads upper-case headings and one-line headings in ordinary case', () => {
    expect(isHeadingLine('NO SASARAN INDIKATOR KINERJA FORMULASI SUMBER DATA')).toBe(true);
    expect(isHeadingLine('No Sasaran Indikator Kinerja Formulasi Perhitungan Sumber Data')).toBe(true);
  });
  it('does not read a title, a cell, a decree number or a period as a heading', () => {
    expect(isHeadingLine('Indikator Kinerja Individu')).toBe(false);
    expect(isHeadingLine('Sumber data')).toBe(false);
    expect(isHeadingLine('NOMOR 12 TAHUN 2021')).toBe(false);
    expect(isHeadingLine('PERIODE 2021 - 2026')).toBe(false);
    expect(isHeadingLine('Jumlah dokumen yang selesai tepat waktu')).toBe(false);
  });
  it('decodes a flattened table under a heading in ordinary case', () => {
    const lines = [
      'No Sasaran Indikator Kinerja Formulasi Perhitungan Sumber Data',
      '',
      '1. Meningkatnya kualitas ',
      'pelayanan ',
      '',
      'Persentase dokumen ',
      'selesai tepat waktu ',
      '',
      'Jumlah dokumen selesai dibagi ',
      'jumlah permohonan x 100% ',
      '',
      'Register pelayanan ',
    ];
    const row = tablesFromFlattened(lines).tables[0]!.rows[0]!;
    expect(row.cells.indikator).toEqual(['Persentase dokumen', 'selesai tepat waktu']);
    expect(row.cells.sumberData).toEqual(['Register pelayanan']);
  });
  it('takes a last heading line in ordinary case ("Utama") into the heading, not into the first row', () => {
    const lines = [
      'NO SASARAN INDIKATOR KINERJA FORMULASI SUMBER DATA',
      'Utama',
      '',
      '1. Meningkatnya kualitas ',
      '',
      'Persentase dokumen selesai ',
      '',
      'Jumlah dokumen selesai dibagi jumlah permohonan x 100% ',
      '',
      'Register pelayanan ',
    ];
    const t = tablesFromFlattened(lines).tables[0]!;
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.cells.indikator).toEqual(['Persentase dokumen selesai']);
    expect(t.rows[0]!.cells.sasaran).toEqual(['Meningkatnya kualitas']);
  });
  it('finds a heading in ordinary case printed one column per line', () => {
    const lines = [
      'No',
      'Sasaran',
      'Indikator Kinerja',
      'Formulasi',
      'Sumber Data',
      '',
      '1. Meningkatnya x ',
      '',
      'Persentase y ',
      '',
      'Jumlah y dibagi jumlah z x 100% ',
      '',
      'Laporan ',
    ];
    const t = tablesFromFlattened(lines).tables[0]!;
    expect(t.roles).toEqual(['no', 'sasaran', 'indikator', 'formulasi', 'sumberData']);
    expect(t.rows[0]!.cells.sumberData).toEqual(['Laporan']);
  });
  it('reads "Nama Jabatan :" as the jabatan line', () => {
    expect(isJabatanLine('Nama Jabatan : Kepala Bidang Anggaran')).toBe(true);
    expect(isJabatanLine('Nama Pegawai : Budi')).toBe(false);
  });
});
