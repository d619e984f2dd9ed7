import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { openStore } from '../../src/store/db.js';
import { StateConflictError } from '../../src/store/errors.js';
import {
  authenticateToken,
  createApiToken,
  createUser,
  getDocument,
  getLatestResult,
  getRunResult,
  listAudit,
  listDocuments,
  listFlags,
  listRuns,
  queryRows,
  recordFailedRun,
  revokeApiToken,
  saveExtraction,
  setDocumentStatus,
  setFlagStatus,
  upsertDocument,
  verifyPassword,
} from '../../src/store/repository.js';
import { apiTokens, users } from '../../src/store/schema.js';
import { forEachDriver, gold, goldDocument, randomSha, scalar } from './harness.js';

const MALICIOUS = `'; DROP TABLE documents; --`;

forEachDriver((ctx) => {
  describe('documents and runs', () => {
    it('dedupes on sha256: the same bytes give the same document', async () => {
      const { store } = ctx();
      const sha = randomSha();
      const meta = { sha256: sha, fileName: 'a.pdf', mediaType: 'application/pdf', byteSize: 10 };
      const first = await upsertDocument(store, meta);
      const second = await upsertDocument(store, { ...meta, fileName: 'renamed.pdf' });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.document.id).toBe(first.document.id);
      expect(second.document.fileName).toBe('a.pdf');
      const upper = await upsertDocument(store, { ...meta, sha256: sha.toUpperCase() });
      expect(upper.document.id).toBe(first.document.id);
    });

    it('rejects a malformed sha256', async () => {
      const { store } = ctx();
      await expect(
        upsertDocument(store, { sha256: 'abc', fileName: 'x', mediaType: 'text/plain', byteSize: 1 }),
      ).rejects.toBeInstanceOf(BadInputError);
    });

    it('stores the full contract JSON and returns it unchanged', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 0);
      const saved = await saveExtraction(store, id, file, 'test-1');
      expect(saved.version).toBe(1);
      expect(saved.conflicts).toEqual([]);
      expect(await getLatestResult(store, id)).toEqual(file);
      const doc = await getDocument(store, id);
      expect(doc?.status).toBe('done');
      expect(doc?.latestRunId).toBe(saved.runId);
      // unit kerja is learnt from the extraction when the upload did not give one
      expect(doc?.unitKerja).toBe(file.sections.find((s) => s.unitKerja)?.unitKerja ?? null);
    });

    it('keeps every run: a re-extraction is version 2 and the old result stays readable', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 1);
      const v1 = await saveExtraction(store, id, file, 'x-1');
      const changed = structuredClone(file);
      changed.sections[0]!.title = 'CHANGED TITLE';
      const v2 = await saveExtraction(store, id, changed, 'x-2');
      expect([v1.version, v2.version]).toEqual([1, 2]);
      const runs = await listRuns(store, id);
      expect(runs.map((r) => [r.version, r.extractorVersion])).toEqual([
        [2, 'x-2'],
        [1, 'x-1'],
      ]);
      expect((await getRunResult(store, v1.runId)).sections[0]?.title).toBe(file.sections[0]?.title);
      expect((await getLatestResult(store, id))?.sections[0]?.title).toBe('CHANGED TITLE');
      // reviewer queries see only the latest run: no row twice
      const rows = await queryRows(store, { documentId: id, limit: 500 });
      const rowCount = file.sections.reduce((n, s) => n + s.indikator.length, 0);
      expect(rows.total).toBe(rowCount);
      expect(new Set(rows.items.map((r) => r.runId))).toEqual(new Set([v2.runId]));
    });

    it('concurrent re-extractions get distinct versions', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 3);
      const results = await Promise.all([1, 2, 3].map((n) => saveExtraction(store, id, file, `c-${n}`)));
      expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    });

    it('rejects a result that is not contract JSON or belongs to other bytes', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 0);
      const broken = structuredClone(file) as unknown as { sections: { kind: string }[] };
      broken.sections[0]!.kind = 'NOT-A-KIND';
      await expect(saveExtraction(store, id, broken as never, 't')).rejects.toBeInstanceOf(BadInputError);
      const other = { ...file, source: { ...file.source, sha256: randomSha() } };
      await expect(saveExtraction(store, id, other, 't')).rejects.toBeInstanceOf(BadInputError);
      expect(await listRuns(store, id)).toEqual([]);
    });

    it('keeps a failed attempt as a run without replacing the last good result', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 1);
      const good = await saveExtraction(store, id, file, 'g-1');
      const failed = await recordFailedRun(store, id, 'g-2', {
        reason: 'OCR worker died',
        stage: 'ocr',
        page: 2,
      });
      expect(failed.version).toBe(2);
      expect((await listRuns(store, id)).map((r) => [r.version, r.status, r.error])).toEqual([
        [2, 'failed', 'OCR worker died'],
        [1, 'done', null],
      ]);
      const doc = await getDocument(store, id);
      expect([doc?.status, doc?.errorStage, doc?.errorPage, doc?.latestRunId]).toEqual([
        'failed',
        'ocr',
        2,
        good.runId,
      ]);
      expect(await getLatestResult(store, id)).toEqual(file);
    });

    it('records a failure with its reason and clears it when the document is done', async () => {
      const { store } = ctx();
      const { id } = await goldDocument(store, 2);
      const failed = await setDocumentStatus(store, id, 'failed', {
        reason: 'encrypted PDF',
        stage: 'read',
        page: 3,
      });
      expect([failed.status, failed.error, failed.errorStage, failed.errorPage]).toEqual([
        'failed',
        'encrypted PDF',
        'read',
        3,
      ]);
      const done = await setDocumentStatus(store, id, 'done');
      expect([done.status, done.error, done.errorPage]).toEqual(['done', null, null]);
    });
  });

  describe('flags', () => {
    it('stores every flag of the file, tied to its row', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 2);
      await saveExtraction(store, id, file, 't');
      const expected = file.flags.length + file.sections.reduce((n, s) => n + s.flags.length, 0);
      const all = await listFlags(store, { documentId: id, limit: 500 });
      expect(all.total).toBe(expected);
      const rowFlag = all.items.find((f) => f.path?.startsWith('indikator['));
      expect(rowFlag).toBeDefined();
      expect(rowFlag?.rowIndex).toBe(Number(/\[(\d+)\]/.exec(rowFlag?.path ?? '')?.[1]));
      expect(rowFlag?.rowKey).toMatch(/\|\d+$/);
      const code = rowFlag!.code;
      const byCode = await listFlags(store, { documentId: id, code });
      expect(byCode.items.every((f) => f.code === code)).toBe(true);
      expect(byCode.total).toBe(file.sections.flatMap((s) => s.flags).filter((f) => f.code === code).length);
    });

    it('records a reviewer decision, audits it, and keeps it on a re-extraction', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 2);
      await saveExtraction(store, id, file, 't');
      const [flag] = (await listFlags(store, { documentId: id, code: 'SPELLING_VARIANT' })).items;
      expect(flag).toBeDefined();
      const updated = await setFlagStatus(store, flag!.id, 'dismissed', 'printed that way', 'rev-1');
      expect([updated.status, updated.note, updated.updatedBy]).toEqual([
        'dismissed',
        'printed that way',
        'rev-1',
      ]);
      const log = await listAudit(store, { target: flag!.id });
      expect(log[0]).toMatchObject({ actor: 'rev-1', action: 'flag.status' });
      expect(log[0]?.details).toMatchObject({ from: 'open', to: 'dismissed' });

      const again = await saveExtraction(store, id, file, 't2');
      expect(again.flagsCarried).toBe(1);
      const dismissed = await listFlags(store, { documentId: id, status: 'dismissed' });
      expect(dismissed.items.map((f) => [f.code, f.path, f.note])).toEqual([
        [flag!.code, flag!.path, 'printed that way'],
      ]);
    });
  });

  describe('reviewer queries', () => {
    it('filters documents by status, unit kerja, jabatan and flag code, case-insensitively', async () => {
      const { store } = ctx();
      const unit = `Kecamatan Uji ${randomSha().slice(0, 8)}`;
      const a = await goldDocument(store, 0, { unitKerja: unit });
      const b = await goldDocument(store, 1, { unitKerja: unit });
      await saveExtraction(store, a.id, a.file, 't');
      await setDocumentStatus(store, b.id, 'processing');

      const byUnit = await listDocuments(store, { unitKerja: unit.toUpperCase() });
      expect(byUnit.items.map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
      expect(byUnit.total).toBe(2);
      const processing = await listDocuments(store, { unitKerja: unit, status: 'processing' });
      expect(processing.items.map((d) => d.id)).toEqual([b.id]);

      const jabatan = a.file.sections[0]!.jabatan!;
      const byJabatan = await listDocuments(store, { unitKerja: unit, jabatan: jabatan.toLowerCase() });
      expect(byJabatan.items.map((d) => d.id)).toEqual([a.id]);
      const code = a.file.sections.flatMap((s) => s.flags)[0]!.code;
      expect(
        (await listDocuments(store, { unitKerja: unit, flagCode: code })).items.map((d) => d.id),
      ).toEqual([a.id]);
      expect((await listDocuments(store, { unitKerja: unit, flagCode: 'NO_SUCH_CODE' })).total).toBe(0);

      const rows = await queryRows(store, { jabatan: jabatan.toUpperCase(), unitKerja: unit });
      expect(rows.total).toBe(
        a.file.sections.filter((s) => s.jabatan === jabatan).flatMap((s) => s.indikator).length,
      );
      expect(rows.items.every((r) => r.jabatan === jabatan)).toBe(true);
    });

    it('finds rows by full-text query over jabatan, indikator and formulasi, best first', async () => {
      const { store } = ctx();
      const word = `zqx${randomSha().slice(0, 10)}`;
      const { id, file } = await goldDocument(store, 3);
      file.sections[1]!.indikator[0]!.formulasi = `Jumlah ${word} dibagi jumlah pegawai`;
      file.sections[2]!.indikator[1]!.indikator = `Persentase ${word} ${word} tertib`;
      await saveExtraction(store, id, file, 't');
      const hits = await queryRows(store, { q: word.toUpperCase() });
      expect(hits.total).toBe(2);
      expect(hits.items[0]?.indikator).toContain(word);
      expect((await queryRows(store, { q: `${word} -tertib` })).items.map((r) => r.formulasi)).toEqual([
        file.sections[1]!.indikator[0]!.formulasi,
      ]);
      expect((await listDocuments(store, { q: word })).items.map((d) => d.id)).toEqual([id]);
      // every word must match, in any of jabatan / sasaran / indikator / formulasi
      const jabatanWord = file.sections[2]!.jabatan!.split(/\s+/).at(-1)!;
      const both = await queryRows(store, { documentId: id, q: `${word} ${jabatanWord}` });
      expect(both.items.map((r) => r.indikator)).toContain(file.sections[2]!.indikator[1]!.indikator);
      for (const r of both.items) {
        const text = [r.jabatan, r.sasaran, r.indikator, r.formulasi].join(' ').toLowerCase();
        expect(text).toContain(word);
        expect(text).toContain(jabatanWord.toLowerCase());
      }
    });

    it('pages through results', async () => {
      const { store } = ctx();
      const { id, file } = await goldDocument(store, 3);
      await saveExtraction(store, id, file, 't');
      const all = await queryRows(store, { documentId: id, limit: 500 });
      const page2 = await queryRows(store, { documentId: id, limit: 5, offset: 5 });
      expect(page2.total).toBe(all.total);
      expect(page2.items.map((r) => r.rowId)).toEqual(all.items.slice(5, 10).map((r) => r.rowId));
    });
  });

  describe('security', () => {
    it('binds every value as a parameter: a SQL-looking string is stored verbatim', async () => {
      const { store } = ctx();
      const file = gold(0);
      file.source.sha256 = randomSha();
      file.source.file = MALICIOUS;
      file.sections[0]!.jabatan = MALICIOUS;
      file.sections[0]!.indikator[0]!.formulasi = MALICIOUS;
      const { document } = await upsertDocument(store, {
        sha256: file.source.sha256,
        fileName: MALICIOUS,
        mediaType: 'text/plain',
        byteSize: 1,
        unitKerja: MALICIOUS,
      });
      await saveExtraction(store, document.id, file, MALICIOUS);
      expect((await getDocument(store, document.id))?.fileName).toBe(MALICIOUS);
      expect(
        (await listDocuments(store, { unitKerja: MALICIOUS, jabatan: MALICIOUS, q: MALICIOUS })).total,
      ).toBe(1);
      expect((await queryRows(store, { jabatan: MALICIOUS })).items[0]?.formulasi).toBe(MALICIOUS);
      expect((await listRuns(store, document.id))[0]?.extractorVersion).toBe(MALICIOUS);
      expect(
        await scalar(
          store,
          sql`select count(*)::int from information_schema.tables where table_name = 'documents'`,
        ),
      ).toBe(1);
    });

    it('hashes passwords with scrypt and a random salt, never storing them plain', async () => {
      const { store } = ctx();
      const email = `Rev-${randomSha().slice(0, 6)}@Example.go.id`;
      const user = await createUser(store, email, 'correct horse battery', 'reviewer');
      expect(user).toMatchObject({ email: email.toLowerCase(), role: 'reviewer' });
      const twin = await createUser(store, `twin-${email}`, 'correct horse battery', 'uploader');
      const rows = await store.db.select({ id: users.id, hash: users.passwordHash }).from(users);
      const hashes = rows.filter((r) => r.id === user.id || r.id === twin.id).map((r) => r.hash);
      expect(hashes).toHaveLength(2);
      for (const h of hashes) {
        expect(h).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
        expect(h).not.toContain('correct horse');
      }
      expect(hashes[0]).not.toBe(hashes[1]);
      expect((await verifyPassword(store, email.toUpperCase(), 'correct horse battery'))?.id).toBe(user.id);
      expect(await verifyPassword(store, email, 'wrong horse battery')).toBeNull();
      expect(await verifyPassword(store, `nobody-${email}`, 'correct horse battery')).toBeNull();
      await expect(createUser(store, email, 'another password', 'admin')).rejects.toBeInstanceOf(
        StateConflictError,
      );
      await expect(createUser(store, `short-${email}`, 'short', 'admin')).rejects.toBeInstanceOf(
        BadInputError,
      );
    });

    it('authenticates API tokens stored only as hashes, until revoked', async () => {
      const { store } = ctx();
      const user = await createUser(
        store,
        `tok-${randomSha().slice(0, 6)}@x.id`,
        'a long password',
        'uploader',
      );
      const { id, token } = await createApiToken(store, user.id, 'ci');
      const stored = (await store.db.select().from(apiTokens)).find((t) => t.id === id);
      expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored?.tokenHash).not.toContain(token);
      expect(stored?.lastUsedAt).toBeNull();
      expect((await authenticateToken(store, token))?.id).toBe(user.id);
      expect((await store.db.select().from(apiTokens)).find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
      expect(await authenticateToken(store, `${token}x`)).toBeNull();
      expect(await authenticateToken(store, MALICIOUS)).toBeNull();
      await revokeApiToken(store, id, user.id);
      expect(await authenticateToken(store, token)).toBeNull();
    });
  });

  it('migrations run once however many processes open the database', async () => {
    const { store, url } = ctx();
    if (!url) {
      // PGlite in memory is private to one store; reopening it is not a thing.
      expect(store.driver).toBe('pglite');
      return;
    }
    const [a, b] = await Promise.all([openStore({ databaseUrl: url }), openStore({ databaseUrl: url })]);
    const applied = await scalar(a, sql`select count(*)::int from drizzle.__drizzle_migrations`);
    const journal = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../drizzle/meta/_journal.json'), 'utf8'),
    );
    expect(applied).toBe((journal as { entries: unknown[] }).entries.length);
    await Promise.all([a.close(), b.close()]);
  });
});
