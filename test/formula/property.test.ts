/**
 * Property tests: whatever the text, normaliseFormula returns a contract-valid Formula (or null for
 * blank text), never throws, and stays fast on 100 KB inputs built to trip backtracking or recursion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Formula } from '../../src/contract/schema.js';
import { latexToPlain, normaliseFormula } from '../../src/formula/index.js';

/** Fragments that steer random text into every branch of the normaliser. */
const FRAGMENT = fc.constantFrom(
  'Jumlah',
  'jumlah',
  'Banyaknya',
  'Nilai',
  'Indeks',
  'Hasil',
  'Survey',
  'Rata-rata',
  'dibagi',
  'dengan',
  'dibanding',
  'Membandingkan',
  'dan',
  'terhadap',
  'per',
  'x',
  'X',
  '×',
  '*',
  '÷',
  '/',
  ' / ',
  '/ ',
  '-',
  ' - ',
  '+',
  '=',
  ':',
  ',',
  '.',
  '(',
  ')',
  '{',
  '}',
  '%',
  '100',
  '1.000',
  '24',
  'persen',
  'dikali',
  'setahun',
  'Desember',
  'dimana',
  'A',
  'B',
  'RT',
  'RW',
  'disediakan',
  'dibeli',
  'pegawai',
  'yang',
  'hadir',
  '$',
  '\\frac',
  '\\frac{',
  '\\sum',
  '\\text{',
  '\\times',
  '\\%',
  '\\sqrt',
  '\\',
  '\uE000',
  ' ',
);

const formulaText = fc.array(FRAGMENT, { maxLength: 30 }).map((parts) => parts.join(' '));

function check(input: string): void {
  const f = normaliseFormula(input);
  if (input.trim() === '' && f !== null) throw new Error('blank text must give null');
  if (f === null) {
    if (input.replace(/\s+/g, '') !== '') throw new Error('non-blank text gave null');
    return;
  }
  Formula.parse(f);
  if (f.kind === 'ratio') {
    if (!f.numerator || !f.denominator || !f.expression) throw new Error('ratio without its parts');
    if (f.scale === 100 && f.unit !== '%') throw new Error('scale 100 without "%"');
  } else if (f.denominator !== null || f.scale !== null || f.unit !== null) {
    throw new Error(`${f.kind} with a denominator, scale or unit`);
  }
}

describe('normaliseFormula on any text', () => {
  it('returns a valid Formula or null for arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => check(s)),
      // Generating random code points is the slow part (about 4 ms a string), not normalising them.
      { numRuns: 200 },
    );
  });

  it('returns a valid Formula for formula-like text', () => {
    fc.assert(
      fc.property(formulaText, (s) => check(s)),
      { numRuns: 1500 },
    );
  });

  it('latexToPlain never throws', () => {
    fc.assert(
      fc.property(formulaText, (s) => {
        expect(typeof latexToPlain(s)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

/** Time budget for one 100 KB input (generous for a slow CI machine; typical runs take a few ms). */
const BUDGET_MS = 10_000; // a hang guard for catastrophic backtracking, not a speed figure
const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

describe('normaliseFormula on 100 KB inputs', () => {
  it.each([
    ['open parentheses', fill('(')],
    ['wrapped parentheses', `${'('.repeat(SIZE / 2)}Jumlah A / Jumlah B${')'.repeat(SIZE / 2)}`],
    ['fractions', fill('\\frac{')],
    ['balanced fractions', fill('\\frac{a}{b} ')],
    ['division words', fill('dibagi ')],
    ['commas then division words', `${fill(', ').slice(0, SIZE / 2)}${fill('dibagi ').slice(0, SIZE / 2)}`],
    ['slashes', fill('a/')],
    ['spaced slashes', fill('kata lain / ')],
    ['comparisons', fill('membandingkan dan ')],
    ['pers', fill('per ')],
    ['multipliers', fill('x 100 % ')],
    ['a long count', `Jumlah ${fill('laporan ')}`],
    ['random letters', fill('ab-c.d/e f(g)h ')],
  ])('%s', (_name, input) => {
    const start = performance.now();
    const f = normaliseFormula(input);
    const elapsed = performance.now() - start;
    expect(Formula.safeParse(f).success).toBe(true);
    expect(elapsed).toBeLessThan(BUDGET_MS);
  });
});
