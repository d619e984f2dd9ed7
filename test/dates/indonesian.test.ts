import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIndonesianDate, parsePlaceDateLine } from '../../src/dates/indonesian.js';
import { INDONESIAN_MONTH_NAMES } from '../../src/dates/months.js';

describe('parseIndonesianDate', () => {
  it.each([
    ['17 Agustus 2021', '2021-08-17'],
    ['17-08-2021', '2021-08-17'],
    ['17/8/2021', '2021-08-17'],
    ['17.08.2021', '2021-08-17'],
    ['2 Pebruari 2020', '2020-02-02'],
    ['9 Nopember 2019', '2019-11-09'],
    ['12 Agt. 2022', '2022-08-12'],
    ['1 Des 2020', '2020-12-01'],
    ['5 Sept 2019', '2019-09-05'],
    ['October 5, 2019', '2019-10-05'],
    ['Kamis, 4 Maret 2021', '2021-03-04'],
    ['tanggal 29 Februari 2024', '2024-02-29'],
    ['  3 Juni 2021.', '2021-06-03'],
    ['2021-06-03', '2021-06-03'],
    ['14 Agustis 2021', '2021-08-14'],
    ['3 Septmber 2020', '2020-09-03'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseIndonesianDate(text)).toMatchObject({ iso, blank: false });
  });

  it('reads a month and year, or a month alone, without inventing a day', () => {
    expect(parseIndonesianDate('Mei 2018')).toMatchObject({
      iso: null,
      blank: false,
      year: 2018,
      month: 5,
      day: null,
    });
    expect(parseIndonesianDate('Agustus')).toMatchObject({ iso: null, blank: false, year: null, month: 8 });
  });

  it.each([
    ['.....2019', ['day', 'month']],
    ['…… 2019', ['day', 'month']],
    ['___________ 2023', ['day', 'month']],
    ['   Januari 2019', ['day']],
    ['..... Januari 2019', ['day']],
    ['14 ......... 2020', ['month']],
    ['14         2020', ['month']],
    ['17 Agustus ....', ['year']],
  ])('reads the blank %j (blank %j)', (text, parts) => {
    const d = parseIndonesianDate(text);
    expect(d.iso).toBeNull();
    expect(d.blank).toBe(true);
    expect(d.blankParts).toEqual(parts);
  });

  it('keeps the year of a blank date', () => {
    expect(parseIndonesianDate('.....2019').year).toBe(2019);
  });

  it('reads nothing into prose that starts with a date', () => {
    expect(parseIndonesianDate(`17 Agustus 2021 ${'adalah hari kemerdekaan '.repeat(5)}`).iso).toBeNull();
  });

  it('rejects impossible dates and text that is not a date', () => {
    expect(parseIndonesianDate('30 Februari 2021')).toMatchObject({ iso: null, blank: false, year: 2021 });
    expect(parseIndonesianDate('31/04/2021').iso).toBeNull();
    expect(parseIndonesianDate('17-13-2021').iso).toBeNull();
    for (const text of ['Jumlah pegawai', 'Rp 2.500.000', '', '100 %', '17 Agustus 1402']) {
      expect(parseIndonesianDate(text), text).toMatchObject({ iso: null, blank: false });
    }
  });

  it('reads every real date written with an Indonesian month name', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const text = `${d} ${INDONESIAN_MONTH_NAMES[m - 1]} ${y}`;
          expect(parseIndonesianDate(text).iso).toBe(date.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parsePlaceDateLine', () => {
  it('splits place and date', () => {
    expect(parsePlaceDateLine('Maumere, 14 Juli 2021')).toEqual({
      tempat: 'Maumere',
      tanggal: '2021-07-14',
      blank: false,
      blankParts: [],
      raw: 'Maumere, 14 Juli 2021',
    });
    expect(parsePlaceDateLine('  Kota Baru, 1 Mei 2020  ')?.tempat).toBe('Kota Baru');
    expect(parsePlaceDateLine('**Labuan Bajo, 02-01-2022**')?.tanggal).toBe('2022-01-02');
    expect(parsePlaceDateLine('Bontang, 2 Januari 2023 M')?.tanggal).toBe('2023-01-02');
    expect(parsePlaceDateLine('Bontang, 2 Januari 2023 Malam')).toBeNull();
    expect(parsePlaceDateLine('Ditetapkan di Ruteng, 5 Sept 2019')).toMatchObject({
      tempat: 'Ruteng',
      tanggal: '2019-09-05',
    });
    expect(parsePlaceDateLine('Tanjung Selor, Kalimantan Utara, 9 Juni 2020')?.tempat).toBe(
      'Tanjung Selor, Kalimantan Utara',
    );
  });

  it('marks a blank or missing day or month', () => {
    expect(parsePlaceDateLine('Wolowaru, .....2019')).toMatchObject({
      tempat: 'Wolowaru',
      tanggal: null,
      blank: true,
      blankParts: ['day', 'month'],
    });
    expect(parsePlaceDateLine('Bajawa,   Januari 2020')).toMatchObject({ blank: true, blankParts: ['day'] });
    expect(parsePlaceDateLine('Bajawa, Januari 2020')).toMatchObject({ blank: true, blankParts: ['day'] });
  });

  it('returns null for lines that are not place-and-date lines', () => {
    for (const line of [
      'Jumlah pegawai, 2019 …',
      'Bajawa, 2019',
      'Kepala Dinas Kesehatan Kabupaten Ngada Provinsi Nusa Tenggara, 2 Mei 2020',
      'Meningkatnya kualitas pelayanan, sesuai SOP',
      'CAMAT WOLOWARU',
      ', 12 Mei 2020',
      'Pembina Tingkat I, NIP. 19660122 198603 1 014',
    ]) {
      expect(parsePlaceDateLine(line), line).toBeNull();
    }
  });
});

describe('date parsing on arbitrary text', () => {
  /** Fragments that reach the deeper paths of the tokenizer and shape table. */
  const fragment = fc.constantFrom(
    '30',
    '7',
    '2019',
    ' ',
    '   ',
    ',',
    '.',
    '.....',
    '…',
    '/',
    '-',
    'Mei',
    'Agt.',
    'Sept',
    'Bajawa',
    'Kota',
    'Senin',
    'x',
  );
  const dateish = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
  const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), dateish);

  it('never throws, and a date it returns is real', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const d = parseIndonesianDate(s);
        if (d.iso !== null) expect(Number.isNaN(Date.parse(d.iso))).toBe(false);
        const line = parsePlaceDateLine(s);
        if (line !== null) expect(line.tempat.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('finishes fast on long input', () => {
    const start = performance.now();
    for (const s of [
      '.'.repeat(200_000),
      `Bajawa, ${'1 '.repeat(100_000)}`,
      'a,'.repeat(100_000),
      ' '.repeat(200_000),
    ]) {
      parseIndonesianDate(s);
      parsePlaceDateLine(s);
    }
    expect(performance.now() - start).toBeLessThan(3000); // hang guard
  });
});
