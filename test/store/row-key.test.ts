import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyFile, MAX_KEY_LENGTH, normaliseKeyText, rowKey, sectionKey } from '../../src/store/row-key.js';
import { gold } from './harness.js';

describe('row keys', () => {
  it('normalises case, punctuation and spacing', () => {
    expect(normaliseKeyText('  Kasi. PEM-Desa,  (Umum) ')).toBe('kasi pem desa umum');
    expect(normaliseKeyText(null)).toBe('');
    expect(rowKey('KASI Pemerintahan', 'Meningkatnya  kualitas', 'Persentase desa (%)', 1)).toBe(
      rowKey('Kasi pemerintahan.', 'meningkatnya kualitas', 'persentase desa %', 1),
    );
    expect(rowKey('Kasi', 'S', 'I', 1)).toBe('kasi|s|i|1');
    expect(rowKey('Kasi', 'S', 'I', 1)).not.toBe(rowKey('Kasi', 'S', 'I', 2));
    expect(rowKey(null, null, null, 1)).toBe('|||1');
    expect(sectionKey('IKU', null, 1)).toBe('IKU||1');
  });

  it('bounds long keys with a hash that still tells them apart', () => {
    const long = 'indikator '.repeat(100);
    const a = rowKey('Kasi', 'S', `${long} a`, 1);
    const b = rowKey('Kasi', 'S', `${long} b`, 1);
    expect(a.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(a).not.toBe(b);
  });

  it('numbers repeated rows by occurrence over the whole file, and is unique per file', () => {
    for (const index of [0, 1, 2, 3]) {
      const file = gold(index);
      const { rowKeys, sectionKeys } = keyFile(file);
      const all = rowKeys.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
    }
    const file = gold(3);
    const section = file.sections[1]!;
    section.indikator.push(structuredClone(section.indikator[0]!));
    const keys = keyFile(file).rowKeys[1]!;
    expect(keys[0]).toMatch(/\|1$/);
    expect(keys.at(-1)).toBe(keys[0]!.replace(/\|1$/, '|2'));
  });

  it('does not depend on position: reordering rows keeps each row its key', () => {
    const file = gold(3);
    const before = new Map(
      file.sections[1]!.indikator.map((r, i) => [r.indikator, keyFile(file).rowKeys[1]![i]]),
    );
    file.sections[1]!.indikator.reverse();
    const after = keyFile(file).rowKeys[1]!;
    file.sections[1]!.indikator.forEach((r, i) => expect(after[i]).toBe(before.get(r.indikator)));
  });

  it('never throws and is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.nat(), (j, s, i, n) => {
        const key = rowKey(j, s, i, n);
        expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
        expect(normaliseKeyText(normaliseKeyText(j))).toBe(normaliseKeyText(j));
        expect(normaliseKeyText(j)).not.toMatch(/^\s|\s$|\s\s|[|.,;:()]/);
      }),
    );
  });
});
