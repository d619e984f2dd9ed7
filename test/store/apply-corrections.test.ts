import { describe, expect, it } from 'vitest';
import { applyCorrections, type FieldCorrection } from '../../src/store/apply-corrections.js';
import { keyFile } from '../../src/store/row-key.js';
import { gold } from './harness.js';

const file = gold(3);
const keys = keyFile(file);
const row = file.sections[1]!.indikator[2]!;

function correction(over: Partial<FieldCorrection>): FieldCorrection {
  return {
    id: 'c1',
    rowKey: keys.rowKeys[1]![2]!,
    sectionKey: null,
    path: 'formulasi',
    baseValue: row.formulasi,
    newValue: 'fixed',
    ...over,
  };
}

describe('applyCorrections', () => {
  it('applies to the row with the same key wherever it moved, leaving the input untouched', () => {
    const moved = structuredClone(file);
    moved.sections[1]!.indikator.reverse();
    const out = applyCorrections(moved, [correction({})]);
    expect(out.applied).toEqual(['c1']);
    const found = out.file.sections[1]!.indikator.find((r) => r.indikator === row.indikator);
    expect(found?.formulasi).toBe('fixed');
    expect(moved.sections[1]!.indikator.find((r) => r.indikator === row.indikator)?.formulasi).toBe(
      row.formulasi,
    );
  });

  it('reports each kind of misfit as a conflict', () => {
    const out = applyCorrections(file, [
      correction({ id: 'gone', rowKey: 'no such row|x|y|1' }),
      correction({ id: 'changed', baseValue: 'something else' }),
      correction({ id: 'nopath', path: 'formula.missing.deep' }),
      correction({ id: 'invalid', path: 'sumberData', baseValue: row.sumberData, newValue: 42 }),
    ]);
    expect(out.applied).toEqual([]);
    expect(out.conflicts.map((c) => [c.correctionId, c.reason])).toEqual([
      ['gone', 'target-missing'],
      ['changed', 'value-changed'],
      ['nopath', 'path-missing'],
      ['invalid', 'invalid-result'],
    ]);
    expect(out.conflicts[1]).toMatchObject({ expected: 'something else', actual: row.formulasi });
    expect(out.file).toEqual(file);
  });

  it('lets a later edit of an overlapping path win, and corrects section fields', () => {
    const out = applyCorrections(file, [
      correction({ id: 'a', path: 'sumberData', baseValue: row.sumberData, newValue: ['x', 'y'] }),
      correction({ id: 'b', path: 'sumberData[1]', baseValue: row.sumberData[1] ?? null, newValue: 'z' }),
      {
        id: 's',
        rowKey: null,
        sectionKey: keys.sectionKeys[1]!,
        path: 'tempat',
        baseValue: null,
        newValue: 'Bontang',
      },
    ]);
    // b was made against the extraction, which has no second source: it does not fit
    expect(out.applied).toEqual(['a', 's']);
    expect(out.conflicts.map((c) => c.correctionId)).toEqual(['b']);
    expect(out.file.sections[1]!.indikator[2]!.sumberData).toEqual(['x', 'y']);
    expect(out.file.sections[1]!.tempat).toBe('Bontang');
  });
});
