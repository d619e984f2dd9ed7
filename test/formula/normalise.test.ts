/**
 * One test per rule of the contract's "Formula (`formula`)" section, on other offices' phrasing
 * (none of these inputs comes from the gold files).
 */
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../src/contract/schema.js';
import { normaliseFormula } from '../../src/formula/index.js';

const none = { numerator: null, denominator: null, scale: null, unit: null, expression: null };

function ratio(numerator: string, denominator: string, scale: number | null, unit: '%' | null): Formula {
  const expression = scale === null ? 'A / B' : `(A / B) × ${scale}${scale === 100 ? '%' : ''}`;
  return { kind: 'ratio', numerator, denominator, scale, unit, expression };
}

const count = (text: string): Formula => ({ kind: 'count', ...none, numerator: text, expression: text });
const sum = (text: string): Formula => ({ kind: 'sum', ...none, numerator: text, expression: text });

describe('empty formulasi', () => {
  it.each([null, '', '   '])('%j gives null', (input) => {
    expect(normaliseFormula(input)).toBeNull();
  });
});

describe('ratio: division words and signs', () => {
  it.each([
    [
      'Realisasi anggaran dibagi pagu anggaran x 100%',
      ratio('Realisasi anggaran', 'pagu anggaran', 100, '%'),
    ],
    [
      'Jumlah laporan yang disusun dibagi dengan jumlah laporan yang wajib disusun dikalikan dengan 100%',
      ratio('Jumlah laporan yang disusun', 'jumlah laporan yang wajib disusun', 100, '%'),
    ],
    [
      'Jumlah sekolah terakreditasi ÷ Jumlah sekolah x 100 persen',
      ratio('Jumlah sekolah terakreditasi', 'Jumlah sekolah', 100, '%'),
    ],
    [
      'Jumlah UMKM yang naik kelas dibandingkan dengan jumlah UMKM binaan',
      ratio('Jumlah UMKM yang naik kelas', 'jumlah UMKM binaan', null, null),
    ],
    [
      'PAD tahun berjalan dibanding PAD tahun lalu',
      ratio('PAD tahun berjalan', 'PAD tahun lalu', null, null),
    ],
    ['Jumlah kunjungan wisatawan per tahun', ratio('Jumlah kunjungan wisatawan', 'tahun', null, null)],
  ])('%s', (input, want) => {
    expect(normaliseFormula(input)).toEqual(want);
  });

  it('splits at the first division word; a later one stays in the denominator', () => {
    expect(normaliseFormula('Arsip tertata dibagi arsip dibanding dengan rencana')).toEqual(
      ratio('Arsip tertata', 'arsip dibanding dengan rencana', null, null),
    );
  });

  it('does not read "per" before a date as a division', () => {
    expect(normaliseFormula('Jumlah pegawai per 31 Desember')?.kind).toBe('count');
  });
});

describe('ratio: comparisons', () => {
  it.each([
    [
      'Membandingkan jumlah peserta yang lulus dan jumlah peserta ujian',
      ratio('jumlah peserta yang lulus', 'jumlah peserta ujian', null, null),
    ],
    [
      'Perbandingan antara jumlah penduduk miskin dengan jumlah penduduk',
      ratio('jumlah penduduk miskin', 'jumlah penduduk', null, null),
    ],
    ['Rasio jumlah guru terhadap jumlah murid', ratio('jumlah guru', 'jumlah murid', null, null)],
    [
      'Membandingkan sarana dan prasarana yang baik dan kebutuhan sekolah',
      ratio('sarana dan prasarana yang baik', 'kebutuhan sekolah', null, null),
    ],
  ])('%s', (input, want) => {
    expect(normaliseFormula(input)).toEqual(want);
  });
});

describe('ratio: slashes that divide', () => {
  it.each([
    [
      'Jumlah kasus yang diselesaikan / jumlah kasus yang masuk × 100 %',
      ratio('Jumlah kasus yang diselesaikan', 'jumlah kasus yang masuk', 100, '%'),
    ],
    [
      'Jumlah desa mandiri sesuai IDM/Jumlah desa x100%',
      ratio('Jumlah desa mandiri sesuai IDM', 'Jumlah desa', 100, '%'),
    ],
    [
      'Pengaduan ditindaklanjuti /Target pengaduan',
      ratio('Pengaduan ditindaklanjuti', 'Target pengaduan', null, null),
    ],
    ['Realisasi fisik / Rencana fisik', ratio('Realisasi fisik', 'Rencana fisik', null, null)],
    ['(A/B)*100', ratio('A', 'B', 100, '%')],
    ['100% x (Jumlah lulusan / Jumlah peserta)', ratio('Jumlah lulusan', 'Jumlah peserta', 100, '%')],
    [
      'Jumlah balita gizi buruk / jumlah balita x 1.000',
      ratio('Jumlah balita gizi buruk', 'jumlah balita', 1000, null),
    ],
    [
      'Jumlah desa yang melapor / jumlah desa (%)',
      ratio('Jumlah desa yang melapor', 'jumlah desa', null, '%'),
    ],
    [
      'Jumlah (ASN yang hadir) / (Jumlah ASN + Jumlah PPPK) x 100%',
      ratio('Jumlah (ASN yang hadir)', 'Jumlah ASN + Jumlah PPPK', 100, '%'),
    ],
  ])('%s', (input, want) => {
    expect(normaliseFormula(input)).toEqual(want);
  });
});

describe('ratio: the colon as a division sign', () => {
  it('divides at a spaced colon between two quantities', () => {
    expect(normaliseFormula('(Jumlah dokumen yang ditetapkan tepat waktu : jumlah dokumen) x 100%')).toEqual(
      ratio('Jumlah dokumen yang ditetapkan tepat waktu', 'jumlah dokumen', 100, '%'),
    );
    expect(normaliseFormula('Jumlah kasus selesai : Jumlah kasus masuk')).toEqual(
      ratio('Jumlah kasus selesai', 'Jumlah kasus masuk', null, null),
    );
  });
  it.each(['Jumlah surat : 12 bulan', 'Keterangan: jumlah laporan yang masuk'])(
    '%s has no division',
    (input) => {
      expect(normaliseFormula(input)?.kind).not.toBe('ratio');
    },
  );
  it('leaves a label colon to the label ("Rumus : A / B")', () => {
    expect(normaliseFormula('Rumus : Jumlah A / Jumlah B x 100%')).toEqual(
      ratio('Jumlah A', 'Jumlah B', 100, '%'),
    );
  });
});

describe('slashes that join alternatives', () => {
  it.each([
    'Jumlah surat masuk/keluar yang diarsipkan',
    'Jumlah data Ketua RT / RW',
    'Jumlah pembelian koran / surat kabar',
    'Jumlah sertifikat yang diterbitkan/ diserahkan',
    'Jumlah rapat dinas/ koordinasi',
    'Jumlah SKP/PPKP yang dinilai',
  ])('%s is a count, not a ratio', (input) => {
    expect(normaliseFormula(input)).toEqual(count(input));
  });

  it('a slash between two verbs in a scaled formula does not divide', () => {
    expect(normaliseFormula('Jumlah alat yang dipinjam/dikembalikan x 100%')?.kind).toBe('sum');
  });
});

describe('ratio: scale and unit', () => {
  it.each([
    ['Jumlah A dibagi Jumlah B dikali 100', 100, '%'],
    ['Jumlah A / Jumlah B X 100 %', 100, '%'],
    ['Jumlah A / Jumlah B x100%', 100, '%'],
    ['Jumlah A / Jumlah B × 100%.', 100, '%'],
    ['Jumlah A / Jumlah B kali 100 persen', 100, '%'],
    ['Jumlah A / Jumlah B (x 100%)', 100, '%'],
    ['Jumlah A / Jumlah B x 100% sesuai laporan triwulan', 100, '%'],
    ['Jumlah A / Jumlah B', null, null],
  ] as const)('%s → scale %s, unit %s', (input, scale, unit) => {
    const f = normaliseFormula(input);
    expect(f).toMatchObject({ kind: 'ratio', numerator: 'Jumlah A', denominator: 'Jumlah B', scale, unit });
  });

  it('a product by a number that is not a power of ten is arithmetic, not a scale', () => {
    expect(normaliseFormula('Jumlah pegawai x 25')).toEqual(sum('Jumlah pegawai x 25'));
  });

  it('trims trailing commas and the scale from the quantities', () => {
    expect(normaliseFormula('Jumlah arsip yang tertata, dibagi jumlah arsip, X 100 %.')).toEqual(
      ratio('Jumlah arsip yang tertata', 'jumlah arsip', 100, '%'),
    );
  });
});

describe('formula cells with a label, a defined name or an explanation of symbols', () => {
  it.each([
    'Rumus : Jumlah hadir / Jumlah pegawai x 100%',
    'Persentase kehadiran = Jumlah hadir / Jumlah pegawai x 100%',
    'Jumlah hadir / Jumlah pegawai x 100%, dimana jumlah hadir = absensi harian',
  ])('%s', (input) => {
    expect(normaliseFormula(input)).toEqual(ratio('Jumlah hadir', 'Jumlah pegawai', 100, '%'));
  });

  it('keeps A and B as printed when the symbols are explained after the formula', () => {
    expect(normaliseFormula('(A / B) x 100%; A = jumlah desa maju; B = jumlah desa')).toEqual(
      ratio('A', 'B', 100, '%'),
    );
  });
});

describe('count', () => {
  it.each([
    'Banyaknya kegiatan',
    'Jumlah dokumen RKA yang disusun tepat waktu',
    'Total anggaran yang terserap',
    'Jumlah rapat koordinasi (4 x dalam setahun)',
  ])('%s', (input) => {
    expect(normaliseFormula(input)).toEqual(count(input));
  });

  it('drops a trailing full stop', () => {
    expect(normaliseFormula('Jumlah laporan bulanan.')).toEqual(count('Jumlah laporan bulanan'));
  });
});

describe('sum', () => {
  it.each([
    'Jumlah PNS + Jumlah PPPK',
    'Jumlah hari kerja x jumlah pegawai',
    'Realisasi tahun ini - realisasi tahun lalu',
    'Pagu anggaran dikurangi realisasi anggaran',
  ])('%s', (input) => {
    expect(normaliseFormula(input)).toEqual(sum(input));
  });

  it('renders LaTeX in the expression', () => {
    expect(normaliseFormula('Jumlah hari x (\\sum pegawai - \\sum cuti)')).toEqual(
      sum('Jumlah hari x (Σ pegawai - Σ cuti)'),
    );
  });

  it.each(['Pelaksanaan rapat 12 x setahun', 'Pelayanan selesai 1 x 24 jam', 'Pelaksanaan e-Kinerja'])(
    '%s has no arithmetic',
    (input) => {
      expect(normaliseFormula(input)?.kind).toBe('text');
    },
  );
});

describe('score', () => {
  it.each([
    'Nilai IKM',
    'Indeks Kepuasan Masyarakat',
    'Rata-rata nilai SKP',
    'Hasil penilaian SAKIP oleh Inspektorat',
    'Survei Kepuasan Masyarakat',
    'Skor Reformasi Birokrasi',
    'Nilai SKM (skala 1 - 4)',
    'IKM unit pelayanan',
  ])('%s', (input) => {
    expect(normaliseFormula(input)).toEqual({ kind: 'score', ...none });
  });
});

describe('text', () => {
  it.each([
    'Tersusunnya dokumen Renstra',
    'Persentase capaian kinerja',
    'Penyusunan laporan IKM',
    'Ketepatan waktu penyampaian jumlah laporan',
    'Survey lokasi pembangunan',
  ])('%s', (input) => {
    expect(normaliseFormula(input)).toEqual({ kind: 'text', ...none });
  });
});

describe('LaTeX ratios', () => {
  it('uses the rendered parts of \\frac and puts them in the expression', () => {
    expect(
      normaliseFormula('$\\frac{\\sum \\text{Surat terarsip}}{\\sum \\text{Surat masuk}} \\times 100\\%$'),
    ).toEqual({
      kind: 'ratio',
      numerator: 'Σ Surat terarsip',
      denominator: 'Σ Surat masuk',
      scale: 100,
      unit: '%',
      expression: '(Σ Surat terarsip / Σ Surat masuk) × 100%',
    });
  });

  it('reads a defined name before the fraction', () => {
    expect(normaliseFormula('$\\text{IP} = \\dfrac{a}{b}$')).toEqual({
      kind: 'ratio',
      numerator: 'a',
      denominator: 'b',
      scale: null,
      unit: null,
      expression: 'a / b',
    });
  });

  it('reads a slash in rendered LaTeX', () => {
    expect(normaliseFormula('$\\sum A / \\sum B \\times 100\\%$')).toMatchObject({
      kind: 'ratio',
      numerator: 'Σ A',
      denominator: 'Σ B',
      scale: 100,
      expression: '(Σ A / Σ B) × 100%',
    });
  });

  it('a fraction inside other arithmetic is a sum', () => {
    expect(normaliseFormula('$1 - \\frac{a}{b}$')).toEqual(sum('1 - a / b'));
  });
});
