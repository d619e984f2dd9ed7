/**
 * Fault tests with real worker processes, Redis and PostgreSQL. Each prints what it checked.
 *   1. one corrupt file among 200: it alone fails, visibly; `iki retry` reprocesses it;
 *   2. Redis restarted (without persistence) mid-batch: the batch still completes;
 *   3. kill -9 of a worker in the middle of an OCR job: another worker completes it.
 * In every case: nothing lost (every document ends done or, for the corrupt one, failed) and
 * nothing duplicated (one extraction run per document, two for the retried one).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIngest } from '../../src/cli/commands/ingest.js';
import { runRetry } from '../../src/cli/commands/retry.js';
import { ingest } from '../../src/ingest/ingest.js';
import { runThroughQueue } from '../../src/queue/drive.js';
import { PipelineQueues } from '../../src/queue/queues.js';
import type { Store } from '../../src/store/repository.js';
import { getDocumentBySha256 } from '../../src/store/repository.js';
import { corruptPdf, smallForm } from '../ingest/helpers/documents.js';
import type { WorkerProcess } from './helpers/harness.js';
import { testServices } from '../helpers/services.js';
import { FAKE_PAGE_OCR, runsOf, spawnWorker, storeCounts, waitFor } from './helpers/harness.js';

const svc = testServices('faults');
const { cfg, dataDir } = svc;
let store: Store;
let queues: PipelineQueues;
const workers: WorkerProcess[] = [];

const workerSettings = {
  pageOcrModule: FAKE_PAGE_OCR,
  concurrency: { parse: 1, ocr: 1, store: 2 },
  // Short locks so a killed worker's job is taken over within seconds (default 30 s).
  lockDurationMs: 3000,
  stalledIntervalMs: 1500,
};

function useEnv(): void {
  Object.assign(process.env, svc.env());
}

function folderOf(name: string, files: Record<string, Buffer>): string {
  const dir = join(dataDir, name);
  mkdirSync(dir);
  for (const [f, bytes] of Object.entries(files)) writeFileSync(join(dir, f), bytes);
  return dir;
}

/** Captures stderr while `fn` runs (the CLI commands report there). */
async function capturingStderr<T>(fn: () => Promise<T>): Promise<{ value: T; text: string }> {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  try {
    return { value: await fn(), text };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  store = await svc.open();
  useEnv();
  queues = new PipelineQueues(cfg);
  const env = svc.env();
  workers.push(...(await Promise.all([spawnWorker(env, workerSettings), spawnWorker(env, workerSettings)])));
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(workers.map((w) => w.stop()));
  await queues?.close();
  await svc.close();
});

describe('fault tests (2 worker processes, Redis, PostgreSQL)', () => {
  it('one corrupt file in a batch of 200 fails alone, visibly, and `iki retry` reprocesses it', async () => {
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 200; i++) files[`iki-${String(i).padStart(3, '0')}.txt`] = smallForm(1000 + i, 1500);
    files['rusak.pdf'] = corruptPdf();
    const dir = folderOf('batch200', files);

    const run = await capturingStderr(() => runIngest([dir], {}));
    expect(run.value).toBe(1);
    expect(run.text).toMatch(/processed\s+200/);
    expect(run.text).toMatch(/failed\s+1\s/);
    expect(run.text).toMatch(/Failed \(1\):\n\s+\S*rusak\.pdf: .*PDF.*\(stage read\)/);

    const bad = (await getDocumentBySha256(
      store,
      (await import('../../src/ingest/blobs.js')).sha256Hex(corruptPdf()),
    ))!;
    expect(bad.status).toBe('failed');
    const retried = await capturingStderr(() => runRetry([], {}));
    expect(retried.value).toBe(1); // still corrupt: fails again, visibly
    expect(retried.text).toMatch(/rusak\.pdf: .*\(stage read\)/);
    expect(await runsOf(store, bad.id)).toBe(2);

    const { runsPerDocument, byStatus } = await storeCounts(store);
    const others = [...runsPerDocument].filter(([id]) => id !== bad.id);
    expect(byStatus).toEqual({ done: 200, failed: 1 });
    expect(others).toHaveLength(200);
    expect(others.every(([, n]) => n === 1)).toBe(true);
    console.log(
      `[fault: corrupt file] jobs: 201 documents, done: 200, failed: 1 (rusak.pdf, stage read), ` +
        `retry runs of it: 2, losses: 0, duplicates: 0`,
    );
  }, 240_000);

  it('Redis restarted (no persistence) mid-batch: the batch completes', async () => {
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 60; i++) files[`r-${i}.txt`] = smallForm(2000 + i, 1500);
    const dir = folderOf('restart', files);
    let requeued = 0;
    let finished = 0;
    const batch = ingest([dir], {
      store,
      dataDir,
      runner: 'queue',
      run: (docs, onEvent) =>
        runThroughQueue(docs, {
          store,
          queues,
          reconcileMs: 1000,
          onRequeue: (n) => (requeued += n),
          onEvent: (e) => {
            finished++;
            onEvent(e);
          },
        }),
    });
    await waitFor('10 documents done', async () => finished >= 10, 120_000);
    execFileSync('redis-cli', ['-u', cfg.redisUrl, 'shutdown', 'nosave']);
    execFileSync('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      '6379',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    const finishedAtRestart = finished;
    const report = await batch;
    expect(report.outcomes.every((o) => o.status === 'done')).toBe(true);
    const ids = report.outcomes.map((o) => o.documentId!);
    const runs = await Promise.all(ids.map((id) => runsOf(store, id)));
    expect(runs.every((n) => n === 1)).toBe(true);
    expect(requeued).toBeGreaterThan(0);
    console.log(
      `[fault: Redis restart] jobs: 60 documents, done before restart: ${finishedAtRestart}, ` +
        `re-queued after restart: ${requeued}, done: ${report.outcomes.length}, losses: 0, duplicates: 0`,
    );
  }, 240_000);

  it('kill -9 of a worker in the middle of an OCR job: the job completes on another worker', async () => {
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 4; i++) files[`scan-slow2000-ocr-${i}.txt`] = smallForm(3000 + i, 1500);
    const dir = folderOf('kill', files);
    const batch = ingest([dir], {
      store,
      dataDir,
      runner: 'queue',
      run: (docs, onEvent) => runThroughQueue(docs, { store, queues, reconcileMs: 1000, onEvent }),
    });
    const victim = workers[0]!;
    const job = await waitFor(
      'an OCR job running on the first worker',
      async () => (await queues.queues.ocr.getJobs(['active'])).find((j) => j.processedBy === victim.name),
      120_000,
      50,
    );
    process.kill(victim.pid, 'SIGKILL');
    const report = await batch;
    expect(report.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
    const killed = (await Job.fromId(queues.queues.ocr, job.id!))!;
    expect(await killed.getState()).toBe('completed');
    expect(killed.processedBy).not.toBe(victim.name);
    const runs = await Promise.all(report.outcomes.map((o) => runsOf(store, o.documentId!)));
    expect(runs).toEqual([1, 1, 1, 1]);
    const ocrDone = (await queues.queues.ocr.getJobs(['completed'])).filter((j) =>
      report.outcomes.some((o) => j.id!.startsWith(o.sha256!)),
    );
    expect(ocrDone).toHaveLength(8);
    console.log(
      `[fault: kill -9] jobs: 4 documents, 8 OCR pages; killed worker pid ${victim.pid} during OCR job ${job.id}; ` +
        `that job completed on ${killed.processedBy} (stalled ${killed.stalledCounter}×); losses: 0, duplicates: 0`,
    );
  }, 240_000);
});
