import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderWord,
  columnsFromTokens,
  headerTokens,
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
});
