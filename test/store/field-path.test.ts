import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { formatPath, getAt, parsePath, sameJson, setAt } from '../../src/store/field-path.js';

describe('field paths', () => {
  it('parses keys, year keys and indices', () => {
    expect(parsePath('formulasi')).toEqual(['formulasi']);
    expect(parsePath('target.2019')).toEqual(['target', '2019']);
    expect(parsePath('penandatangan[0].nip')).toEqual(['penandatangan', 0, 'nip']);
    expect(formatPath(['penandatangan', 0, 'nip'])).toBe('penandatangan[0].nip');
  });

  it('rejects malformed and prototype-polluting paths with a typed error', () => {
    for (const bad of [
      '',
      '.a',
      'a..b',
      '[0]',
      'a[x]',
      'a[0',
      '__proto__',
      'a.constructor',
      'a.b.',
      'x'.repeat(300),
    ]) {
      expect(() => parsePath(bad), bad).toThrow(BadInputError);
    }
  });

  it('reads a missing key of an existing object as null, a missing parent as not found', () => {
    const row = { target: { 2019: 90 }, sumberData: ['a'] };
    expect(getAt(row, parsePath('target.2019'))).toEqual({ ok: true, value: 90 });
    expect(getAt(row, parsePath('target.2020'))).toEqual({ ok: true, value: null });
    expect(getAt(row, parsePath('sumberData[1]'))).toEqual({ ok: false });
    expect(getAt(row, parsePath('formula.kind'))).toEqual({ ok: false });
  });

  it('sets on a copy and leaves the original untouched', () => {
    const row = { target: { 2019: 90 }, sumberData: ['a'] };
    const next = setAt(row, parsePath('sumberData[0]'), 'b');
    expect(next).toEqual({ target: { 2019: 90 }, sumberData: ['b'] });
    expect(row.sumberData).toEqual(['a']);
    expect(setAt(row, parsePath('missing.deep'), 1)).toBeUndefined();
  });

  it('compares JSON ignoring key order, with null equal to absent', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, {}], a: 1 })).toBe(true);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });

  it('round-trips any well-formed path and never throws an untyped error', () => {
    const key = fc
      .stringMatching(/^[A-Za-z0-9_ -]{1,8}$/)
      .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const seg = fc.oneof(key, fc.nat(50));
    fc.assert(
      fc.property(key, fc.array(seg, { maxLength: 5 }), (head, rest) => {
        const segments = [head, ...rest];
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parsePath(text);
        } catch (err) {
          expect(err).toBeInstanceOf(BadInputError);
        }
      }),
    );
  });
});
