/** One small block per rule, with wording from other offices than the gold documents. */
import { describe, expect, it } from 'vitest';
import { Flag } from '../../src/contract/schema.js';
import { duplicateIndicator } from '../../src/flags/rules/duplicate-indicator.js';
import { formulaRestatesIndicator } from '../../src/flags/rules/formula-restates-indicator.js';
import { incompleteDate } from '../../src/flags/rules/incomplete-date.js';
import { invalidNip } from '../../src/flags/rules/invalid-nip.js';
import { lowOcrConfidence } from '../../src/flags/rules/low-ocr-confidence.js';
import { missingField } from '../../src/flags/rules/missing-field.js';
import { percentNameNotRatio } from '../../src/flags/rules/percent-name-not-ratio.js';
import { ratioForCountName } from '../../src/flags/rules/ratio-for-count-name.js';
import { targetExceeds100Percent } from '../../src/flags/rules/target-exceeds-100-percent.js';
import { targetMissingYear } from '../../src/flags/rules/target-missing-year.js';
import { targetUnitMismatch } from '../../src/flags/rules/target-unit-mismatch.js';
import { unparsedText } from '../../src/flags/rules/unparsed-text.js';
import { unsigned } from '../../src/flags/rules/unsigned.js';
import { countFormula, keys, plainFormula, row, section } from './draft.js';

describe('MISSING_FIELD', () => {
  it('flags each empty required cell, treating a dash as empty', () => {
    const s = section({
      indikator: [
        row(),
        row({ no: '2', indikator: '-', formulasi: null, formula: null, sumberData: ['', ' - '] }),
      ],
    });
    const flags = missingField(s);
    expect(keys(flags)).toEqual([
      'MISSING_FIELD indikator[1].indikator',
      'MISSING_FIELD indikator[1].formulasi',
      'MISSING_FIELD indikator[1].sumberData',
    ]);
    expect(flags.every((f) => f.severity === 'warning' && f.message.includes('row no 2'))).toBe(true);
    expect(() => flags.map((f) => Flag.parse(f))).not.toThrow();
  });

  it('names the row by index when the table has no NO column', () => {
    const [flag] = missingField(section({ indikator: [row({ no: null, sumberData: [] })] }));
    expect(flag?.message).toContain('indikator[0]');
    expect(flag?.message).not.toContain('row no');
  });
});

describe('PERCENT_NAME_NOT_RATIO', () => {
  const named = (indikator: string, formula: ReturnType<typeof countFormula>) =>
    percentNameNotRatio(
      section({ indikator: [row({ indikator, formula, formulasi: 'Jumlah balita ditimbang' })] }),
    );

  it('flags percent words in any common spelling when the formula is not a ratio', () => {
    for (const name of [
      'Prosentase balita gizi buruk yang ditangani',
      'Presentase desa siaga aktif',
      'Prsentase ibu hamil K4',
      'PERSENTASI rumah tangga ber-PHBS',
      '1. Persentase sekolah sehat',
    ]) {
      expect(keys(named(name, countFormula('Jumlah balita ditimbang'))), name).toEqual([
        'PERCENT_NAME_NOT_RATIO indikator[0].formula',
      ]);
    }
    expect(named('Persentase kepuasan pasien', plainFormula('score'))[0]?.message).toContain('score');
  });

  it('leaves ratios, "Tingkat …", "Presentasi" (a presentation) and rows without a formula alone', () => {
    expect(named('Persentase puskesmas terakreditasi', row().formula)).toEqual([]);
    expect(named('Tingkat kepuasan pasien rawat inap', plainFormula('score'))).toEqual([]);
    expect(named('Presentasi hasil kinerja triwulan', plainFormula('text'))).toEqual([]);
    expect(named('Persentase desa ODF', null)).toEqual([]);
  });
});

describe('RATIO_FOR_COUNT_NAME', () => {
  it('flags "Jumlah …" with a ratio × 100, not a ratio without scale', () => {
    const ratio = row().formula;
    const noScale = ratio && { ...ratio, scale: null, unit: null };
    const s = section({
      indikator: [
        row({ indikator: 'Jumlah posyandu purnama', formula: ratio }),
        row({ indikator: 'Jumlah kader terlatih', formula: noScale }),
        row({ indikator: '2. jumlah desa ODF', formula: ratio }),
        row({ indikator: 'Banyaknya desa ODF', formula: ratio }),
      ],
    });
    expect(keys(ratioForCountName(s))).toEqual([
      'RATIO_FOR_COUNT_NAME indikator[0].formula',
      'RATIO_FOR_COUNT_NAME indikator[2].formula',
    ]);
  });
});

describe('TARGET_EXCEEDS_100_PERCENT', () => {
  it('flags each percentage target above 100, numeric or printed with "%"', () => {
    const s = section({
      indikator: [
        row({ satuan: '%', target: { '2021': 95, '2022': 120, '2023': '105 %', '2024': 100 } }),
        row({ satuan: null, target: { '2021': 300 } }),
      ],
    });
    const flags = targetExceeds100Percent(s);
    expect(keys(flags)).toEqual([
      'TARGET_EXCEEDS_100_PERCENT indikator[0].target.2022',
      'TARGET_EXCEEDS_100_PERCENT indikator[0].target.2023',
    ]);
    expect(flags[0]?.severity).toBe('error');
    expect(flags[0]?.message).toContain('120');
  });
});

describe('TARGET_UNIT_MISMATCH', () => {
  const check = (over: Parameters<typeof row>[0]) =>
    keys(targetUnitMismatch(section({ indikator: [row(over)] })));

  it('flags percentages that all read as counts (1–5)', () => {
    expect(check({ satuan: '%', target: { '2021': 1, '2022': 3, '2023': 5 } })).toEqual([
      'TARGET_UNIT_MISMATCH indikator[0].target',
    ]);
    expect(check({ satuan: '%', target: { '2021': 2, '2022': 60 } })).toEqual([]);
    expect(check({ satuan: '%', target: { '2021': 0, '2022': 2 } })).toEqual([]);
    expect(check({ satuan: null, target: { '2021': 2 } })).toEqual([]);
  });

  it('flags a count formula whose targets print "%"', () => {
    const count = countFormula('Jumlah kunjungan rumah');
    expect(check({ indikator: 'Kunjungan rumah', formula: count, target: { '2021': '80%' } })).toEqual([
      'TARGET_UNIT_MISMATCH indikator[0].target',
    ]);
    expect(
      check({ indikator: 'Kunjungan rumah', formula: count, satuan: '%', target: { '2021': 80 } }),
    ).toEqual(['TARGET_UNIT_MISMATCH indikator[0].target']);
    expect(check({ indikator: 'Kunjungan rumah', formula: count, target: { '2021': 80 } })).toEqual([]);
    expect(check({ indikator: 'Kunjungan rumah', formula: count, satuan: '%', target: {} })).toEqual([]);
  });
});

describe('TARGET_MISSING_YEAR', () => {
  it('flags each year column whose cell is empty or a dash; 0 is a target', () => {
    const s = section(
      { indikator: [row({ target: { '2021': 80, '2023': '-', '2024': 0 } })] },
      { yearColumns: ['2021', '2022', '2023', '2024'] },
    );
    expect(keys(targetMissingYear(s))).toEqual([
      'TARGET_MISSING_YEAR indikator[0].target.2022',
      'TARGET_MISSING_YEAR indikator[0].target.2023',
    ]);
  });

  it('says nothing when the table has no year columns', () => {
    expect(targetMissingYear(section({ indikator: [row({ target: {} })] }))).toEqual([]);
  });
});

describe('FORMULA_RESTATES_INDICATOR', () => {
  it('matches after case, punctuation, spacing and a leading "Jumlah"', () => {
    const s = section({
      indikator: [
        row({
          indikator: 'Kunjungan pasien rawat-jalan.',
          formulasi: 'Jumlah  kunjungan pasien rawat jalan',
        }),
        row({ indikator: 'Jumlah kader posyandu aktif', formulasi: 'Jumlah kader posyandu yang aktif' }),
        row({ indikator: 'Jumlah', formulasi: 'Jumlah' }),
      ],
    });
    const flags = formulaRestatesIndicator(s);
    expect(keys(flags)).toEqual(['FORMULA_RESTATES_INDICATOR indikator[0].formulasi']);
    expect(flags[0]?.severity).toBe('info');
    expect(flags[0]?.message).toContain('apart from a leading "Jumlah"');
  });
});

describe('DUPLICATE_INDICATOR', () => {
  it('flags a later row with the same normalised indikator, naming the first', () => {
    const s = section({
      indikator: [
        row({ no: '1', indikator: 'Cakupan imunisasi dasar lengkap' }),
        row({ no: '2', indikator: 'Cakupan ASI eksklusif' }),
        row({ no: '3', indikator: 'cakupan imunisasi  dasar lengkap.' }),
        row({ no: '4', indikator: null }),
        row({ no: '5', indikator: null }),
      ],
    });
    const flags = duplicateIndicator(s);
    expect(keys(flags)).toEqual(['DUPLICATE_INDICATOR indikator[2].indikator']);
    expect(flags[0]?.message).toContain('row no 1 (indikator[0])');
  });
});

describe('INVALID_NIP', () => {
  const signer = (nip: string | null) => ({ nama: 'dr. SITI AMINAH, M.Kes', nip, jabatan: 'KEPALA DINAS' });

  it('flags an impossible NIP with its reasons and leaves valid or absent ones alone', () => {
    const s = section({
      penandatangan: [
        signer('198003152005012003'),
        signer('19800315200501200'),
        signer(null),
        signer('198013152005013003'),
      ],
    });
    const flags = invalidNip(s);
    expect(keys(flags)).toEqual(['INVALID_NIP penandatangan[1].nip', 'INVALID_NIP penandatangan[3].nip']);
    expect(flags[0]?.message).toContain('17 digits');
    expect(flags[1]?.message).toMatch(/birth date.*sex digit 3/);
    expect(flags[1]?.severity).toBe('error');
  });
});

describe('UNSIGNED', () => {
  it('flags a titled block without a name, quoting what was printed', () => {
    const s = section(
      {
        penandatangan: [
          { nama: null, nip: null, jabatan: 'KEPALA PUSKESMAS WOLOWARU' },
          { nama: '..................', nip: '198003152005012003', jabatan: 'KEPALA TATA USAHA' },
          { nama: 'YOHANES DUA, S.KM', nip: null, jabatan: 'PENGELOLA PROGRAM' },
          { nama: null, nip: null, jabatan: null },
        ],
      },
      { signatureLines: ['( ____________ )', '..................', 'YOHANES DUA, S.KM', null] },
    );
    const flags = unsigned(s);
    expect(keys(flags)).toEqual(['UNSIGNED penandatangan[0]', 'UNSIGNED penandatangan[1]']);
    expect(flags[0]?.message).toBe(
      'Signature block "KEPALA PUSKESMAS WOLOWARU" has no name or NIP (printed "( ____________ )").',
    );
    expect(flags[1]?.message).toContain('has no name (printed');
    expect(flags[1]?.suggestion).toBe("Obtain the signer's name.");
  });
});

describe('INCOMPLETE_DATE', () => {
  const check = (dateLine: string | null) => incompleteDate(section({}, { dateLine }));

  it('flags blank days and months and names the blank parts', () => {
    expect(check('Ende, ........ 2021')[0]?.message).toBe(
      'Place-and-date line "Ende, ........ 2021" has a blank day and month.',
    );
    expect(check('Kupang,      Maret 2021')[0]?.message).toContain('blank day.');
    expect(check('Maumere, 14 ……… 2020')[0]?.message).toContain('blank month.');
    expect(keys(check('Ende, ........ 2021'))).toEqual(['INCOMPLETE_DATE tanggal']);
  });

  it('still reads the date of an unusual place name, and passes full dates and no line', () => {
    expect(keys(check('kec. wolowaru kab ende, .....2022'))).toEqual(['INCOMPLETE_DATE tanggal']);
    expect(check('Kupang, 12 Maret 2021')).toEqual([]);
    expect(check('Kupang, 12-03-2021')).toEqual([]);
    expect(check(null)).toEqual([]);
  });
});

describe('LOW_OCR_CONFIDENCE', () => {
  it('turns each low-confidence cell into a warning quoting the value', () => {
    const s = section({}, { lowConfidence: [{ path: 'indikator[0].formulasi', confidence: 42.4 }] });
    const [flag, ...rest] = lowOcrConfidence(s);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({
      code: 'LOW_OCR_CONFIDENCE',
      severity: 'warning',
      path: 'indikator[0].formulasi',
    });
    expect(flag?.message).toContain('42%');
    expect(flag?.message).toContain('Jumlah puskesmas terakreditasi');
  });
});

describe('UNPARSED_TEXT', () => {
  it('quotes each piece of unassigned text, skipping blank ones', () => {
    const flags = unparsedText(section({}, { unparsed: ['Keterangan: data sementara triwulan III', '  '] }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'UNPARSED_TEXT', severity: 'info', path: null });
    expect(flags[0]?.message).toContain('"Keterangan: data sementara triwulan III"');
  });
});
