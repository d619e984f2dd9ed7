import { describe, expect, it } from 'vitest';
import { parseHeader, parseLampiran, parsePeriode } from '../../src/header/fields.js';
import { layoutText } from '../../src/read/text/index.js';
import { segmentForms } from '../../src/segment/forms.js';

const isWord = (w: string) => ['pemberdayaan', 'masyarakat'].includes(w);

describe('segmentation into forms', () => {
  it('starts a form at a title, a Lampiran line, or a second "Jabatan :"', () => {
    const text = [
      'Lampiran II Keputusan Kepala Dinas',
      'INDIKATOR KINERJA UTAMA',
      'Jabatan : Kepala Dinas',
      '| NO | SASARAN | INDIKATOR KINERJA | FORMULASI | SUMBER DATA |',
      '|---|---|---|---|---|',
      '| 1 | a | b | c | d |',
      'Jabatan : Sekretaris',
      '| NO | SASARAN | INDIKATOR KINERJA | FORMULASI | SUMBER DATA |',
      '| 1 | a | b | c | d |',
      'INDIKATOR KINERJA INDIVIDU',
    ].join('\n');
    const { segments, leftovers } = segmentForms(layoutText(text).blocks);
    expect(segments).toHaveLength(2);
    expect(segments[0]!.title).toBe('INDIKATOR KINERJA UTAMA');
    expect(segments[1]!.title).toBeNull();
    // A lone heading after the last form is not a form.
    expect(leftovers).toEqual(['INDIKATOR KINERJA INDIVIDU']);
  });

  it('keeps a decree block above the title in the form ("NOMOR 12 TAHUN 2021", "PERIODE 2021 - 2026" are no table headings)', () => {
    const text = [
      'LAMPIRAN II',
      'PERATURAN BUPATI SUKAMAJU',
      'NOMOR 12 TAHUN 2021',
      'INDIKATOR KINERJA INDIVIDU (IKI)',
      'PERIODE 2021 - 2026',
      'Nama Jabatan : Kepala Bidang Anggaran',
      '| NO | SASARAN | INDIKATOR KINERJA | FORMULASI | SUMBER DATA |',
      '|---|---|---|---|---|',
      '| 1 | a | b | c | d |',
    ].join('\n');
    const { segments } = segmentForms(layoutText(text).blocks);
    expect(segments).toHaveLength(1);
    const lines = segments[0]!.blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    const h = parseHeader(lines, isWord);
    expect(h.jabatan).toBe('Kepala Bidang Anggaran');
    expect(h.lampiran).toEqual({
      label: 'II',
      keputusan: 'PERATURAN BUPATI SUKAMAJU',
      nomor: '12',
      tahun: 2021,
      tanggal: null,
    });
  });

  it('does not take a table heading "INDIKATOR KINERJA UTAMA" for a new form', () => {
    const text = [
      'INDIKATOR KINERJA UTAMA',
      'JABATAN : KASI UMUM',
      'NO',
      'KINERJA UTAMA',
      'INDIKATOR KINERJA UTAMA',
      'SUMBER DATA',
      '1 Meningkatnya x',
    ].join('\n');
    expect(segmentForms(layoutText(text).blocks).segments).toHaveLength(1);
  });
});

describe('header fields', () => {
  it('reads jabatan, tugas and fungsi lists with markers and continuation lines', () => {
    const h = parseHeader(
      [
        '1. Jabatan : **Kasi** Pemberdayaan Masyarakat',
        '2. Tugas : Melaksanakan koordinasi kegiatan',
        'di bidang pemberdayaan.',
        '3. Fungsi :',
        ' - a) Penyusunan program;',
        ' - b) Pelaksanaan kegiatan',
        '   lanjutan.',
      ],
      isWord,
    );
    expect(h.jabatan).toBe('Kasi Pemberdayaan Masyarakat');
    expect(h.tugas).toEqual(['Melaksanakan koordinasi kegiatan di bidang pemberdayaan.']);
    expect(h.fungsi).toEqual(['Penyusunan program;', 'Pelaksanaan kegiatan lanjutan.']);
    expect(parseHeader(['Fungsi : -'], isWord).fungsi).toEqual([]);
    expect(parseHeader(['Uraian Tugas : Menyusun anggaran.'], isWord).tugas).toEqual(['Menyusun anggaran.']);
    expect(parseHeader(['Tugas dan Fungsi : Membantu camat.'], isWord).tugas).toEqual(['Membantu camat.']);
    // The value on the line under a bare "Jabatan :"; none after "Jabatan : -".
    expect(parseHeader(['Jabatan :', 'Kepala Seksi Umum', 'Tugas : x'], isWord).jabatan).toBe(
      'Kepala Seksi Umum',
    );
    expect(parseHeader(['Jabatan : -', 'KECAMATAN X', 'Tugas : x'], isWord).jabatan).toBeNull();
  });

  it('reads the Lampiran block and the period', () => {
    expect(
      parseLampiran([
        'Lampiran V.  SK Keputusan Bupati Sanggau.',
        ' Nomor  : 12 Tahun 2021',
        'Tanggal : 4 Agustus 2021',
      ]),
    ).toEqual({
      label: 'V',
      keputusan: 'SK Keputusan Bupati Sanggau',
      nomor: '12',
      tahun: 2021,
      tanggal: '2021-08-04',
    });
    expect(parsePeriode(['TAHUN 2021 - 2026'])).toEqual({ dari: 2021, sampai: 2026 });
    expect(parsePeriode(['Periode 2019 s/d 2023'])).toEqual({ dari: 2019, sampai: 2023 });
    expect(parsePeriode(['Periode : 2021 - 2026'])).toEqual({ dari: 2021, sampai: 2026 });
  });
});
