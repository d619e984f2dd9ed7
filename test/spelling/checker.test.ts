/**
 * Unit tests of the spelling rules with words not taken from the gold files, the flag shape,
 * the degraded mode without a dictionary, and a property test: any text, no throw, fast.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Flag } from '../../src/contract/schema.js';
import { emptyMeta, type SectionDraft } from '../../src/ir/section.js';
import {
  buildDocumentVocabulary,
  createSpellChecker,
  matchCase,
  spellingFlags,
  type SpellChecker,
} from '../../src/spelling/index.js';
import { boundedDistance, typoShape } from '../../src/spelling/edits.js';
import { derivationRoot } from '../../src/spelling/morphology.js';

let checker: SpellChecker;
let loadMs = 0;

beforeAll(() => {
  const t = performance.now();
  checker = createSpellChecker();
  loadMs = performance.now() - t;
});

/** The corrections the checker offers for a text, as "word→suggestion". */
function fixes(text: string, context?: Parameters<SpellChecker['findVariants']>[1]): string[] {
  return checker.findVariants(text, context).map((v) => `${v.word}→${v.suggestion}`);
}

describe('createSpellChecker', () => {
  it('loads the hunspell dictionary once and reuses it', () => {
    expect(checker.warnings).toEqual([]);
    expect(checker.dictionaryDir).not.toBeNull();
    // The same object: the dictionary is not loaded twice (speed is measured by the benchmarks).
    expect(createSpellChecker()).toBe(checker);
    console.log(`spell checker load: ${loadMs.toFixed(0)} ms`);
  });

  it('runs degraded with one warning when the dictionary is missing, never throwing', () => {
    const bare = createSpellChecker({ dictionaryDir: '/nonexistent/hunspell' });
    expect(bare.dictionaryDir).toBeNull();
    expect(bare.warnings).toHaveLength(1);
    expect(bare.warnings[0]).toMatch(/id_ID.*not found/);
    expect(bare.findVariants('Peningkatan kwalitas pelayanan').map((v) => v.suggestion)).toEqual([
      'kualitas',
    ]);
    expect(bare.findVariants('Persentase pegawai yang mengikuti pelatihan')).toEqual([]);
    expect(createSpellChecker({ dictionaryDir: '/nonexistent/hunspell' }).warnings).toHaveLength(1);
  });
});

describe('non-standard forms', () => {
  it.each([
    ['Peningkatan kwalitas pelayanan', 'kwalitas→kualitas'],
    ['Jumlah aktifitas posyandu', 'aktifitas→aktivitas'],
    ['Tingkat efektifitas anggaran', 'efektifitas→efektivitas'],
    ['Pengelolaan resiko bencana', 'resiko→risiko'],
    ['Jumlah ijin usaha yang diterbitkan', 'ijin→izin'],
    ['Laporan ANALISA JABATAN', 'ANALISA→ANALISIS'],
    ['Presentase desa mandiri', 'Presentase→Persentase'],
    ['Tingkat sensitifitas alat ukur', 'sensitifitas→sensitivitas'],
  ])('%s', (text, expected) => {
    expect(fixes(text)).toEqual([expected]);
  });

  it('fixes a non-standard form that carries an ending', () => {
    expect(fixes('Penanganan resikonya')).toEqual(['resikonya→risikonya']);
  });

  it('keeps a single k in pe-…-an nouns even where the dictionary accepts the double', () => {
    expect(fixes('Jumlah pembentukkan kelompok')).toEqual(['pembentukkan→pembentukan']);
    expect(fixes('Kegiatan menegakkan perda')).toEqual([]); // meN-…-kan does double the k
  });
});

describe('typos', () => {
  it.each([
    ['Rapat koordinsi lintas sektor', 'koordinsi→koordinasi'],
    ['Jumlah Kelurahaan yang dibina', 'Kelurahaan→Kelurahan'],
    ['Jumlah laporna yang disusun', 'laporna→laporan'],
    ['Persentase kegiatn yang terlaksana', 'kegiatn→kegiatan'],
    ['Tingkat ketertban umum', 'ketertban→ketertiban'],
    ['Pemeliharaan adminstrasi kependudukan', 'adminstrasi→administrasi'],
  ])('%s', (text, expected) => {
    expect(fixes(text)).toEqual([expected]);
  });

  it('corrects towards the word the document uses (two letters left out)', () => {
    const documentVocabulary = buildDocumentVocabulary([
      'Pelaksanaan kegiatan dan pelaksanaan program',
      'Laporan pelaksanaan anggaran',
    ]);
    expect(fixes('Realisasi pelaksaan kegiatan', { documentVocabulary })).toEqual(['pelaksaan→pelaksanaan']);
  });

  it('flags a short slip only when the document uses the word', () => {
    const documentVocabulary = buildDocumentVocabulary(['data yang ada', 'yang disusun', 'yang benar']);
    expect(fixes('Dokumen yagn disusun', { documentVocabulary })).toEqual(['yagn→yang']);
    expect(fixes('Dokumen yagn disusun')).toEqual([]);
  });

  it('reads a word cut short against the same row', () => {
    expect(
      fixes('Jumlah laporan Siskeude', { sameRowText: 'Persentase desa yang menginput Siskeudes' }),
    ).toEqual(['Siskeude→Siskeudes']);
  });

  it('joins a detached di- before a suffixed verb, not before a root or a place', () => {
    expect(fixes('Jumlah berkas yang di laksanakan')).toEqual(['di laksanakan→dilaksanakan']);
    expect(fixes('Di tindaklanjuti oleh camat')).toEqual(['Di tindaklanjuti→Ditindaklanjuti']);
    expect(fixes('rencana yang di susun')).toEqual([]);
    expect(fixes('rapat di kantor camat')).toEqual([]);
  });

  it('splits two words run together when one is a function word', () => {
    expect(fixes('Dana untukpelaksanaan kegiatan')).toEqual(['untukpelaksanaan→untuk pelaksanaan']);
    expect(fixes('Kelurahan Sukamaju')).toEqual([]); // two content words: a name
  });

  it('keeps the printed capitalisation', () => {
    expect(matchCase('Prosentase', 'persentase')).toBe('Persentase');
    expect(matchCase('PROSENTASE', 'persentase')).toBe('PERSENTASE');
    expect(matchCase('materai', 'meterai')).toBe('meterai');
    expect(matchCase('Di tangani', 'ditangani')).toBe('Ditangani');
  });
});

describe('not misspellings', () => {
  it.each([
    'Pelayanan e-KTP dan KTP-el',
    'Pembinaan UKS dan Posyandu',
    'Pembinaan LPTQ tingkat kecamatan',
    'Publikasi kegiatan pada media online dan offline',
    'Jumlah ASN yang mengikuti Bimtek',
    'Hasil survey dan index kepuasan',
    'Pengadaan computer, printer dan scanner',
    'Pelaksanaan patrol wilayah oleh Satpol PP dan Linmas',
    'Rapat Musrenbangdes, musrenbangdesa dan Musrenbangkel',
    'Jumlah APBDesa dan RPJMDes yang ditetapkan',
    'Jumlah kelancaran pelayanan yg diproses sesuai SOP, tdk lebih dari 3 hari',
    'Adm. Perkantoran dan Kec. Sungai Tabuk',
    'Pemeliharaan drainase dan gorong-gorong',
    'Jumlah kader PKK, Dasawisma dan Karang Taruna yang dibina',
    'Kegiatan Pokdarwis di Kecamatan Sanggau dan Kota Tahuna',
    'Capaian SAKIP dan LKjIP perangkat daerah',
    '\\frac{\\sum \\text{Pegawai} \\times 100\\%}{\\sum \\text{hari}}',
    'Ketersediaan dokumen yang terinventarisir, tersosialisasikan dan terdokumentasi',
    'Persentase desa yang difasilitasi dibagi jumlah desa dikali 100',
    'KECAMATAN BONTANG BARAT DAN KELURAHAN LOK TUAN',
  ])('%s', (text) => {
    expect(fixes(text)).toEqual([]);
  });

  it('takes a word the document keeps using as a term of its own', () => {
    const documentVocabulary = buildDocumentVocabulary([
      'Desa Sanggau',
      'Sanggau Ledo',
      'Sanggau',
      'Sanggau',
    ]);
    expect(fixes('Sanggau', { documentVocabulary })).toEqual([]);
  });
});

describe('spellingFlags', () => {
  function section(rows: { sasaran: string | null; indikator: string | null; formulasi: string | null }[]) {
    const s: SectionDraft = {
      title: null,
      kind: 'IKI',
      jabatan: null,
      unitKerja: null,
      lampiran: null,
      periode: null,
      tugas: [],
      fungsi: [],
      indikator: rows.map((r) => ({
        no: null,
        ...r,
        penjelasan: [],
        formula: null,
        target: {},
        satuan: null,
        penanggungJawab: null,
        sumberData: [],
        provenance: { page: null, bbox: null },
      })),
      penandatangan: [],
      tempat: null,
      tanggal: null,
      meta: emptyMeta(),
    };
    return s;
  }

  it('emits one info flag per misspelt word per cell, with path, message and suggestion', () => {
    const s = section([
      { sasaran: 'Meningkatnya kwalitas pelayanan', indikator: 'Prosentase desa', formulasi: null },
      {
        sasaran: 'Meningkatnya kwalitas pelayanan',
        indikator: 'Jumlah laporan',
        formulasi: 'Prosentase laporan dibagi prosentase target',
      },
    ]);
    const flags = spellingFlags(s, checker);
    for (const f of flags) expect(Flag.parse(f)).toEqual(f);
    expect(flags.map((f) => [f.path, f.suggestion])).toEqual([
      ['indikator[0].sasaran', 'kualitas'],
      ['indikator[0].indikator', 'Persentase'],
      ['indikator[1].sasaran', 'kualitas'],
      ['indikator[1].formulasi', 'Persentase'],
    ]);
    expect(flags[0]).toMatchObject({ code: 'SPELLING_VARIANT', severity: 'info' });
    expect(flags[0]!.message).toContain('"kwalitas"');
    expect(flags[0]!.message).toContain('"kualitas"');
  });

  it('flags nothing in clean rows and skips empty cells', () => {
    const s = section([{ sasaran: null, indikator: 'Persentase pegawai yang disiplin', formulasi: '' }]);
    expect(spellingFlags(s, checker)).toEqual([]);
  });
});

describe('buildDocumentVocabulary', () => {
  it('counts lower-case words, hyphenated words by their parts', () => {
    const v = buildDocumentVocabulary(['Rapat-rapat yang', 'YANG dan yang']);
    expect(v.get('yang')).toBe(3);
    expect(v.get('rapat')).toBe(2);
    expect(v.get('dan')).toBe(1);
  });
});

describe('building blocks', () => {
  it('measures capped edit distance and typo shapes', () => {
    expect(boundedDistance('kuris', 'kursi', 2)).toBe(1);
    expect(boundedDistance('pelaksaan', 'pelaksanaan', 2)).toBe(2);
    expect(boundedDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(typoShape('kuris', 'kursi', 1)).toBe('transposition');
    expect(typoShape('evalluasi', 'evaluasi', 1)).toBe('doubled');
    expect(typoShape('yag', 'yang', 1)).toBe('dropped');
    expect(typoShape('pelaksaan', 'pelaksanaan', 2)).toBe('skipped-pair');
  });

  it('strips regular affixes down to a known root', () => {
    const known = new Set(['fasilitasi', 'daya', 'seluruh', 'penduduk']);
    const isRoot = (w: string): boolean => known.has(w);
    expect(derivationRoot('difasilitasi', isRoot)).toBe('fasilitasi');
    expect(derivationRoot('diberdayakan', isRoot)).toBe('daya');
    expect(derivationRoot('keseluruhannya', isRoot)).toBe('seluruh');
    expect(derivationRoot('kependudukan', isRoot)).toBe('penduduk');
    expect(derivationRoot('kecamatab', isRoot)).toBeNull();
  });
});

describe('properties', () => {
  const WORDISH = fc
    .array(
      fc.constantFrom(
        'di',
        'pe',
        'ng',
        'ka',
        'ta',
        'an',
        'yag',
        'Pros',
        'entase',
        '-',
        ' ',
        '.',
        '\\',
        '1',
        'X',
        'É',
        'ü',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('never throws and stays fast on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), WORDISH), (text) => {
        const t = performance.now();
        const out = checker.findVariants(text, {
          sameRowText: text,
          documentVocabulary: new Map([[text, 1]]),
        });
        expect(Array.isArray(out)).toBe(true);
        for (const v of out) expect(typeof v.suggestion).toBe('string');
        expect(performance.now() - t).toBeLessThan(5000);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on a huge token and a large document vocabulary', () => {
    const big = buildDocumentVocabulary(
      Array.from(
        { length: 20_000 },
        (_, i) => `kata${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`,
      ),
    );
    const t = performance.now();
    expect(checker.findVariants('a'.repeat(10_000) + ' ' + 'kegiatan'.repeat(50))).toEqual([]);
    const long = 'Jumlah pegawai yang di tangani dibagi jumlah pegawia X 100 %. '.repeat(1_600); // ~100 KB
    expect(checker.findVariants(long)).toHaveLength(3_200);
    checker.findVariants('Jumlah kataabcx dan kegiatn pegawaii', { documentVocabulary: big });
    expect(performance.now() - t).toBeLessThan(20000);
  });

  it('costs little per word (fresh words and cached words)', () => {
    const fresh = Array.from(
      { length: 200 },
      (_, i) => `kegiat${String.fromCharCode(97 + (i % 26))}n${i.toString(36).replace(/\d/g, 'q')}`,
    );
    let t = performance.now();
    for (const w of fresh) checker.findVariants(w);
    const freshMs = (performance.now() - t) / fresh.length;
    const sentence = 'Persentase pegawai yang mengikuti pelatihan dibagi jumlah pegawai dikali 100';
    t = performance.now();
    for (let i = 0; i < 2000; i++) checker.findVariants(sentence);
    const cachedMs = (performance.now() - t) / 2000 / 10;
    console.log(`spelling cost per word: fresh ${freshMs.toFixed(3)} ms, cached ${cachedMs.toFixed(4)} ms`);
    expect(freshMs).toBeLessThan(200); // a hang guard; speed itself is for the benchmarks
    expect(cachedMs).toBeLessThan(5);
  });
});
