import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderWord,
  columnsFromTokens,
  headerTokens,
  resolveColumns,
  roleOfHeaderCell,
} from '../../src/table/vocabulary.js';

const roles = (text: string) => columnsFromTokens(headerTokens(text)).map((c) => c.year ?? c.role);

describe('header vocabulary', () => {
  it('reads cut-off and misspelt heading words', () => {
    expect(canonicalHeaderWord('PENGHITUNGA')).toBe('PENGHITUNGAN');
    expect(canonicalHeaderWord('UTAM')).toBe('UTAMA');
    expect(canonicalHeaderWord('FORMULASl')).toBe('FORMULASI');
    expect(headerTokens('PENJELASAN/FORMULA SI')).toContain('FORMULASI');
  });
  it('maps one-line headings of different offices to columns', () => {
    expect(
      roles('NO SASARAN KINERJA UTAMA INDIKATOR KINERJA UTAMA PENJELASAN/ FORMULASI PERHITUNGAN SUMBER DATA'),
    ).toEqual(['no', 'sasaran', 'indikator', 'formulasi', 'sumberData']);
    expect(
      roles(
        'NO KINERJA UTAMA INDIKATOR KINERJA UTAMA PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN DAN CARA PERHITUNGAN INDIKATOR PENANGGUNG JAWAB SUMBER DATA',
      ),
    ).toEqual(['no', 'sasaran', 'indikator', 'formulasi', 'penanggungJawab', 'sumberData']);
  });
  it('puts year columns under TARGET in the target position', () => {
    expect(
      roles('SASARAN KEGIATAN INDIKATOR KINERJA FORMULASI PERHITUNGAN TARGET SUMBER DATA 2018 2019 2020'),
    ).toEqual(['sasaran', 'indikator', 'formulasi', '2018', '2019', '2020', 'sumberData']);
  });
  it('classifies single heading cells', () => {
    const none = new Set<never>();
    expect(roleOfHeaderCell('SASARAN/KINERJA UTAMA', none).role).toBe('sasaran');
    expect(roleOfHeaderCell('INDIKATOR KINERJA UTAM', none).role).toBe('indikator');
    expect(roleOfHeaderCell('PENJELASAN/FORMULASI PENGHITUNGA', none).role).toBe('formulasi');
    expect(roleOfHeaderCell('Definisi Operasional', none).role).toBe('formulasi');
    expect(roleOfHeaderCell('PENANGGUNG JAWAB', none).role).toBe('penanggungJawab');
    expect(roleOfHeaderCell('Sumber Data', none).role).toBe('sumberData');
    expect(roleOfHeaderCell('Data Dukung', none).role).toBe('sumberData');
    expect(roleOfHeaderCell('Bukti Pendukung', none).role).toBe('sumberData');
    expect(roleOfHeaderCell('IKU', none).role).toBe('indikator');
    expect(roleOfHeaderCell('Ukuran Keberhasilan', none).role).toBe('indikator');
  });
  it('keeps a baseline figure ("Kondisi Awal 2021", "Realisasi") out of the target years', () => {
    expect(
      roles('NO SASARAN INDIKATOR KINERJA KONDISI AWAL 2021 TARGET 2022 2023 FORMULASI SUMBER DATA'),
    ).toEqual(['no', 'sasaran', 'indikator', 'baseline', '2022', '2023', 'formulasi', 'sumberData']);
    expect(roleOfHeaderCell('Kondisi Awal (2021)', new Set()).role).toBe('baseline');
    expect(roleOfHeaderCell('Realisasi 2021', new Set()).role).toBe('baseline');
  });
  it('reads a Tujuan column beside a Sasaran column as the goal above it, and "Tujuan/Sasaran" as one', () => {
    expect(roles('NO TUJUAN SASARAN STRATEGIS INDIKATOR KINERJA FORMULASI')).toEqual([
      'no',
      'tujuan',
      'sasaran',
      'indikator',
      'formulasi',
    ]);
    expect(roles('TUJUAN/SASARAN INDIKATOR KINERJA FORMULASI')).toEqual([
      'sasaran',
      'indikator',
      'formulasi',
    ]);
    const none = new Set<never>();
    const cells = ['No', 'Tujuan', 'Sasaran Strategis', 'Indikator'].map((t) => roleOfHeaderCell(t, none));
    expect(resolveColumns(cells).map((c) => c.role)).toEqual(['no', 'tujuan', 'sasaran', 'indikator']);
    const alone = ['Tujuan', 'Indikator Tujuan'].map((t, i) =>
      roleOfHeaderCell(t, new Set(i ? ['sasaran'] : [])),
    );
    expect(resolveColumns(alone).map((c) => c.role)).toEqual(['sasaran', 'indikator']);
  });
});
