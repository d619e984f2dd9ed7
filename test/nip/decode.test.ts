import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNip, extractNip } from '../../src/nip/decode.js';

/** Digits in NIP-like groups, so that the decoding paths are exercised, not only the length check. */
const nipLike = fc
  .array(fc.constantFrom('0', '1', '2', '3', '9', ' ', '.'), { minLength: 16, maxLength: 22 })
  .map((chars) => chars.join(''));

describe('decodeNip', () => {
  it('decodes a valid NIP printed in groups with its label', () => {
    expect(decodeNip('NIP. 19830512 200903 2 007')).toEqual({
      digits: '198305122009032007',
      birthDate: '1983-05-12',
      appointment: { year: 2009, month: 3 },
      sex: 'P',
      problems: [],
    });
    expect(decodeNip('19830512.200903.1.007').sex).toBe('L');
  });

  it('reports 17 digits without decoding the parts', () => {
    const info = decodeNip('19830512 200903 2 00');
    expect(info.digits).toBe('19830512200903200');
    expect(info.birthDate).toBeNull();
    expect(info.problems).toEqual(['it has 17 digits, not 18']);
  });

  it('reports appointment month 13', () => {
    const info = decodeNip('198305122009132007');
    expect(info.appointment).toBeNull();
    expect(info.problems).toEqual([expect.stringContaining('appointment month 13')]);
  });

  it('reports an appointment before the 18th birthday, at month precision', () => {
    expect(decodeNip('198305122001032007').problems).toEqual([
      expect.stringContaining('before the 18th birthday'),
    ]);
    expect(decodeNip('198305122001042007').problems).toEqual([
      expect.stringContaining('before the 18th birthday'),
    ]);
    expect(decodeNip('198305122001052007').problems).toEqual([]);
  });

  it('reports sex digit 3', () => {
    const info = decodeNip('198305122009033007');
    expect(info.sex).toBeNull();
    expect(info.problems).toEqual([expect.stringContaining('sex digit 3')]);
  });

  it('reports 30 February but accepts 29 February of a leap year', () => {
    expect(decodeNip('198302302009032007').problems).toEqual([
      expect.stringContaining('birth date 19830230'),
    ]);
    expect(decodeNip('198402292009032007').birthDate).toBe('1984-02-29');
    expect(decodeNip('198302292009032007').birthDate).toBeNull();
  });

  it('reports letters (an OCR misread) and empty input', () => {
    expect(decodeNip('1983O512 200903 2 007')).toMatchObject({
      digits: null,
      problems: [expect.stringContaining('other than digits')],
    });
    expect(decodeNip('NIP.').problems).toEqual(['it holds no digits']);
  });

  it('never throws, and a NIP without problems has every part decoded', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), nipLike), (s) => {
        const info = decodeNip(s);
        if (info.problems.length === 0) {
          expect(info.digits).toMatch(/^\d{18}$/);
          expect(info.birthDate).not.toBeNull();
          expect(info.appointment).not.toBeNull();
          expect(info.sex).not.toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('extractNip', () => {
  it('finds the NIP in the usual signature-line spellings', () => {
    expect(extractNip('NIP. 19660122 198603 1 014')).toBe('196601221986031014');
    expect(extractNip('NIP : 19660122 198603 1 014')).toBe('196601221986031014');
    expect(extractNip('Nip.19660122198603 1 014')).toBe('196601221986031014');
    expect(extractNip('**NIP. 19660122 198603 1 014**')).toBe('196601221986031014');
    expect(extractNip('Pembina Tk. I / NIP. 19660122 198603 1 014')).toBe('196601221986031014');
    expect(extractNip('19660122 198603 1 014')).toBe('196601221986031014');
  });

  it('returns a labelled number even when it is short, and null when there is none', () => {
    expect(extractNip('NIP. 19660122 198603 1 01')).toBe('19660122198603101');
    expect(extractNip('NIP. -')).toBeNull();
    expect(extractNip('CAMAT WOLOWARU')).toBeNull();
    expect(extractNip('Jumlah 19660122 pegawai')).toBeNull();
  });

  it('never throws and stays fast on long input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const nip = extractNip(s);
        expect(nip === null || /^\d+$/.test(nip)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const start = performance.now();
    extractNip(`NIP ${'1 '.repeat(100_000)}x`);
    extractNip('9'.repeat(1_000_000));
    expect(performance.now() - start).toBeLessThan(3000); // hang guard
  });
});
