/** flagSection: all rules together, the listing order, extra rules and rule failures. */
import { describe, expect, it } from 'vitest';
import { FlagCode } from '../../src/contract/schema.js';
import { IkiError } from '../../src/errors.js';
import { SEVERITY } from '../../src/flags/flag.js';
import { flagSection, RULES, type SectionRule } from '../../src/flags/index.js';
import { countFormula, keys, row, section } from './draft.js';

const messy = section(
  {
    indikator: [
      row({ no: '1', indikator: 'Jumlah desa UCI', satuan: '%', target: { '2021': 2, '2022': 3 } }),
      row({ no: '2', indikator: 'Cakupan desa UCI', formulasi: null, formula: null, sumberData: [] }),
      row({
        no: '3',
        indikator: 'Persentase desa UCI',
        formula: countFormula('Jumlah desa'),
        target: { '2021': 1 },
      }),
    ],
    penandatangan: [
      { nama: null, nip: null, jabatan: 'KEPALA DINAS KESEHATAN' },
      { nama: 'ANDREAS NGGADAS', nip: '19751231200012100', jabatan: 'SEKRETARIS' },
    ],
  },
  { dateLine: 'Ende, ..... Januari 2022', yearColumns: ['2021', '2022'], unparsed: ['Paraf: ____'] },
);

describe('flagSection', () => {
  it('lists rows by index (rule order within a row), then signers, the date line, the rest', () => {
    expect(keys(flagSection(messy))).toEqual([
      'RATIO_FOR_COUNT_NAME indikator[0].formula',
      'TARGET_UNIT_MISMATCH indikator[0].target',
      'TARGET_MISSING_YEAR indikator[1].target.2021',
      'TARGET_MISSING_YEAR indikator[1].target.2022',
      'MISSING_FIELD indikator[1].formulasi',
      'MISSING_FIELD indikator[1].sumberData',
      'PERCENT_NAME_NOT_RATIO indikator[2].formula',
      'TARGET_MISSING_YEAR indikator[2].target.2022',
      'UNSIGNED penandatangan[0]',
      'INVALID_NIP penandatangan[1].nip',
      'INCOMPLETE_DATE tanggal',
      'UNPARSED_TEXT null',
    ]);
  });

  it('lists an extra rule’s flags after the built-in flags of the same row', () => {
    const spelling: SectionRule = () => [
      {
        code: 'SPELLING_VARIANT',
        severity: 'info',
        path: 'indikator[0].indikator',
        message: 'm',
        suggestion: 's',
      },
    ];
    const codes = keys(flagSection(messy, [spelling]));
    expect(codes.indexOf('SPELLING_VARIANT indikator[0].indikator')).toBe(2);
  });

  it('wraps a failing rule in a typed error of the flags stage', () => {
    const broken: SectionRule = function brokenRule() {
      throw new Error('boom');
    };
    expect(() => flagSection(messy, [broken])).toThrow(IkiError);
    try {
      flagSection(messy, [broken]);
    } catch (err) {
      expect((err as IkiError).stage).toBe('flags');
      expect((err as IkiError).message).toContain('brokenRule');
    }
  });

  it('raises nothing for a clean section', () => {
    expect(flagSection(section())).toEqual([]);
  });
});

describe('RULES', () => {
  it('covers every contract section code except SPELLING_VARIANT, once each, with the contract severity', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const expected = Object.keys(SEVERITY).filter((c) => c !== 'SPELLING_VARIANT');
    expect([...codes].sort()).toEqual(expected.sort());
    for (const rule of RULES) {
      expect(FlagCode.options).toContain(rule.code);
      expect(rule.severity).toBe(SEVERITY[rule.code as keyof typeof SEVERITY]);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });
});
