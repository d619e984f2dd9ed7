/**
 * Named vocabularies of the formula normaliser. Every word is lower-case and matched against one
 * whole token, so "per" never matches inside "persentase" and "x" never inside "xerox".
 * Keep these lists general (how Indonesian IKI/IKU forms phrase formulas), never one document's wording.
 */

const words = (...list: string[]): ReadonlySet<string> => new Set(list);

/** Infix words meaning "divided by" / "compared with": "A dibagi B", "A dibanding(kan) B". */
export const DIVISION_WORDS = words('dibagi', 'dibanding', 'dibandingkan', 'berbanding', 'dibandingan');

/** Infix symbols meaning "divided by" (the slash is handled apart: it also joins alternatives). */
export const DIVISION_SYMBOLS = words('÷', '∶');

/** Words after a division word that belong to the operator, not to the denominator ("dibagi dengan"). */
export const DIVISION_CONNECTORS = words('dengan', 'oleh', 'terhadap', 'atas');

/** Verbs and nouns that introduce "A dan/dengan B" as a comparison: "Membandingkan A dan B". */
export const COMPARISON_WORDS = words('membandingkan', 'perbandingan', 'rasio', 'membagi');

/** Words right after a comparison word that introduce its first operand ("perbandingan antara A …"). */
export const COMPARISON_LEADS = words('antara');

/** Connectors between the two operands of a comparison, most specific first. */
export const COMPARISON_CONNECTORS = ['terhadap', 'dengan', 'oleh'] as const;

/** The weakest comparison connector: "dan" also joins nouns inside one operand ("sarana dan prasarana"). */
export const COMPARISON_AND = 'dan';

/** "A per B" reads as a division (the contract lists it). */
export const PER_WORD = 'per';

/**
 * Words that open a new quantity. A slash followed by one of them divides two quantities
 * ("… sesuai SOP/Jumlah pelayanan …"); a slash followed by anything else may join alternatives.
 */
export const QUANTITY_HEADS = words(
  'jumlah',
  'jml',
  'jumlahnya',
  'banyaknya',
  'total',
  'target',
  'seluruh',
  'keseluruhan',
  'σ',
  '∑',
);

/**
 * Function words and quantity words, ignored when checking whether both sides of a slash count the
 * same thing ("kasus yang diselesaikan / kasus yang masuk" share "kasus").
 */
export const FUNCTION_WORDS = words(
  'yang',
  'yg',
  'dan',
  'atau',
  'di',
  'ke',
  'dari',
  'dengan',
  'dalam',
  'untuk',
  'pada',
  'oleh',
  'sesuai',
  'tepat',
  'jumlah',
  'jml',
  'banyaknya',
  'total',
  'target',
  'seluruh',
  'keseluruhan',
);

/** Words meaning "multiplied by" in a scale ("dikali 100", "x 100 %", "× 100%"). */
export const MULTIPLY_WORDS = words('x', 'dikali', 'dikalikan', 'kali', 'times');

/** Symbols meaning "multiplied by". */
export const MULTIPLY_SYMBOLS = words('×', '*', '·', '∙');

/** Words written between a multiplier and its number ("dikalikan dengan 100"). */
export const SCALE_CONNECTORS = words('dengan');

/** Words printed instead of the "%" sign. */
export const PERCENT_WORDS = words('persen', 'prosen', 'percent');

/** Arithmetic words other than division (the scale's "dikali 100" is removed before this is read). */
export const ARITHMETIC_WORDS = words(
  'ditambah',
  'ditambahkan',
  'dikurangi',
  'dikurangkan',
  'dikali',
  'dikalikan',
);

/** Arithmetic symbols other than division. The hyphen counts only when spaced ("a - b", not "e-KTP"). */
export const ARITHMETIC_SYMBOLS = words('+', '−', '×', '*', '·', '∙', '-');

/**
 * Words after "N x" that make it a frequency, not a product: "4 x setahun", "12 x dalam setahun",
 * "1 x 24 jam". Words starting with "se" (setahun, sebulan, seminggu) are frequencies too.
 */
export const PERIOD_WORDS = words(
  'dalam',
  'per',
  'tiap',
  'setiap',
  'jam',
  'hari',
  'minggu',
  'bulan',
  'tahun',
);

/** A word starting with this prefix after "N x" is a period ("setahun", "sebulan"). */
export const PERIOD_PREFIX = 'se';

/** Words that open a plain count: "Jumlah …", "Banyaknya …". */
export const COUNT_HEADS = words('jumlah', 'jml', 'banyaknya', 'banyak', 'total', 'σ', '∑');

/** Words that open a value read from an assessment: "Nilai SKM …", "Indeks Kepuasan …". */
export const SCORE_HEADS = words(
  'nilai',
  'indeks',
  'indek',
  'index',
  'skor',
  'score',
  'predikat',
  'opini',
  'peringkat',
  // Well-known assessment acronyms: Indeks/Survei Kepuasan Masyarakat, Indeks Desa Membangun.
  'ikm',
  'skm',
  'idm',
);

/** "Hasil …" is a score when followed by one of these: "Hasil Survey …", "Hasil Penilaian …". */
export const ASSESSMENT_WORDS = words(
  'survey',
  'survei',
  'penilaian',
  'evaluasi',
  'pengukuran',
  'audit',
  'reviu',
  'review',
  'asesmen',
  'assessment',
  'akreditasi',
  'pemeriksaan',
);

/** The word "Hasil" ("result of"), which makes an assessment word a score. */
export const RESULT_WORD = 'hasil';

/** A survey word opens a score by itself when followed by one of these ("Survei Kepuasan …"). */
export const SURVEY_SUBJECTS = words('kepuasan', 'ikm', 'skm', 'indeks');

/** Survey words ("Survei Kepuasan Masyarakat"). */
export const SURVEY_WORDS = words('survey', 'survei');

/** Qualifiers that may precede a score head: "Rata-rata nilai SKP", "Capaian nilai SAKIP". */
export const SCORE_QUALIFIERS = words('rata-rata', 'rata2', 'rerata', 'capaian', 'besaran', 'perolehan');

/** Labels before a colon or "=" that only announce the formula: "Rumus : …". */
export const LABEL_WORDS = words(
  'rumus',
  'rumusnya',
  'formula',
  'formulasi',
  'formulasinya',
  'perhitungan',
  'penghitungan',
  'cara',
  'menghitung',
  'dihitung',
  'dengan',
);

/** Words that open an explanation of the symbols after the formula: "… dimana A = …". */
export const WHERE_WORDS = words('dimana', 'keterangan', 'ket', 'catatan');

/** Month names: "per 31 Desember" is a date ("as of"), not a division. */
export const MONTH_WORDS = words(
  'januari',
  'februari',
  'pebruari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'nopember',
  'desember',
);
