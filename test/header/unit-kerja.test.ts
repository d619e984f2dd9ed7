import { describe, expect, it } from 'vitest';
import { findUnitKerja, officeMentions } from '../../src/header/unit-kerja.js';

describe('unit kerja', () => {
  it('reads the office from headings, signatures and jabatan lines', () => {
    expect(officeMentions('KECAMATAN BELAWANG KABUPATEN BARITO KUALA')).toEqual(['Kecamatan Belawang']);
    expect(officeMentions('CAMAT BALANTAK SELATAN')).toEqual(['Kecamatan Balantak Selatan']);
    expect(officeMentions('Jabatan : Camat  Bontang Barat')).toEqual(['Kecamatan Bontang Barat']);
    expect(officeMentions('Kantor Camat Sungai Raya,')).toEqual(['Kecamatan Sungai Raya']);
  });
  it('ignores the generic word in running text', () => {
    expect(officeMentions('Aparatur Kecamatan sehingga pelayanan')).toEqual([]);
    expect(officeMentions('target organisasi di kecamatan X 100%')).toEqual([]);
    expect(officeMentions('diberikan oleh Camat sesuai dengan tugas')).toEqual([]);
  });
  it('prefers the office named on purpose over passing mentions', () => {
    const lines = ['Jumlah usulan Kecamatan Tenggarong', 'CAMAT LOA KULU', 'KECAMATAN LOA KULU'];
    expect(findUnitKerja(lines)).toBe('Kecamatan Loa Kulu');
    expect(findUnitKerja(['Sekretaris Kecamatan', 'tingkat kecamatan'])).toBeNull();
  });
});
