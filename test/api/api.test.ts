import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractedFile } from '../../src/contract/schema.js';
import { buildServer } from '../../src/api/server.js';
import { extractFile } from '../../src/pipeline/extract-file.js';
import { createApiToken, createUser, type User } from '../../src/store/repository.js';
import { parseCsv } from '../export/csv-parse.js';
import { forEachDriver } from '../store/harness.js';
import { multipart, type Part } from './multipart.js';
import { makeZip } from './zip-writer.js';

const SEED_DIR = join(import.meta.dirname, '../../fixtures/seeds');
const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, data: readFileSync(join(SEED_DIR, name)) }));

const KiB = 1024;
const MiB = 1024 * KiB;
/** Small limits so the guards can be hit with small test files. */
const LIMITS = {
  upload: { maxFileBytes: 4 * MiB, maxFiles: 10, zip: { maxEntries: 5, ratioMinBytes: 64 * KiB } },
};
const PASSWORD = 'correct horse battery';

type Role = 'admin' | 'reviewer' | 'uploader';

interface ResultBody {
  sections: {
    sectionKey: string;
    jabatan: string | null;
    unitKerja: string | null;
    indikator: { rowKey: string; formulasi: string | null; indikator: string | null }[];
    flags: { id: string | null; code: string; status: string }[];
  }[];
  run: { id: string; version: number };
}

forEachDriver((ctx) => {
  let app: FastifyInstance;
  let dataDir: string;
  const users = {} as Record<Role, User>;
  const tokens = {} as Record<Role, string>;
  /** Document ids of the seeds, in SEEDS order. */
  const ids: string[] = [];

  const as = (role: Role | null, opts: InjectOptions) =>
    app.inject({
      ...opts,
      url: `/api/v1${opts.url as string}`,
      headers: { ...(opts.headers ?? {}), ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
    });
  const upload = (role: Role, parts: Part[]) => {
    const body = multipart(parts);
    return as(role, { method: 'POST', url: '/documents', payload: body.payload, headers: body.headers });
  };
  const file = (filename: string, data: Buffer): Part => ({ field: 'files', filename, data });
  async function waitDone(id: string): Promise<{ status: string }> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await as('reviewer', { method: 'GET', url: `/documents/${id}` });
      const doc = res.json() as { status: string };
      if (doc.status === 'done' || doc.status === 'failed') return doc;
      if (Date.now() > deadline) throw new Error(`document ${id} still ${doc.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const result = async (id: string) =>
    (await as('reviewer', { method: 'GET', url: `/documents/${id}/result` })).json() as ResultBody;

  beforeAll(async () => {
    const { store } = ctx();
    dataDir = mkdtempSync(join(tmpdir(), 'iki-api-'));
    app = buildServer({ store, dataDir, limits: LIMITS });
    await app.ready();
    for (const role of ['admin', 'reviewer', 'uploader'] as const) {
      users[role] = await createUser(store, `${role}@test.local`, PASSWORD, role);
      tokens[role] = (await createApiToken(store, users[role].id, 'test')).token;
    }
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('auth', () => {
    it('serves health without a token and nothing else', async () => {
      const health = await as(null, { method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
      for (const url of [
        '/documents',
        '/openapi.json',
        '/metrics',
        '/flags',
        '/rows',
        '/export?format=json',
      ]) {
        const res = await as(null, { method: 'GET', url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error).toBe('unauthorized');
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
      const bogus = await app.inject({
        method: 'GET',
        url: '/api/v1/documents',
        headers: { authorization: 'Bearer iki_not-a-real-token' },
      });
      expect(bogus.statusCode).toBe(401);
    });

    it('refuses the wrong role with 403', async () => {
      const byReviewer = await upload('reviewer', [file('a.txt', SEEDS[0]!.data)]);
      expect(byReviewer.statusCode).toBe(403);
      expect(byReviewer.json().error).toBe('forbidden');
      const id = '00000000-0000-4000-8000-000000000000';
      expect(
        (await as('uploader', { method: 'PATCH', url: `/flags/${id}`, payload: { status: 'accepted' } }))
          .statusCode,
      ).toBe(403);
      const newUser = { email: 'x@test.local', password: PASSWORD, role: 'admin' };
      expect((await as('uploader', { method: 'POST', url: '/users', payload: newUser })).statusCode).toBe(
        403,
      );
      expect((await as('reviewer', { method: 'POST', url: '/users', payload: newUser })).statusCode).toBe(
        403,
      );
    });

    it('logs in with email and password, and says who the token belongs to', async () => {
      const ok = await as(null, {
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'REVIEWER@test.local', password: PASSWORD },
      });
      expect(ok.statusCode).toBe(200);
      const { token } = ok.json() as { token: string };
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.json()).toMatchObject({ email: 'reviewer@test.local', role: 'reviewer' });
      const wrong = await as(null, {
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'reviewer@test.local', password: 'wrong password' },
      });
      expect(wrong.statusCode).toBe(401);
      const missing = await as(null, {
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'reviewer@test.local' },
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ error: 'bad_request', field: 'password', in: 'body' });
      expect(missing.json().reason).toBeTruthy();
    });

    it('lets an admin create users and tokens', async () => {
      const body = { email: 'new.reviewer@test.local', password: PASSWORD, role: 'reviewer' };
      const created = await as('admin', { method: 'POST', url: '/users', payload: body });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ email: body.email, role: 'reviewer' });
      expect(created.json()).not.toHaveProperty('passwordHash');
      expect((await as('admin', { method: 'POST', url: '/users', payload: body })).statusCode).toBe(409);
      const badRole = await as('admin', {
        method: 'POST',
        url: '/users',
        payload: { ...body, role: 'boss' },
      });
      expect(badRole.json()).toMatchObject({ error: 'bad_request', field: 'role' });
      const short = await as('admin', {
        method: 'POST',
        url: '/users',
        payload: { ...body, password: 'short' },
      });
      expect(short.json()).toMatchObject({ error: 'bad_request', field: 'password' });
      const tok = await as('admin', {
        method: 'POST',
        url: `/users/${created.json().id}/tokens`,
        payload: { name: 'script' },
      });
      expect(tok.statusCode).toBe(201);
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${tok.json().token}` },
      });
      expect(me.json().email).toBe(body.email);
    });
  });

  describe('documents', () => {
    it('accepts many files in one upload and extracts them', async () => {
      const res = await upload(
        'uploader',
        SEEDS.map((s) => file(s.name, s.data)),
      );
      expect(res.statusCode).toBe(202);
      const body = res.json() as {
        documents: { id: string; created: boolean; queued: boolean; fileName: string }[];
      };
      expect(body.documents.map((d) => d.fileName)).toEqual(SEEDS.map((s) => s.name));
      expect(body.documents.every((d) => d.created && d.queued)).toBe(true);
      ids.push(...body.documents.map((d) => d.id));
      for (const id of ids) expect((await waitDone(id)).status).toBe('done');
      // the bytes are kept under blobs/<sha[0:2]>/<sha>
      expect(readdirSync(join(dataDir, 'blobs')).length).toBeGreaterThan(0);
    });

    it('deduplicates by content: the same bytes give the same document', async () => {
      const res = await upload('admin', [file('renamed.txt', SEEDS[0]!.data)]);
      expect(res.statusCode).toBe(202);
      expect(res.json().documents[0]).toMatchObject({
        id: ids[0],
        created: false,
        queued: false,
        status: 'done',
      });
    });

    it('lists, filters and pages documents', async () => {
      const all = await as('uploader', { method: 'GET', url: '/documents' });
      expect(all.json().total).toBe(SEEDS.length);
      const first = (await as('uploader', { method: 'GET', url: '/documents?limit=2' })).json();
      const second = (await as('uploader', { method: 'GET', url: '/documents?limit=2&offset=2' })).json();
      expect([first.items.length, second.items.length, first.total]).toEqual([2, 2, SEEDS.length]);
      expect([first.limit, second.offset]).toEqual([2, 2]);
      const seen = new Set([...first.items, ...second.items].map((d: { id: string }) => d.id));
      expect(seen).toEqual(new Set(ids));
      expect(first.items[0]).not.toHaveProperty('storageKey');
      expect((await as('uploader', { method: 'GET', url: '/documents?status=done' })).json().total).toBe(
        SEEDS.length,
      );
      expect((await as('uploader', { method: 'GET', url: '/documents?status=failed' })).json().total).toBe(0);

      const r0 = await result(ids[0]!);
      const unit = r0.sections.find((s) => s.unitKerja)?.unitKerja;
      expect(unit).toBeTruthy();
      const byUnit = (
        await as('uploader', { method: 'GET', url: `/documents?unitKerja=${encodeURIComponent(unit!)}` })
      ).json();
      expect(byUnit.items.map((d: { id: string }) => d.id)).toContain(ids[0]);
      const word = r0.sections
        .flatMap((s) => s.indikator)
        .find((r) => r.indikator)!
        .indikator!.split(/\s+/)
        .find((w) => w.length > 5)!;
      const byText = (
        await as('uploader', { method: 'GET', url: `/documents?q=${encodeURIComponent(word)}` })
      ).json();
      expect(byText.items.map((d: { id: string }) => d.id)).toContain(ids[0]);
      const code = r0.sections.flatMap((s) => s.flags)[0]?.code;
      if (code) {
        const byFlag = (await as('uploader', { method: 'GET', url: `/documents?flagCode=${code}` })).json();
        expect(byFlag.items.map((d: { id: string }) => d.id)).toContain(ids[0]);
      }
    });

    it('answers 400 with the field and reason for bad query values', async () => {
      for (const [url, field] of [
        ['/documents?limit=0', 'limit'],
        ['/documents?limit=abc', 'limit'],
        ['/documents?status=finished', 'status'],
        ['/documents?flagCode=NOT_A_CODE', 'flagCode'],
        ['/documents/not-a-uuid', 'id'],
      ] as const) {
        const res = await as('uploader', { method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json(), url).toMatchObject({ error: 'bad_request', field });
        expect(typeof res.json().reason).toBe('string');
      }
      const unknownParam = await as('uploader', { method: 'GET', url: '/documents?colour=red' });
      expect(unknownParam.statusCode).toBe(400);
    });

    it('shows one document with its runs, and 404 for an unknown one', async () => {
      const res = await as('uploader', { method: 'GET', url: `/documents/${ids[1]}` });
      expect(res.json()).toMatchObject({ id: ids[1], status: 'done', error: null, fileName: SEEDS[1]!.name });
      expect(res.json().runs).toHaveLength(1);
      const missing = await as('uploader', {
        method: 'GET',
        url: '/documents/00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error).toBe('not_found');
    });

    it('returns the result in the output contract, with row and section keys and flag ids', async () => {
      const seed = SEEDS[1]!;
      const res = await as('uploader', { method: 'GET', url: `/documents/${ids[1]}/result` });
      expect(res.statusCode).toBe(200);
      const parsed = ExtractedFile.safeParse(res.json());
      expect(parsed.success).toBe(true);
      // the stored result is exactly what the extractor produces for the file
      expect(parsed.data).toEqual(ExtractedFile.parse(await extractFile(seed.data, { fileName: seed.name })));
      const body = res.json() as ResultBody;
      expect(body.run.version).toBe(1);
      const rows = body.sections.flatMap((s) => s.indikator);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => typeof r.rowKey === 'string' && r.rowKey.length > 0)).toBe(true);
      expect(new Set(rows.map((r) => r.rowKey)).size).toBe(rows.length);
      expect(body.sections.every((s) => s.sectionKey.length > 0)).toBe(true);
      const flags = body.sections.flatMap((s) => s.flags);
      expect(flags.every((f) => f.id !== null && f.status === 'open')).toBe(true);
    });
  });

  describe('review', () => {
    it('corrects a field: the result shows it, history keeps old/new/author, undo restores', async () => {
      const before = await result(ids[0]!);
      const row = before.sections[0]!.indikator[0]!;
      const patch = (value: string) =>
        as('reviewer', {
          method: 'PATCH',
          url: `/documents/${ids[0]}/fields`,
          payload: { rowKey: row.rowKey, path: 'formulasi', value },
        });
      const first = await patch('Jumlah A dibagi jumlah B x 100%');
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        oldValue: row.formulasi,
        newValue: 'Jumlah A dibagi jumlah B x 100%',
        author: users.reviewer.id,
        version: 1,
      });
      expect((await result(ids[0]!)).sections[0]!.indikator[0]!.formulasi).toBe(
        'Jumlah A dibagi jumlah B x 100%',
      );
      const second = await patch('Jumlah C');
      expect(second.json().version).toBe(2);

      const history = (
        await as('uploader', { method: 'GET', url: `/documents/${ids[0]}/corrections` })
      ).json().items;
      expect(history.map((h: { state: string }) => h.state)).toEqual(['superseded', 'active']);
      expect(history[0]).toMatchObject({
        oldValue: row.formulasi,
        newValue: 'Jumlah A dibagi jumlah B x 100%',
        author: users.reviewer.id,
      });
      expect(history[1]).toMatchObject({ oldValue: 'Jumlah A dibagi jumlah B x 100%', newValue: 'Jumlah C' });
      const filtered = (
        await as('uploader', { method: 'GET', url: `/documents/${ids[0]}/corrections?path=sasaran` })
      ).json();
      expect(filtered.items).toEqual([]);

      // only the top edit can be undone
      const early = await as('reviewer', { method: 'POST', url: `/corrections/${first.json().id}/undo` });
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toBe('conflict');
      const undo2 = await as('reviewer', { method: 'POST', url: `/corrections/${second.json().id}/undo` });
      expect(undo2.json().state).toBe('undone');
      expect((await result(ids[0]!)).sections[0]!.indikator[0]!.formulasi).toBe(
        'Jumlah A dibagi jumlah B x 100%',
      );
      await as('reviewer', { method: 'POST', url: `/corrections/${first.json().id}/undo` });
      expect((await result(ids[0]!)).sections[0]!.indikator[0]!.formulasi).toBe(row.formulasi);
      expect(
        (await as('reviewer', { method: 'POST', url: `/corrections/${first.json().id}/undo` })).statusCode,
      ).toBe(409);
      expect(
        (await as('uploader', { method: 'POST', url: `/corrections/${first.json().id}/undo` })).statusCode,
      ).toBe(403);
    });

    it('corrects a section field by section key', async () => {
      const section = (await result(ids[0]!)).sections[0]!;
      const res = await as('reviewer', {
        method: 'PATCH',
        url: `/documents/${ids[0]}/fields`,
        payload: { sectionKey: section.sectionKey, path: 'jabatan', value: 'Kepala Seksi Uji' },
      });
      expect(res.statusCode).toBe(200);
      expect((await result(ids[0]!)).sections[0]!.jabatan).toBe('Kepala Seksi Uji');
      await as('reviewer', { method: 'POST', url: `/corrections/${res.json().id}/undo` });
      expect((await result(ids[0]!)).sections[0]!.jabatan).toBe(section.jabatan);
    });

    it('answers 400 with field and reason for bad corrections', async () => {
      const row = (await result(ids[0]!)).sections[0]!.indikator[0]!;
      const section = (await result(ids[0]!)).sections[0]!;
      const cases: [Record<string, unknown>, string][] = [
        [{ rowKey: row.rowKey, value: 'x' }, 'path'],
        [{ rowKey: row.rowKey, path: 'formulasi' }, 'value'],
        [{ path: 'formulasi', value: 'x' }, 'rowKey'],
        [{ rowKey: row.rowKey, sectionKey: section.sectionKey, path: 'formulasi', value: 'x' }, 'rowKey'],
        [{ rowKey: row.rowKey, path: 'formulasi', value: { not: 'text' } }, 'value'],
        [{ rowKey: row.rowKey, path: 'noSuchField.x', value: 'x' }, 'path'],
        [{ rowKey: row.rowKey, path: 'formulasi', value: 'x', extra: 1 }, ''],
      ];
      for (const [payload, field] of cases) {
        const res = await as('reviewer', { method: 'PATCH', url: `/documents/${ids[0]}/fields`, payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error).toBe('bad_request');
        expect(typeof res.json().reason).toBe('string');
        if (field) expect(res.json().field, JSON.stringify(payload)).toBe(field);
      }
      const unknownRow = await as('reviewer', {
        method: 'PATCH',
        url: `/documents/${ids[0]}/fields`,
        payload: { rowKey: 'no|such|row|1', path: 'formulasi', value: 'x' },
      });
      expect(unknownRow.statusCode).toBe(404);
      const notJson = await app.inject({
        method: 'PATCH',
        url: `/api/v1/documents/${ids[0]}/fields`,
        headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json' },
        payload: '{"rowKey": ',
      });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().error).toBe('bad_request');
    });

    it('lists flags and records accept / dismiss decisions', async () => {
      const list = (await as('uploader', { method: 'GET', url: `/flags?documentId=${ids[3]}` })).json();
      expect(list.total).toBeGreaterThan(0);
      const flag = list.items[0] as { id: string; documentId: string };
      expect(flag.documentId).toBe(ids[3]);
      const accepted = await as('reviewer', {
        method: 'PATCH',
        url: `/flags/${flag.id}`,
        payload: { status: 'accepted', note: 'checked' },
      });
      expect(accepted.json()).toMatchObject({
        status: 'accepted',
        note: 'checked',
        updatedBy: users.reviewer.id,
      });
      const onlyAccepted = (
        await as('uploader', { method: 'GET', url: `/flags?documentId=${ids[3]}&status=accepted` })
      ).json();
      expect(onlyAccepted.items.map((f: { id: string }) => f.id)).toEqual([flag.id]);
      const inResult = (await result(ids[3]!)).sections.flatMap((s) => s.flags).find((f) => f.id === flag.id);
      expect(inResult?.status).toBe('accepted');
      const dismissed = await as('admin', {
        method: 'PATCH',
        url: `/flags/${flag.id}`,
        payload: { status: 'dismissed' },
      });
      expect(dismissed.json()).toMatchObject({ status: 'dismissed', note: null });
      const bad = await as('reviewer', {
        method: 'PATCH',
        url: `/flags/${flag.id}`,
        payload: { status: 'maybe' },
      });
      expect(bad.json()).toMatchObject({ error: 'bad_request', field: 'status' });
      const missing = await as('reviewer', {
        method: 'PATCH',
        url: '/flags/00000000-0000-4000-8000-000000000000',
        payload: { status: 'accepted' },
      });
      expect(missing.statusCode).toBe(404);
    });

    it('queries rows with keys, by document and by text', async () => {
      const r2 = await result(ids[2]!);
      const n = r2.sections.reduce((a, s) => a + s.indikator.length, 0);
      const page = (
        await as('uploader', { method: 'GET', url: `/rows?documentId=${ids[2]}&limit=5` })
      ).json();
      expect(page.total).toBe(n);
      expect(page.items).toHaveLength(Math.min(5, n));
      const keys = new Set(r2.sections.flatMap((s) => s.indikator.map((r) => r.rowKey)));
      expect(page.items.every((r: { rowKey: string }) => keys.has(r.rowKey))).toBe(true);
      const hits = (await as('uploader', { method: 'GET', url: '/rows?q=persentase&limit=50' })).json();
      expect(hits.total).toBeGreaterThan(0);
      expect(hits.items.every((r: { data: object }) => /persentase/i.test(JSON.stringify(r.data)))).toBe(
        true,
      );
    });

    it('re-extracts a document, keeping the corrections', async () => {
      const row = (await result(ids[1]!)).sections[0]!.indikator[0]!;
      await as('reviewer', {
        method: 'PATCH',
        url: `/documents/${ids[1]}/fields`,
        payload: { rowKey: row.rowKey, path: 'formulasi', value: 'Jumlah yang dikoreksi' },
      });
      expect(
        (await as('reviewer', { method: 'POST', url: `/documents/${ids[1]}/reextract` })).statusCode,
      ).toBe(403);
      const res = await as('uploader', { method: 'POST', url: `/documents/${ids[1]}/reextract` });
      expect(res.statusCode).toBe(202);
      expect(res.json().status).toBe('queued');
      expect((await waitDone(ids[1]!)).status).toBe('done');
      const after = await result(ids[1]!);
      expect(after.run.version).toBe(2);
      expect(after.sections[0]!.indikator[0]!.formulasi).toBe('Jumlah yang dikoreksi');
      const conflicts = await as('uploader', { method: 'GET', url: `/documents/${ids[1]}/conflicts` });
      expect(conflicts.json()).toEqual({ items: [] });
      const doc = (await as('uploader', { method: 'GET', url: `/documents/${ids[1]}` })).json();
      expect(doc.runs.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    });
  });

  describe('upload guards', () => {
    const seedCopy = () => Buffer.concat([SEEDS[1]!.data, Buffer.from(`\n${ctx().driver}\n`)]);

    it('expands a zip into its documents, skipping folders and archiver metadata', async () => {
      const zip = makeZip([
        { name: 'arsip/' },
        { name: 'arsip/kecamatan.txt', data: seedCopy() },
        { name: '__MACOSX/arsip/._kecamatan.txt', data: Buffer.from('x') },
      ]);
      const res = await upload('uploader', [file('arsip.zip', zip)]);
      expect(res.statusCode).toBe(202);
      const body = res.json();
      expect(body.documents).toHaveLength(1);
      expect(body.documents[0]).toMatchObject({
        fileName: 'kecamatan.txt',
        archive: 'arsip.zip',
        created: true,
      });
      expect(body.skipped).toHaveLength(1);
      expect((await waitDone(body.documents[0].id)).status).toBe('done');
    });

    it('refuses a zip with a path-traversal or absolute entry, storing none of it', async () => {
      const total = async () =>
        (await as('uploader', { method: 'GET', url: '/documents' })).json().total as number;
      const before = await total();
      const fresh = Buffer.from('IKI test file that was never uploaded');
      for (const [name, reason] of [
        ['../../etc/evil.txt', /traversal/],
        ['/etc/passwd', /absolute/],
        ['..\\windows\\evil.txt', /traversal/],
      ] as const) {
        const zip = makeZip([
          { name: 'ok.txt', data: fresh },
          { name, data: Buffer.from('x') },
        ]);
        const res = await upload('uploader', [file('evil.zip', zip)]);
        expect(res.statusCode, name).toBe(400);
        expect(res.json()).toMatchObject({ error: 'bad_request', field: 'files[0]', in: 'files' });
        expect(res.json().reason).toMatch(reason);
      }
      expect(await total()).toBe(before);
    });

    it('refuses a zip bomb and a zip with too many entries', async () => {
      const bomb = makeZip([{ name: 'bomb.txt', data: Buffer.alloc(3 * MiB, 0x20) }]);
      expect(bomb.length).toBeLessThan(64 * KiB);
      const res = await upload('uploader', [file('bomb.zip', bomb)]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: 'payload_too_large', field: 'files[0]' });
      expect(res.json().reason).toMatch(/zip bomb/);
      const many = makeZip(
        Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from(`file ${i}`) })),
      );
      const tooMany = await upload('uploader', [file('many.zip', many)]);
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json().reason).toMatch(/entries/);
      // an entry that inflates past the per-file limit
      const big = makeZip([{ name: 'big.txt', data: Buffer.alloc(5 * MiB, 0x20), store: true }]);
      expect((await upload('uploader', [file('big.zip', big)])).statusCode).toBe(413);
    });

    it('accepts the good files of a mixed upload and lists the refused ones', async () => {
      const bomb = makeZip([{ name: 'bomb.txt', data: Buffer.alloc(3 * MiB, 0x20) }]);
      const res = await upload('uploader', [
        file('bomb.zip', bomb),
        file('ok.txt', Buffer.concat([seedCopy(), Buffer.from('mixed\n')])),
      ]);
      expect(res.statusCode).toBe(202);
      expect(res.json().documents.map((d: { fileName: string }) => d.fileName)).toEqual(['ok.txt']);
      expect(res.json().rejected).toMatchObject([{ fileName: 'bomb.zip', field: 'files[0]', status: 413 }]);
      await waitDone(res.json().documents[0].id);
    });

    it('refuses an oversize file, an empty file, no file, and a non-multipart body', async () => {
      const big = await upload('uploader', [file('big.txt', Buffer.alloc(5 * MiB, 0x41))]);
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ error: 'payload_too_large', field: 'files[0]' });
      const empty = await upload('uploader', [file('empty.txt', Buffer.alloc(0))]);
      expect(empty.json()).toMatchObject({ error: 'bad_request', field: 'files[0]' });
      const none = await upload('uploader', [{ field: 'unitKerja', value: 'Kecamatan X' }]);
      expect(none.json()).toMatchObject({ error: 'bad_request', field: 'files' });
      const tooMany = await upload(
        'uploader',
        Array.from({ length: LIMITS.upload.maxFiles + 1 }, (_, i) => file(`e${i}.txt`, Buffer.alloc(0))),
      );
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json()).toMatchObject({ error: 'payload_too_large', field: 'files' });
      const json = await as('uploader', { method: 'POST', url: '/documents', payload: { file: 'x' } });
      expect(json.statusCode).toBe(415);
      const path = await upload('uploader', [
        file('../../x/../evil name.txt', Buffer.concat([seedCopy(), Buffer.from('path\n')])),
      ]);
      expect(path.json().documents[0].fileName).toBe('evil name.txt');
      await waitDone(path.json().documents[0].id);
    });
  });

  describe('export', () => {
    it('exports JSON, CSV and XLSX that parse back', async () => {
      const json = await as('uploader', { method: 'GET', url: '/export?format=json' });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toMatch(/application\/json/);
      const files = json.json() as unknown[];
      const done = (await as('uploader', { method: 'GET', url: '/documents?status=done' })).json().total;
      expect(files).toHaveLength(done);
      expect(files.every((f) => ExtractedFile.safeParse(f).success)).toBe(true);
      // the export carries the reviewers' corrections
      expect(JSON.stringify(files)).toContain('Jumlah yang dikoreksi');

      const one = ExtractedFile.parse(
        (await as('uploader', { method: 'GET', url: `/export?format=json&documentId=${ids[3]}` })).json()[0],
      );
      const expectedRows = one.sections.reduce((a, s) => a + Math.max(1, s.indikator.length), 0);
      const csv = await as('uploader', { method: 'GET', url: `/export?format=csv&documentId=${ids[3]}` });
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="iki-.*\.csv"/);
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const table = parseCsv(csv.body.replace(/^\uFEFF/, ''));
      const header = table[0]!;
      expect(header).toEqual(
        expect.arrayContaining(['file', 'jabatan', 'indikator', 'formulasi', 'sumberData']),
      );
      expect(table.length - 1).toBe(expectedRows);
      const col = header.indexOf('indikator');
      const firstIndikator = one.sections.flatMap((s) => s.indikator)[0]!.indikator;
      expect(table[1]![col]).toBe(firstIndikator);

      const xlsx = await as('uploader', { method: 'GET', url: `/export?format=xlsx&documentId=${ids[3]}` });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Indikator', 'Flags', 'Penandatangan']);
      expect(wb.getWorksheet('Indikator')!.rowCount - 1).toBe(expectedRows);
      const flagCount = one.flags.length + one.sections.reduce((a, s) => a + s.flags.length, 0);
      expect(wb.getWorksheet('Flags')!.rowCount - 1).toBe(flagCount);
      const signers = wb.getWorksheet('Penandatangan')!;
      const nipCol = (signers.getRow(1).values as string[]).indexOf('nip');
      const nips = one.sections
        .flatMap((s) => s.penandatangan.map((p) => p.nip))
        .filter((n): n is string => n !== null);
      if (nips.length) expect(signers.getRow(2).getCell(nipCol).value).toBe(nips[0]);
    });

    it('filters by unit kerja and validates the format', async () => {
      const unit = (await result(ids[0]!)).sections.find((s) => s.unitKerja)!.unitKerja!;
      const res = await as('uploader', {
        method: 'GET',
        url: `/export?format=json&unitKerja=${encodeURIComponent(unit)}`,
      });
      const files = res.json() as { sections: { unitKerja: string | null }[] }[];
      expect(files.length).toBeGreaterThan(0);
      expect(res.headers['x-iki-documents']).toBe(String(files.length));
      expect(
        files.every((f) => f.sections.some((s) => s.unitKerja?.toLowerCase() === unit.toLowerCase())),
      ).toBe(true);
      const bad = await as('uploader', { method: 'GET', url: '/export?format=pdf' });
      expect(bad.json()).toMatchObject({ error: 'bad_request', field: 'format', in: 'query' });
      const missing = await as('uploader', {
        method: 'GET',
        url: '/export?format=csv&documentId=00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('system', () => {
    it('serves Prometheus metrics', async () => {
      const res = await as('uploader', { method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(res.body).toContain('# TYPE iki_http_requests_total counter');
      expect(res.body).toMatch(
        /iki_http_requests_total\{method="GET",route="\/api\/v1\/documents",status="200"\} \d+/,
      );
      expect(res.body).toMatch(/iki_documents\{status="done"\} [1-9]/);
      expect(res.body).toMatch(/iki_extractions_total\{outcome="done"\} [1-9]/);
      expect(res.body).toContain(
        'iki_http_request_duration_seconds_bucket{method="GET",route="/api/v1/documents",le="+Inf"}',
      );
    });

    it('describes every route in /openapi.json', async () => {
      const res = await as('reviewer', { method: 'GET', url: '/openapi.json' });
      const doc = res.json() as {
        openapi: string;
        paths: Record<
          string,
          Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
        >;
      };
      expect(doc.openapi).toBe('3.1.0');
      for (const r of app.iki.routes) {
        const path = `/api/v1${r.url.replace(/:(\w+)/g, '{$1}')}`;
        expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
      }
      for (const p of [
        '/api/v1/documents',
        '/api/v1/documents/{id}/result',
        '/api/v1/documents/{id}/fields',
        '/api/v1/export',
        '/api/v1/health',
      ]) {
        expect(doc.paths).toHaveProperty([p]);
      }
      const patch = doc.paths['/api/v1/documents/{id}/fields']!.patch!;
      expect(Object.keys(patch.requestBody!.content['application/json']!.schema.properties)).toEqual(
        expect.arrayContaining(['rowKey', 'sectionKey', 'path', 'value']),
      );
      expect(doc.paths['/api/v1/documents']!.post!.requestBody!.content).toHaveProperty([
        'multipart/form-data',
      ]);
    });

    it('answers unknown routes with the JSON error shape, and sets no CORS header by default', async () => {
      const res = await as('uploader', {
        method: 'GET',
        url: '/nope',
        headers: { origin: 'https://evil.example' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
      const docs = await as('uploader', {
        method: 'GET',
        url: '/documents',
        headers: { origin: 'https://evil.example' },
      });
      expect(docs.headers['access-control-allow-origin']).toBeUndefined();
      expect(docs.headers['x-content-type-options']).toBe('nosniff');
    });

    it('allows configured CORS origins, including the preflight', async () => {
      const corsApp = buildServer({
        store: ctx().store,
        dataDir,
        cors: { origins: ['https://review.example'] },
      });
      try {
        const pre = await corsApp.inject({
          method: 'OPTIONS',
          url: '/api/v1/documents',
          headers: { origin: 'https://review.example', 'access-control-request-method': 'GET' },
        });
        expect(pre.statusCode).toBe(204);
        expect(pre.headers['access-control-allow-origin']).toBe('https://review.example');
        expect(String(pre.headers['access-control-allow-headers'])).toMatch(/authorization/);
        const other = await corsApp.inject({
          method: 'GET',
          url: '/api/v1/health',
          headers: { origin: 'https://evil.example' },
        });
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await corsApp.close();
      }
    });
  });
});
