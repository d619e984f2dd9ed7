/**
 * The workbench's server side without a browser: the built app's files (SPA fallback, cache
 * headers, precompressed twins), the source and page-image routes, and the archive list.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { registerWorkbench } from '../../src/api/static.js';
import { writeBlob } from '../../src/api/submit.js';
import {
  type Store,
  createApiToken,
  createUser,
  openStore,
  saveExtraction,
  upsertDocument,
} from '../../src/store/repository.js';
import { syntheticResult } from './synthetic.js';

const ROOT = join(import.meta.dirname, '../..');
const PDF = readFileSync(join(ROOT, 'fixtures/pdf/001_5e37c471fde3e7ca-borderless.pdf'));
const TEXT = readFileSync(join(ROOT, 'fixtures/seeds/001_5e37c471fde3e7ca.txt'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const JS = 'console.log("iki");'.repeat(100);

describe('workbench routes', () => {
  let store: Store;
  let app: FastifyInstance;
  let dataDir: string;
  let webRoot: string;
  let auth: { authorization: string };
  const ids: Record<'pdf' | 'text' | 'missing', string> = { pdf: '', text: '', missing: '' };

  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://', databaseUrl: '' });
    const user = await createUser(store, 'r@iki.test', 'kata sandi rahasia 123', 'reviewer', 'test');
    auth = { authorization: `Bearer ${(await createApiToken(store, user.id)).token}` };
    dataDir = mkdtempSync(join(tmpdir(), 'iki-wb-'));
    webRoot = join(dataDir, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>iki</title>');
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), JS);
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js.br'), brotliCompressSync(JS));
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js.gz'), gzipSync(JS));
    process.env.IKI_WEB_ROOT = webRoot;
    app = buildServer({ store, dataDir });
    delete process.env.IKI_WEB_ROOT;
    await app.ready();

    for (const [kind, bytes, name, media] of [
      ['pdf', PDF, 'b.pdf', 'application/pdf'],
      ['text', TEXT, 'a.txt', 'text/plain'],
    ] as const) {
      const storageKey = await writeBlob(dataDir, sha(bytes), bytes);
      const { document } = await upsertDocument(store, {
        sha256: sha(bytes),
        fileName: name,
        mediaType: media,
        byteSize: bytes.length,
        storageKey,
        unitKerja: kind === 'pdf' ? 'Kecamatan Contoh' : null,
      });
      ids[kind] = document.id;
    }
    await saveExtraction(store, ids.text, syntheticResult(sha(TEXT)), 'test');
    const gone = Buffer.from('never stored');
    ids.missing = (
      await upsertDocument(store, {
        sha256: sha(gone),
        fileName: 'c.pdf',
        mediaType: 'application/pdf',
        byteSize: 1,
      })
    ).document.id;
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the built app', () => {
    it('serves index.html for the app paths, never cached, with a content security policy', async () => {
      for (const url of ['/', '/arsip?q=x', '/dokumen/123']) {
        const res = await app.inject({ url });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.body).toContain('<title>iki</title>');
      }
    });

    it('serves hashed assets for a year, brotli or gzip when accepted', async () => {
      const br = await app.inject({
        url: '/assets/index-abc123.js',
        headers: { 'accept-encoding': 'gzip, br' },
      });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toContain('immutable');
      expect(br.rawPayload.length).toBeLessThan(JS.length);
      const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      const plain = await app.inject({ url: '/assets/index-abc123.js' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(JS);
    });

    it('answers a missing asset and an unknown API route with 404, not the app', async () => {
      const asset = await app.inject({ url: '/assets/gone-000.js' });
      expect(asset.statusCode).toBe(404);
      const api = await app.inject({ url: '/api/v1/nope', headers: auth });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ error: 'not_found' });
    });

    it('says how to build the app when it is not built', async () => {
      const bare = Fastify();
      registerWorkbench(bare, { store, dataDir, webRoot: join(dataDir, 'no-such-dir') });
      const res = await bare.inject({ url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build:web');
      await bare.close();
    });
  });

  describe('source routes', () => {
    it('need a token', async () => {
      const res = await app.inject({ url: `/api/v1/documents/${ids.pdf}/source` });
      expect(res.statusCode).toBe(401);
      const page = await app.inject({ url: `/api/v1/documents/${ids.pdf}/pages/1.png` });
      expect(page.statusCode).toBe(401);
    });

    it('describe a PDF by its pages in points', async () => {
      const res = await app.inject({ url: `/api/v1/documents/${ids.pdf}/source`, headers: auth });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { kind: string; pages: { page: number; width: number; height: number }[] };
      expect(body.kind).toBe('pdf');
      expect(body.pages.length).toBeGreaterThan(0);
      expect(body.pages[0]!.width).toBeGreaterThan(500);
      expect(body.pages[0]!.width).toBeLessThan(900);
    });

    it('render a PDF page as a PNG at the asked scale, with a validator', async () => {
      const url = `/api/v1/documents/${ids.pdf}/pages/1.png?scale=1`;
      const res = await app.inject({ url, headers: auth });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect([...res.rawPayload.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      const width = res.rawPayload.readUInt32BE(16);
      const info = (
        await app.inject({ url: `/api/v1/documents/${ids.pdf}/source`, headers: auth })
      ).json() as {
        pages: { width: number }[];
      };
      expect(Math.abs(width - info.pages[0]!.width)).toBeLessThanOrEqual(1);
      const again = await app.inject({
        url,
        headers: { ...auth, 'if-none-match': String(res.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
    });

    it('refuse a page that is not there and a scale out of range', async () => {
      expect(
        (await app.inject({ url: `/api/v1/documents/${ids.pdf}/pages/999.png`, headers: auth })).statusCode,
      ).toBe(404);
      expect(
        (await app.inject({ url: `/api/v1/documents/${ids.pdf}/pages/x.png`, headers: auth })).statusCode,
      ).toBe(404);
      const scale = await app.inject({
        url: `/api/v1/documents/${ids.pdf}/pages/1.png?scale=9`,
        headers: auth,
      });
      expect(scale.statusCode).toBe(400);
      expect(scale.json()).toMatchObject({ field: 'scale' });
      expect(
        (await app.inject({ url: `/api/v1/documents/${ids.text}/pages/1.png`, headers: auth })).statusCode,
      ).toBe(404);
    });

    it('give a text file as its text, and say when the original is not stored', async () => {
      const text = (
        await app.inject({ url: `/api/v1/documents/${ids.text}/source`, headers: auth })
      ).json() as {
        kind: string;
        text: string;
      };
      expect(text.kind).toBe('text');
      expect(text.text).toContain('INDIKATOR KINERJA');
      const missing = (
        await app.inject({ url: `/api/v1/documents/${ids.missing}/source`, headers: auth })
      ).json();
      expect(missing).toMatchObject({ kind: 'none' });
      const unknown = await app.inject({
        url: '/api/v1/documents/00000000-0000-4000-8000-000000000000/source',
        headers: auth,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('archive list', () => {
    type Item = { id: string; forms: number; rows: number; openFlags: number; status: string };
    const list = async (query: string) => {
      const res = await app.inject({ url: `/api/v1/workbench/documents${query}`, headers: auth });
      return { status: res.statusCode, body: res.json() as { items: Item[]; total: number } };
    };

    it('counts forms, rows and open flags of the latest run', async () => {
      const { body } = await list('');
      expect(body.total).toBe(3);
      const text = body.items.find((d) => d.id === ids.text)!;
      expect(text).toMatchObject({ forms: 10, rows: 300, status: 'done' });
      expect(text.openFlags).toBeGreaterThan(0);
      expect(body.items.find((d) => d.id === ids.pdf)).toMatchObject({ forms: 0, rows: 0, openFlags: 0 });
    });

    it('filters by ids, severity, flag code, unit kerja and full text', async () => {
      expect((await list(`?ids=${ids.pdf},${ids.missing}`)).body.total).toBe(2);
      expect((await list('?severity=error')).body.items.map((d) => d.id)).toEqual([ids.text]);
      expect((await list('?flagCode=UNSIGNED')).body.total).toBe(0);
      expect((await list('?flagCode=SPELLING_VARIANT')).body.total).toBe(1);
      expect((await list('?unitKerja=kecamatan%20contoh')).body.items.map((d) => d.id)).toEqual([ids.pdf]);
      expect((await list('?q=diselesaikan')).body.items.map((d) => d.id)).toEqual([ids.text]);
    });

    it('refuses a malformed query with the field named', async () => {
      const bad = await list('?ids=not-a-uuid');
      expect(bad.status).toBe(400);
      const severity = await list('?severity=fatal');
      expect(severity.status).toBe(400);
    });
  });
});
