/**
 * The API with REDIS_URL and PostgreSQL only transports and stores: an upload becomes a BullMQ
 * flow (nothing is extracted in the API process), workers extract it, and the document list
 * reports its live progress from Redis, OCR page k of n included. Real Redis and PostgreSQL.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { createSubmitter } from '../../src/api/submit.js';
import type { RunningWorkers } from '../../src/queue/worker.js';
import { startWorkers } from '../../src/queue/worker.js';
import type { DocumentProgress } from '../../src/runner/progress.js';
import type { Store } from '../../src/store/repository.js';
import { createApiToken, createUser } from '../../src/store/repository.js';
import { smallForm } from '../ingest/helpers/documents.js';
import { testServices } from '../helpers/services.js';
import { FAKE_PAGE_OCR, waitFor } from '../queue/helpers/harness.js';
import { multipart } from './multipart.js';

const svc = testServices('api-queue');
const { cfg, dataDir } = svc;
let store: Store;
let app: FastifyInstance;
let workers: RunningWorkers | undefined;
let token: string;

interface DocBody {
  id: string;
  status: string;
  progress: DocumentProgress;
  runs?: { version: number }[];
}

const as = (opts: InjectOptions) =>
  app.inject({
    ...opts,
    url: `/api/v1${opts.url as string}`,
    headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` },
  });
const getDoc = async (id: string) => (await as({ method: 'GET', url: `/documents/${id}` })).json() as DocBody;

beforeAll(async () => {
  // Workers read blobs from IKI_DATA_DIR (set by open); the API writes them there.
  store = await svc.open();
  app = buildServer({ store, dataDir, submitter: createSubmitter({ store, dataDir, queue: cfg }) });
  await app.ready();
  const admin = await createUser(store, 'admin@queue.test', 'correct horse battery', 'admin');
  token = (await createApiToken(store, admin.id, 'test')).token;
});

afterAll(async () => {
  await workers?.close();
  await app?.close();
  await svc.close();
});

describe('API uploads through the queue', () => {
  it('enqueues instead of extracting, then reports OCR page k of n from Redis until done', async () => {
    expect(app.iki.submitter.runner).toBe('queue');
    // The fake page-OCR module: "ocr" in the name plans pages 1 and 2, "slow1500" makes each take 1.5 s.
    const body = multipart([{ field: 'files', filename: 'pindaian-ocr-slow1500.txt', data: smallForm(401) }]);
    const up = await as({ method: 'POST', url: '/documents', payload: body.payload, headers: body.headers });
    expect(up.statusCode).toBe(202);
    const id = (up.json() as { documents: { id: string; queued: boolean }[] }).documents[0]!;
    expect(id.queued).toBe(true);

    // No worker yet: the API process does not extract; the document waits in the queue.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await getDoc(id.id)).toMatchObject({ status: 'queued', progress: { stage: 'queued' } });
    const listed = (await as({ method: 'GET', url: '/documents?status=queued' })).json() as {
      items: DocBody[];
    };
    expect(listed.items.find((d) => d.id === id.id)?.progress.stage).toBe('queued');

    // One OCR job at a time, so the pages finish one after the other.
    workers = await startWorkers({
      config: cfg,
      store,
      pageOcrModule: FAKE_PAGE_OCR,
      concurrency: { parse: 1, ocr: 1, store: 1 },
    });
    const seen: DocumentProgress[] = [];
    const done = await waitFor(
      'the document to be done',
      async () => {
        const doc = await getDoc(id.id);
        const last = seen[seen.length - 1];
        if (!last || JSON.stringify(last) !== JSON.stringify(doc.progress)) seen.push(doc.progress);
        return doc.status === 'done' || doc.status === 'failed' ? doc : null;
      },
      60_000,
      100,
    );
    process.stdout.write(
      `progress seen: ${seen.map((p) => `${p.stage}${p.pages ? ` ${p.page}/${p.pages}` : ''}`).join(' → ')}\n`,
    );
    expect(done.status).toBe('done');
    expect(done.progress).toMatchObject({ stage: 'done', page: null });
    expect(seen).toContainEqual({ stage: 'ocr', page: 1, pages: 2 });
    expect(seen).toContainEqual({ stage: 'ocr', page: 2, pages: 2 });
    const ocrAt = seen.findIndex((p) => p.stage === 'ocr');
    expect(ocrAt).toBeGreaterThanOrEqual(0);
    expect(ocrAt).toBeLessThan(seen.findIndex((p) => p.stage === 'done'));

    // The workbench's archive list (what the upload page polls) carries the same progress.
    const archive = (await as({ method: 'GET', url: `/workbench/documents?ids=${id.id}` })).json() as {
      items: DocBody[];
    };
    expect(archive.items[0]?.progress).toMatchObject({ stage: 'done' });
  }, 90_000);

  it('re-extracts through the queue: a new versioned run', async () => {
    const body = multipart([{ field: 'files', filename: 'form-402.txt', data: smallForm(402) }]);
    const up = await as({ method: 'POST', url: '/documents', payload: body.payload, headers: body.headers });
    const { id } = (up.json() as { documents: { id: string }[] }).documents[0]!;
    await waitFor('first run', async () => (await getDoc(id)).status === 'done', 60_000);
    const again = await as({ method: 'POST', url: `/documents/${id}/reextract` });
    expect(again.statusCode).toBe(202);
    const doc = await waitFor(
      'second run',
      async () => {
        const d = await getDoc(id);
        return d.status === 'done' && d.runs?.length === 2 ? d : null;
      },
      60_000,
    );
    expect(doc.runs!.map((r) => r.version).sort()).toEqual([1, 2]);
  }, 90_000);
});
