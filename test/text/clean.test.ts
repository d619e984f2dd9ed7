import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanInline,
  hasListMarker,
  isBlankValue,
  stripListMarker,
  stripMarkup,
} from '../../src/text/clean.js';
import { joinLines } from '../../src/text/join.js';

describe('text cleaning', () => {
  it('removes markup and decodes entities', () => {
    expect(cleanInline('<i>Jumlah &amp; Data</i>')).toBe('Jumlah & Data');
    expect(stripMarkup('a<br>b')).toBe('a\nb');
    expect(cleanInline('**Kasi** Kesejahteraan   Masyarakat')).toBe('Kasi Kesejahteraan Masyarakat');
  });
  it('strips list markers but not numbers that are content', () => {
    expect(stripListMarker('- a) Penyusunan rencana')).toBe('Penyusunan rencana');
    expect(stripListMarker('➢ Formulasinya : X')).toBe('Formulasinya : X');
    expect(stripListMarker('2. Mengkoordinir')).toBe('Mengkoordinir');
    expect(stripListMarker('1) melaksanakan')).toBe('melaksanakan');
    expect(hasListMarker('17 Agustus')).toBe(false);
    expect(hasListMarker('b. semua bukti')).toBe(true);
  });
  it('treats dashes and dots as blank values', () => {
    expect(isBlankValue('-')).toBe(true);
    expect(isBlankValue('.....')).toBe(true);
    expect(isBlankValue('Data')).toBe(false);
  });
  it('rejoins a word broken across lines only when the whole is a word', () => {
    const vocab = new Set(['pemberdayaan', 'masyarakat', 'kasi', 'dan', 'kegiatan']);
    const isWord = (w: string) => vocab.has(w);
    expect(joinLines(['Kasi', 'Pemberday', 'aan', 'Masyarakat'], isWord)).toBe(
      'Kasi Pemberdayaan Masyarakat',
    );
    expect(joinLines(['dan', 'kegiatan'], isWord)).toBe('dan kegiatan');
    expect(joinLines(['perundang-', 'undangan'], (w) => w === 'perundangundangan')).toBe('perundangundangan');
  });
  it('keeps the hyphen of a hyphenated word wrapped at it, and a dash between words spaced', () => {
    const none = () => false;
    expect(joinLines(['peraturan perundang-', 'undangan'], none)).toBe('peraturan perundang-undangan');
    expect(joinLines(['tugas lain-', 'lain'], none)).toBe('tugas lain-lain');
    expect(joinLines(['2018 -', 'sekarang'], none)).toBe('2018 - sekarang');
    expect(joinLines(['Kecamatan -', 'Desa'], none)).toBe('Kecamatan - Desa');
    expect(joinLines(['penduduk usia 7-', '12 tahun'], none)).toBe('penduduk usia 7-12 tahun');
    expect(joinLines(['tahun 2018 -', '2020'], none)).toBe('tahun 2018 - 2020');
  });
  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        expect(typeof cleanInline(s)).toBe('string');
        expect(typeof stripListMarker(s)).toBe('string');
      }),
    );
  });
});

describe('suffix on its own line', () => {
  it('joins a lone Indonesian suffix to the word above when the whole is a word', () => {
    const vocab = new Set(['pemerintah', 'pemerintahan', 'kasi', 'an']);
    expect(joinLines(['Kasi', 'Pemerintah', 'an'], (w) => vocab.has(w))).toBe('Kasi Pemerintahan');
  });
});
