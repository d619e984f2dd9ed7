/**
 * The queue path with real Redis and PostgreSQL: flows per document (store ← parse ← page OCR),
 * idempotent enqueue, failures recorded with stage and page, retry, graceful hand-back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/ingest/ingest.js';
import { ingest } from '../../src/ingest/ingest.js';
import { retryDocuments, retryTargets } from '../../src/ingest/retry.js';
import type { Runtime } from '../../src/ingest/runtime.js';
import { readStatus } from '../../src/ingest/status.js';
import { runThroughQueue } from '../../src/queue/drive.js';
import type { ParseJobData } from '../../src/queue/jobs.js';
import { ocrJobId } from '../../src/queue/jobs.js';
import { PipelineQueues } from '../../src/queue/queues.js';
import type { RunningWorkers } from '../../src/queue/worker.js';
import { startWorkers } from '../../src/queue/worker.js';
import type { ExtractPool } from '../../src/runner/pool.js';
import type { DocumentProgress } from '../../src/runner/progress.js';
import { createExtractPool } from '../../src/runner/pool.js';
import type { Store } from '../../src/store/repository.js';
import { corruptPdf, smallForm } from '../ingest/helpers/documents.js';
import { testServices } from '../helpers/services.js';
import { FAKE_PAGE_OCR, runsOf, waitFor } from './helpers/harness.js';

const svc = testServices('queue');
const { cfg, dataDir } = svc;
const inbox = join(dataDir, 'inbox');
let store: Store;
let queues: PipelineQueues;
let workers: RunningWorkers;
let pool: ExtractPool;

const settings = {
  config: cfg,
  pageOcrModule: FAKE_PAGE_OCR,
  concurrency: { parse: 1, ocr: 2, store: 2 },
  lockDurationMs: 5000,
  stalledIntervalMs: 2000,
};

beforeAll(async () => {
  store = await svc.open();
  queues = new PipelineQueues(cfg);
  // One thread pool for every worker set of this file: starting threads costs seconds each.
  pool = createExtractPool({ threads: 2 });
  workers = await startWorkers({ ...settings, store, pool });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(inbox);
  for (let i = 0; i < 3; i++) writeFileSync(join(inbox, `iki-${i}.txt`), smallForm(300 + i));
  writeFileSync(join(inbox, 'rusak.pdf'), corruptPdf());
  writeFileSync(join(inbox, 'pindaian-ocr.txt'), smallForm(310));
  writeFileSync(join(inbox, 'pindaian-ocrfail.txt'), smallForm(311));
});

afterAll(async () => {
  await workers?.close();
  await pool?.close();
  await queues?.close();
  await svc.close();
});

const byName = (r: IngestReport, suffix: string) => r.outcomes.find((o) => o.display.endsWith(suffix))!;

function runtime(): Runtime {
  return {
    store,
    runner: 'queue',
    queues,
    run: (docs, onEvent) => runThroughQueue(docs, { store, queues, onEvent, reconcileMs: 1000 }),
    close: async () => undefined,
  };
}

describe('documents through bullmq into PostgreSQL', () => {
  let report: IngestReport;

  it('runs one flow per document; page OCR jobs feed the parse; failures keep stage and page', async () => {
    report = await ingest([inbox], { store, dataDir, runner: 'queue', run: runtime().run });
    expect(report.outcomes.map((o) => `${o.display.replace(inbox, '')} ${o.status}`).sort()).toEqual([
      '/iki-0.txt done',
      '/iki-1.txt done',
      '/iki-2.txt done',
      '/pindaian-ocr.txt done',
      '/pindaian-ocrfail.txt failed',
      '/rusak.pdf failed',
    ]);
    expect(byName(report, 'rusak.pdf').failure).toMatchObject({ stage: 'read', page: null });
    expect(byName(report, 'ocrfail.txt').failure).toMatchObject({
      stage: 'ocr',
      page: 2,
      reason: 'the scan is unreadable',
    });
    for (const o of report.outcomes) expect(await runsOf(store, o.documentId!)).toBe(1);

    // The OCR document had two page jobs, both done; the bad file's parse job is kept as failed.
    const ocr = byName(report, 'ocr.txt');
    for (const page of [1, 2]) {
      expect(await queues.queues.ocr.getJobState(ocrJobId(ocr.sha256!, page))).toBe('completed');
    }
    const bad = await Job.fromId<ParseJobData>(queues.queues.parse, byName(report, 'rusak.pdf').sha256!);
    expect(await bad!.getState()).toBe('failed');
    expect(bad!.attemptsMade).toBe(1); // bad input: not retried
    expect(bad!.data.failure).toMatchObject({ unrecoverable: true, stage: 'read' });
  });

  it('enqueues idempotently: the same documents again add no job', async () => {
    const before = await queues.counts();
    const docs = report.outcomes.map((o) => ({
      documentId: o.documentId!,
      sha256: o.sha256!,
      storageKey: `blobs/${o.sha256!.slice(0, 2)}/${o.sha256}`,
      fileName: o.display,
    }));
    await queues.enqueue(docs);
    await queues.enqueue(docs);
    expect(await queues.counts()).toEqual(before);
  });

  it('status reports documents, failures and queue counts', async () => {
    const status = await readStatus(store, queues);
    expect(status.documents).toMatchObject({ done: 4, failed: 2 });
    expect(status.failures.map((f) => f.fileName).sort()).toEqual(['pindaian-ocrfail.txt', 'rusak.pdf']);
    expect(status.queues?.parse).toMatchObject({ failed: 2 });
    expect(status.workers?.parse).toBeGreaterThanOrEqual(1);
  });

  it('retry removes the old jobs and runs the failed documents again (a new run each)', async () => {
    const targets = await retryTargets(store, []);
    expect(targets).toHaveLength(2);
    const again = await retryDocuments(runtime(), targets, { dataDir });
    expect(again.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    for (const t of targets) expect(await runsOf(store, t.id)).toBe(2);
    for (const o of report.outcomes.filter((x) => x.status === 'done'))
      expect(await runsOf(store, o.documentId!)).toBe(1);
  });

  it("reports a scan's OCR page by page while its page jobs run, then its parse", async () => {
    writeFileSync(join(dataDir, 'lambat-slow1500-ocr.txt'), smallForm(330));
    const seen: DocumentProgress[] = [];
    const done = await ingest([join(dataDir, 'lambat-slow1500-ocr.txt')], {
      store,
      dataDir,
      runner: 'queue',
      run: (docs, onEvent, onProgress) =>
        runThroughQueue(docs, { store, queues, onEvent, onProgress: onProgress!, progressMs: 100 }),
      onProgress: (_id, p) => seen.push(p),
    });
    expect(done.outcomes[0]).toMatchObject({ status: 'done', pages: 1 });
    expect(seen).toContainEqual({ stage: 'ocr', page: 1, pages: 2 });
    expect(seen.at(-1)).toEqual({ stage: 'parse', page: null, pages: null });
  });

  it('on shutdown a running job is handed back to the queue and finished by another worker', async () => {
    // A second worker set takes the slow OCR pages; the main set only stores.
    await workers.close();
    const leaving = await startWorkers({ ...settings, store, pool, queues: ['ocr', 'parse'], graceMs: 300 });
    workers = await startWorkers({ ...settings, store, pool, queues: ['store'] });
    writeFileSync(join(dataDir, 'lambat-slow4000-ocr.txt'), smallForm(320));
    const run = ingest([join(dataDir, 'lambat-slow4000-ocr.txt')], {
      store,
      dataDir,
      runner: 'queue',
      run: runtime().run,
    });
    const active = await waitFor(
      'an active OCR job',
      async () => (await queues.queues.ocr.getJobs(['active']))[0],
      60_000,
    );
    const t0 = Date.now();
    await leaving.close();
    expect(Date.now() - t0).toBeLessThan(3000); // handed back after the grace period, not finished
    const state = await queues.queues.ocr.getJobState(active.id!);
    expect(['waiting', 'prioritized']).toContain(state);
    expect((await Job.fromId(queues.queues.ocr, active.id!))!.attemptsMade).toBe(0);
    const finisher = await startWorkers({ ...settings, store, pool, queues: ['ocr', 'parse'] });
    try {
      const done = await run;
      expect(done.outcomes[0]).toMatchObject({ status: 'done' });
      expect(await runsOf(store, done.outcomes[0]!.documentId!)).toBe(1);
    } finally {
      await finisher.close();
    }
  }, 120_000);
});
