import { describe, expect, it } from 'vitest';
import { agencyMentions, findUnitKerja, officeMentions } from '../../src/header/unit-kerja.js';

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
  it('names a regency agency without its place, keeping "dan" inside the name', () => {
    expect(agencyMentions('KEPALA DINAS PENDIDIKAN KABUPATEN SUKAMAJU')).toEqual(['Dinas Pendidikan']);
    expect(agencyMentions('Jabatan : Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak')).toEqual([
      'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
    ]);
    expect(agencyMentions('DINAS KESEHATAN KAB. BANGGAI')).toEqual(['Dinas Kesehatan']);
    expect(agencyMentions('INSPEKTORAT KABUPATEN BANGGAI')).toEqual(['Inspektorat']);
    expect(agencyMentions('KEPALA SATUAN POLISI PAMONG PRAJA,')).toEqual(['Satuan Polisi Pamong Praja']);
    expect(agencyMentions('Sekretaris Dinas')).toEqual([]);
    expect(agencyMentions('SEKRETARIAT DPRD KABUPATEN SUKAMAJU')).toEqual(['Sekretariat DPRD']);
    expect(agencyMentions('KEPALA DINAS PUPR')).toEqual(['Dinas PUPR']);
    expect(agencyMentions('KEPALA KANTOR KESATUAN BANGSA DAN POLITIK')).toEqual([
      'Kantor Kesatuan Bangsa dan Politik',
    ]);
    expect(agencyMentions('KANTOR CAMAT SUKAJAYA')).toEqual([]);
  });
  it('takes an agency named on purpose, not one named in a table cell', () => {
    const agencyForm = [
      'LAMPIRAN KEPUTUSAN KEPALA DINAS PENDIDIKAN KABUPATEN SUKAMAJU',
      'Jabatan : Kepala Bidang Pembinaan SD',
      'Laporan Kecamatan Sukajaya',
      'KEPALA DINAS PENDIDIKAN',
    ];
    expect(findUnitKerja(agencyForm)).toBe('Dinas Pendidikan');
    // The whole name, printed in a bold heading, wins over the signature's line cut after "KEUANGAN".
    expect(
      findUnitKerja(['**BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH**', 'KEPALA BADAN PENGELOLAAN KEUANGAN']),
    ).toBe('Badan Pengelolaan Keuangan dan Aset Daerah');
    // A kecamatan's form citing an agency as its data source stays the kecamatan's (or nobody's).
    expect(findUnitKerja(['CAMAT BELAWANG', 'Dinas Sosial dan Seluruh Desa'])).toBe('Kecamatan Belawang');
    expect(findUnitKerja(['Jumlah laporan', 'Dinas Sosial dan Seluruh Desa'])).toBeNull();
    // The identity block names it on purpose.
    expect(findUnitKerja(['Unit Kerja : Dinas Sosial', 'Jumlah laporan'])).toBe('Dinas Sosial');
  });
});
