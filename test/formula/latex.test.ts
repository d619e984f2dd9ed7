import { describe, expect, it } from 'vitest';
import { hasLatex, latexToPlain } from '../../src/formula/index.js';

describe('latexToPlain', () => {
  it.each([
    ['$\\sum \\text{Pegawai}$', 'Σ Pegawai'],
    ['a \\times b', 'a × b'],
    ['a\\times(b)', 'a × (b)'],
    ['\\text{hari kerja}', 'hari kerja'],
    ['100\\%', '100%'],
    ['\\frac{a}{b}', 'a / b'],
    ['\\frac12', '1 / 2'],
    ['\\frac{\\text{Surat keluar}}{\\text{Surat masuk}}', '(Surat keluar) / (Surat masuk)'],
    ['\\frac{a+b}{c}', '(a+b) / c'],
    ['\\sqrt{x}', '√x'],
    ['\\left( a \\cdot b \\right)', '(a · b)'],
    ['a \\leq b \\div c', 'a ≤ b ÷ c'],
    ['\\mathrm{IKM}\\,\\text{unit}', 'IKM unit'],
    ['\\unknowncmd{x}', 'unknowncmdx'],
    ['\\{a\\}', '{a}'],
  ])('%s → %s', (input, want) => {
    expect(latexToPlain(input)).toBe(want);
  });

  it('renders nested fractions', () => {
    expect(latexToPlain('\\frac{\\frac{a}{b}}{c}')).toBe('(a / b) / c');
  });

  it('survives unbalanced braces and a trailing backslash', () => {
    expect(latexToPlain('\\frac{a}{b')).toBe('a / b');
    expect(latexToPlain('\\text{a')).toBe('a');
    expect(latexToPlain('a \\')).toBe('a');
  });

  it('renders very deep nesting without overflowing the stack', () => {
    const deep = '\\frac{'.repeat(5000) + 'x' + '}{y}'.repeat(5000);
    expect(latexToPlain(deep)).toContain('x');
  });
});

describe('hasLatex', () => {
  it('sees commands and math delimiters, not plain text', () => {
    expect(hasLatex('\\sum x')).toBe(true);
    expect(hasLatex('$x$')).toBe(true);
    expect(hasLatex('Jumlah A / Jumlah B x 100%')).toBe(false);
  });
});
