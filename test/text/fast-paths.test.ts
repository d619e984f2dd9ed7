/** The guarded and single-pass versions of text cleaning give what the plain chains gave. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, decodeEntities, stripMarkup } from '../../src/text/clean.js';
import { joinLines, shouldJoinWord } from '../../src/text/join.js';

const referenceStrip = (s: string) =>
  decodeEntities(
    s
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?>/gi, '')
      .replace(/\*\*([^*]*)\*\*/g, '$1')
      .replace(/__([^_]+)__/g, '$1')
      .replace(/\*\*/g, ''),
  );
const referenceCollapse = (s: string) =>
  s
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const markup = fc
  .array(fc.constantFrom('<', 'br', '>', '/', ' ', '*', '_', '&', 'amp', ';', '#x41', 'b', 'Data', '\n'), {
    maxLength: 30,
  })
  .map((a) => a.join(''));
const spaces = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2000', '\u200b', '\u202f', '\u3000', '\ufeff', 'a'), {
    maxLength: 20,
  })
  .map((a) => a.join(''));

describe('text fast paths', () => {
  it('stripMarkup equals the full replace chain', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string()), (s) => {
        expect(stripMarkup(s)).toBe(referenceStrip(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('collapseWhitespace equals the two-step collapse (zero-width spaces included)', () => {
    fc.assert(
      fc.property(spaces, (s) => {
        expect(collapseWhitespace(s)).toBe(referenceCollapse(s));
      }),
      { numRuns: 3000 },
    );
    expect(collapseWhitespace('a\u200b\u200bb')).toBe('a b');
  });
  it('joins a word cut at a line end, reading only the end of the text so far', () => {
    const words = new Set(['pemberdayaan']);
    const isWord = (w: string) => words.has(w);
    expect(joinLines(['Program pemberday', 'aan desa'], isWord)).toBe('Program pemberdayaan desa');
    expect(joinLines(['Program pemberday-', 'aan'], isWord)).toBe('Program pemberdayaan');
    expect(shouldJoinWord('a--', 'an', isWord)).toBe(false);
    const long = `${'kata '.repeat(5000)}pemberday`;
    expect(joinLines([long, 'aan'], isWord).endsWith(' pemberdayaan')).toBe(true);
  });
});
