import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ExtractedFile } from '../../src/contract/schema.js';
import { BadInputError } from '../../src/errors.js';
import { NotFoundError, StateConflictError } from '../../src/store/errors.js';
import {
  addCorrection,
  correctionHistory,
  getLatestResult,
  listAudit,
  listConflicts,
  queryRows,
  resolveConflict,
  saveExtraction,
  undoCorrection,
} from '../../src/store/repository.js';
import { keyFile } from '../../src/store/row-key.js';
import type { Store } from '../../src/store/db.js';
import { forEachDriver, goldDocument, randomSha, scalar } from './harness.js';

const MALICIOUS = `'; DROP TABLE documents; --`;

/** gold 004: section 1 has nine rows with distinct indikator. */
const GOLD = 3;
const S = 1;

function rowKeyOf(file: ExtractedFile, s: number, i: number): string {
  return keyFile(file).rowKeys[s]![i]!;
}

async function rowByIndikator(store: Store, id: string, indikator: string) {
  const result = await getLatestResult(store, id);
  for (const section of result?.sections ?? []) {
    const index = section.indikator.findIndex((r) => r.indikator === indikator);
    if (index >= 0) return { row: section.indikator[index]!, index };
  }
  return undefined;
}

forEachDriver((ctx) => {
  describe('corrections', () => {
    it('records versioned edits per field, with history and undo back to the extracted value', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      await saveExtraction(store, id, file, 't');
      const extracted = file.sections[S]!.indikator[2]!.formulasi;
      const rowKey = rowKeyOf(file, S, 2);
      const word = `koreksi${randomSha().slice(0, 8)}`;

      const v1 = await addCorrection(store, {
        documentId: id,
        rowKey,
        path: 'formulasi',
        newValue: `A ${word}`,
        author: 'ana',
      });
      expect(v1).toMatchObject({
        version: 1,
        oldValue: extracted,
        baseValue: extracted,
        newValue: `A ${word}`,
        state: 'active',
      });
      const v2 = await addCorrection(store, {
        documentId: id,
        rowKey,
        path: 'formulasi',
        newValue: 'B',
        author: 'budi',
      });
      expect(v2).toMatchObject({ version: 2, oldValue: `A ${word}`, baseValue: extracted, author: 'budi' });
      expect((await getLatestResult(store, id))?.sections[S]?.indikator[2]?.formulasi).toBe('B');

      let history = await correctionHistory(store, id, 'formulasi');
      expect(history.map((h) => [h.version, h.state, h.supersededBy])).toEqual([
        [1, 'superseded', v2.id],
        [2, 'active', null],
      ]);
      await expect(undoCorrection(store, v1.id, 'ana')).rejects.toBeInstanceOf(StateConflictError);

      await undoCorrection(store, v2.id, 'ana');
      expect((await getLatestResult(store, id))?.sections[S]?.indikator[2]?.formulasi).toBe(`A ${word}`);
      // the reviewer's queries see the corrected row, full text included
      expect((await queryRows(store, { q: word })).items.map((r) => r.rowKey)).toEqual([rowKey]);
      history = await correctionHistory(store, id, { rowKey, path: 'formulasi' });
      expect(history.map((h) => [h.version, h.state, h.undoneBy])).toEqual([
        [1, 'active', null],
        [2, 'undone', 'ana'],
      ]);
      await expect(undoCorrection(store, v2.id, 'ana')).rejects.toBeInstanceOf(StateConflictError);

      await undoCorrection(store, v1.id, 'ana');
      expect((await getLatestResult(store, id))?.sections[S]?.indikator[2]?.formulasi).toBe(extracted);
      expect((await queryRows(store, { q: word })).total).toBe(0);
      const actions = (await listAudit(store, { target: id })).map((a) => a.action);
      expect(actions.filter((a) => a === 'correction.add')).toHaveLength(2);
      expect(actions.filter((a) => a === 'correction.undo')).toHaveLength(2);
    });

    it('survives a re-extraction that moves the row: matched by row key, not position', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      await saveExtraction(store, id, file, 'v1');
      const target = file.sections[S]!.indikator[2]!;
      const rowKey = rowKeyOf(file, S, 2);
      await addCorrection(store, {
        documentId: id,
        rowKey,
        path: 'formulasi',
        newValue: 'Jumlah A dibagi B',
        author: 'r',
      });
      await addCorrection(store, {
        documentId: id,
        rowKey,
        path: 'sumberData',
        newValue: ['DPA', 'LKIP'],
        author: 'r',
      });
      await addCorrection(store, { documentId: id, rowKey, path: 'target.2024', newValue: 95, author: 'r' });
      await addCorrection(store, {
        documentId: id,
        sectionKey: keyFile(file).sectionKeys[S]!,
        path: 'tempat',
        newValue: 'Bontang',
        author: 'r',
      });

      const moved = structuredClone(file);
      const rows = moved.sections[S]!.indikator;
      rows.reverse();
      rows.unshift({ ...structuredClone(rows[0]!), indikator: 'Indikator baru', sasaran: 'Sasaran baru' });
      const saved = await saveExtraction(store, id, moved, 'v2');
      expect(saved).toMatchObject({ version: 2, reapplied: 4, conflicts: [] });

      const found = await rowByIndikator(store, id, target.indikator!);
      expect(found?.index).not.toBe(2);
      expect(found?.row).toMatchObject({
        formulasi: 'Jumlah A dibagi B',
        sumberData: ['DPA', 'LKIP'],
        target: { 2024: 95 },
      });
      const result = await getLatestResult(store, id);
      expect(result?.sections[S]?.tempat).toBe('Bontang');
      // no other row was touched
      const others = result!.sections[S]!.indikator.filter((r) => r.indikator !== target.indikator);
      expect(others.every((r) => r.formulasi !== 'Jumlah A dibagi B')).toBe(true);
      const hit = (await queryRows(store, { documentId: id, limit: 100 })).items.find(
        (r) => r.rowKey === rowKey,
      );
      expect(hit?.formulasi).toBe('Jumlah A dibagi B');
      expect(hit?.index).toBe(found?.index);
    });

    it('turns a correction that no longer fits into a stored conflict, never dropping it', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      await saveExtraction(store, id, file, 'v1');
      const [keyA, keyB, keyC] = [0, 1, 2].map((i) => rowKeyOf(file, S, i)) as [string, string, string];
      const a = await addCorrection(store, {
        documentId: id,
        rowKey: keyA,
        path: 'formulasi',
        newValue: 'fixed A',
        author: 'r',
      });
      const b = await addCorrection(store, {
        documentId: id,
        rowKey: keyB,
        path: 'formulasi',
        newValue: 'fixed B',
        author: 'r',
      });
      await addCorrection(store, {
        documentId: id,
        rowKey: keyC,
        path: 'formulasi',
        newValue: 'fixed C',
        author: 'r',
      });

      const next = structuredClone(file);
      const rows = next.sections[S]!.indikator;
      rows[0]!.formulasi = 'the extractor now reads this differently';
      const goneIndikator = rows[1]!.indikator;
      rows.splice(1, 1);
      const saved = await saveExtraction(store, id, next, 'v2');
      expect(saved.reapplied).toBe(1);
      expect(saved.conflicts.map((c) => [c.correctionId, c.reason]).sort()).toEqual(
        [
          [a.id, 'value-changed'],
          [b.id, 'target-missing'],
        ].sort(),
      );
      const valueConflict = saved.conflicts.find((c) => c.reason === 'value-changed');
      expect(valueConflict).toMatchObject({
        expected: file.sections[S]!.indikator[0]!.formulasi,
        actual: 'the extractor now reads this differently',
      });

      const result = await getLatestResult(store, id);
      expect(result?.sections[S]?.indikator[0]?.formulasi).toBe('the extractor now reads this differently');
      expect(result?.sections[S]?.indikator[1]?.formulasi).toBe('fixed C');
      expect(result?.sections[S]?.indikator.some((r) => r.indikator === goneIndikator)).toBe(false);
      const open = await listConflicts(store, id);
      expect(open.map((c) => [c.rowKey, c.newValue]).sort()).toEqual(
        [
          [keyA, 'fixed A'],
          [keyB, 'fixed B'],
        ].sort(),
      );
      expect((await correctionHistory(store, id)).filter((h) => h.state === 'active')).toHaveLength(3);

      // a further run with the same content lists the same conflicts again (for that run)
      await saveExtraction(store, id, next, 'v3');
      expect(await listConflicts(store, id)).toHaveLength(2);
      expect(await listConflicts(store, id, { allRuns: true })).toHaveLength(4);
    });

    it('resolves conflicts: re-apply onto the changed value or another row, or discard', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      await saveExtraction(store, id, file, 'v1');
      const [keyA, keyB, keyD] = [0, 1, 3].map((i) => rowKeyOf(file, S, i)) as [string, string, string];
      await addCorrection(store, {
        documentId: id,
        rowKey: keyA,
        path: 'formulasi',
        newValue: 'fixed A',
        author: 'r',
      });
      await addCorrection(store, {
        documentId: id,
        rowKey: keyB,
        path: 'formulasi',
        newValue: 'fixed B',
        author: 'r',
      });
      await addCorrection(store, {
        documentId: id,
        rowKey: keyD,
        path: 'formulasi',
        newValue: 'fixed D',
        author: 'r',
      });
      const next = structuredClone(file);
      const rows = next.sections[S]!.indikator;
      rows[0]!.formulasi = 'changed A';
      rows[3]!.formulasi = 'changed D';
      const renamed = { ...rows[1]!, indikator: `${rows[1]!.indikator} (renamed)` };
      rows[1] = renamed;
      const saved = await saveExtraction(store, id, next, 'v2');
      const byKey = new Map(saved.conflicts.map((c) => [c.rowKey, c]));
      expect(saved.conflicts).toHaveLength(3);

      await resolveConflict(store, byKey.get(keyA)!.id, { action: 'reapply' }, 'lead');
      await expect(
        resolveConflict(store, byKey.get(keyB)!.id, { action: 'reapply' }, 'lead'),
      ).rejects.toBeInstanceOf(BadInputError);
      const newKeyB = keyFile(next).rowKeys[S]![1]!;
      await resolveConflict(store, byKey.get(keyB)!.id, { action: 'reapply', rowKey: newKeyB }, 'lead');
      await resolveConflict(store, byKey.get(keyD)!.id, { action: 'discard' }, 'lead');
      await expect(
        resolveConflict(store, byKey.get(keyD)!.id, { action: 'discard' }, 'lead'),
      ).rejects.toBeInstanceOf(StateConflictError);

      const result = await getLatestResult(store, id);
      expect(result?.sections[S]?.indikator.slice(0, 4).map((r) => r.formulasi)).toEqual([
        'fixed A',
        'fixed B',
        rows[2]!.formulasi,
        'changed D',
      ]);
      expect(await listConflicts(store, id)).toEqual([]);
      const resolved = await listConflicts(store, id, { includeResolved: true });
      expect(resolved.map((c) => [c.rowKey, c.resolution, c.resolvedBy]).sort()).toEqual(
        [
          [keyA, 'reapplied', 'lead'],
          [keyB, 'reapplied', 'lead'],
          [keyD, 'discarded', 'lead'],
        ].sort(),
      );
      const historyA = await correctionHistory(store, id, { rowKey: keyA });
      expect(historyA.map((h) => [h.version, h.state, h.baseValue])).toEqual([
        [1, 'superseded', file.sections[S]!.indikator[0]!.formulasi],
        [2, 'active', 'changed A'],
      ]);
      expect((await correctionHistory(store, id, { rowKey: keyD })).map((h) => h.state)).toEqual(['undone']);

      // the settled corrections now fit the next run as it is
      const again = await saveExtraction(store, id, next, 'v3');
      expect([again.reapplied, again.conflicts.length]).toEqual([2, 0]);
    });

    it('counts a correction the extractor now gets right itself as applied, not a conflict', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      await saveExtraction(store, id, file, 'v1');
      await addCorrection(store, {
        documentId: id,
        rowKey: rowKeyOf(file, S, 0),
        path: 'no',
        newValue: '1a',
        author: 'r',
      });
      const next = structuredClone(file);
      next.sections[S]!.indikator[0]!.no = '1a';
      expect(await saveExtraction(store, id, next, 'v2')).toMatchObject({ reapplied: 1, conflicts: [] });
    });

    it('corrects contract-shaped targets and section fields (gold with year targets)', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 2);
      await saveExtraction(store, id, file, 'v1');
      const keys = keyFile(file);
      const row = file.sections[0]!.indikator[0]!;
      const year = Object.keys(row.target)[0]!;
      const c = await addCorrection(store, {
        documentId: id,
        rowKey: keys.rowKeys[0]![0]!,
        path: `target.${year}`,
        newValue: 85,
        author: 'r',
      });
      expect([c.oldValue, c.newValue]).toEqual([row.target[year], 85]);
      const signed = file.sections.findIndex((sec) => sec.penandatangan.length > 0);
      expect(signed).toBeGreaterThanOrEqual(0);
      await addCorrection(store, {
        documentId: id,
        sectionKey: keys.sectionKeys[signed]!,
        path: 'penandatangan[0].nip',
        newValue: '198001012005011002',
        author: 'r',
      });
      const result = await getLatestResult(store, id);
      expect(result?.sections[0]?.indikator[0]?.target[year]).toBe(85);
      expect(result?.sections[signed]?.penandatangan[0]?.nip).toBe('198001012005011002');
    });

    it('rejects corrections that do not fit the contract or name nothing', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      const rowKey = rowKeyOf(file, S, 0);
      await expect(
        addCorrection(store, { documentId: id, rowKey, path: 'formulasi', newValue: 'x', author: 'r' }),
      ).rejects.toBeInstanceOf(StateConflictError);
      await saveExtraction(store, id, file, 'v1');
      const bad = async (input: Partial<Parameters<typeof addCorrection>[1]>, err: unknown) =>
        expect(
          addCorrection(store, {
            documentId: id,
            rowKey,
            path: 'formulasi',
            newValue: 'x',
            author: 'r',
            ...input,
          }),
        ).rejects.toBeInstanceOf(err as never);
      await bad({ path: '__proto__' }, BadInputError);
      await bad({ path: 'formula..kind' }, BadInputError);
      await bad({ path: 'no_such_field.deep' }, BadInputError);
      await bad({ path: 'target.2019', newValue: { nested: true } }, BadInputError);
      await bad({ path: 'sumberData', newValue: 'not a list' }, BadInputError);
      await bad({ path: 'formulasi', newValue: file.sections[S]!.indikator[0]!.formulasi }, BadInputError);
      await bad({ newValue: undefined }, BadInputError);
      await bad({ rowKey: `${rowKey}-nope` }, NotFoundError);
      await bad({ rowKey: MALICIOUS }, NotFoundError);
      await bad({ sectionKey: keyFile(file).sectionKeys[S]! }, BadInputError);
      await bad(
        { rowKey: null, sectionKey: keyFile(file).sectionKeys[S]!, path: 'indikator[0].formulasi' },
        BadInputError,
      );
      expect(await correctionHistory(store, id)).toEqual([]);
    });

    it('stores a SQL-looking value and author verbatim', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, GOLD);
      await saveExtraction(store, id, file, 'v1');
      const rowKey = rowKeyOf(file, S, 4);
      const c = await addCorrection(store, {
        documentId: id,
        rowKey,
        path: 'indikator',
        newValue: MALICIOUS,
        author: MALICIOUS,
      });
      expect([c.newValue, c.author]).toEqual([MALICIOUS, MALICIOUS]);
      expect((await correctionHistory(store, id, 'indikator'))[0]?.newValue).toBe(MALICIOUS);
      expect(
        (await queryRows(store, { documentId: id, q: 'DROP TABLE documents' })).items.map((r) => r.rowKey),
      ).toEqual([rowKey]);
      expect(await scalar(store, sql`select count(*) from documents where id = ${id}`)).toBe(1);
    });
  });
});
