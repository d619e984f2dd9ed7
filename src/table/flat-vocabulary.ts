/**
 * Prior knowledge of what each column's cells say, used to start reading a flattened table
 * before the document has taught anything. These are general IKI/IKU words (government
 * planning vocabulary), not any one office's wording; the document's own rows then take over.
 */
import type { ColumnRole } from './vocabulary.js';

/** Words that typically open a cell of the column. */
export const START_WORDS: Partial<Record<ColumnRole, readonly string[]>> = {
  sasaran: [
    'meningkatnya', 'meningkatkan', 'terlaksananya', 'tersedianya', 'terwujudnya', 'tercapainya',
    'terselenggaranya', 'terpenuhinya', 'terkendalinya', 'menurunnya', 'berkurangnya', 'peningkatan',
    'tertib', 'program', 'penyediaan', 'pelaksanaan', 'pembinaan', 'fasilitasi', 'pengadaan',
    'pemeliharaan', 'penyusunan', 'menyusun', 'membuat', 'situasi', 'partisipasi', 'penyerapan',
    'optimalisasi', 'pendampingan', 'pengembangan', 'penatausahaan', 'perencanaan', 'monitoring',
    'pemberdayaan', 'rapat-rapat', 'pendidikan', 'publikasi', 'meningkatknya',
  ],
  indikator: [
    'persentase', 'prosentase', 'presentase', 'jumlah', 'tingkat', 'indeks', 'nilai', 'rasio', 'rata-rata',
    'cakupan', 'capaian', 'angka', 'ketersediaan', 'kualitas', 'predikat', 'opini', 'waktu', 'banyaknya',
    'laporan', 'dokumen', 'kegiatan', 'pelayanan', 'usulan', 'sosialisasi', 'pelaksanaan',
  ],
  formulasi: [
    'jumlah', '➢', 'formulasinya', 'formulasi', 'realisasi', 'membandingkan', 'nilai', 'total', 'hasil',
    'pelaksanaan', 'rumus', 'σ', '∑', '(', 'banyaknya', 'target',
  ],
  penanggungJawab: [
    'kasi', 'kasubbag', 'kasubag', 'kasub', 'sekretaris', 'sekcam', 'camat', 'kepala', 'lurah', 'seksi',
    'bendahara', 'kabid', 'kabag', 'kasie', 'staf', 'pengelola', 'subbag', 'sub',
  ],
  sumberData: [
    'laporan', 'data', 'dokumen', 'dpa', 'renstra', 'lkip', 'lakip', 'buku', 'daftar', 'sub', 'subag', 'subbag',
    'seksi', 'seluruh', 'dinas', 'sk', 'hasil', 'responden', 'bagian', 'kasi', 'sekretaris', 'kasubbag',
    'register', 'arsip', 'aplikasi', 'sistem', 'bps', '-',
  ],
  keterangan: [],
};

/** Words frequent anywhere in the column. */
export const BODY_WORDS: Partial<Record<ColumnRole, readonly string[]>> = {
  formulasi: [
    'dibagi', 'x', '×', '100', '%', 'dibanding', 'dibandingkan', 'dengan', 'target', 'yang', 'formulasinya',
    'dikali', 'jumlah', 'realisasi', '/', 'membandingkan',
  ],
  penanggungJawab: ['kasi', 'kasubbag', 'seksi', 'sub', 'bagian', 'bag', 'umum', 'kepegawaian', 'sekretaris'],
  sumberData: ['laporan', 'data', 'dokumen', 'renstra', 'iku', 'lkip', 'dpa', 'kinerja', 'keuangan', 'perjanjian'],
};

/** After these words a cell does not end (Indonesian function words). */
export const NO_BREAK_AFTER = new Set([
  'dan', 'yang', 'yg', 'di', 'ke', 'dari', 'dengan', 'untuk', 'pada', 'dalam', 'serta', 'atau', 'oleh',
  'terhadap', 'sesuai', 'bagi', 'akan', 'para', 'se', 'secara', 'tentang', 'melalui', 'antara', 'per',
  'dibagi', 'dikali', 'x', 'dibanding', 'dibandingkan', '/', '&', ',',
]);
