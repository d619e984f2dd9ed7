/**
 * Queue test helpers: the fake page-OCR module, worker processes that can be killed, waiting,
 * and counting runs. Redis and PostgreSQL themselves come from test/helpers/services.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, eq } from 'drizzle-orm';
import type { WorkerSettings } from '../../../src/queue/worker.js';
import type { Store } from '../../../src/store/repository.js';
import { documents, extractionRuns } from '../../../src/store/schema.js';

export const FAKE_PAGE_OCR = join(import.meta.dirname, 'fake-page-ocr.ts');
const WORKER_PROCESS = join(import.meta.dirname, 'worker-process.ts');
const ROOT = join(import.meta.dirname, '../../..');

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** The bullmq worker name of this process (hostname:pid), as in job.processedBy. */
  name: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `startWorkers` in a child process and resolves once it consumes the queues. */
export async function spawnWorker(
  env: Record<string, string>,
  settings: Omit<WorkerSettings, 'config' | 'store' | 'onJob'>,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_PROCESS, JSON.stringify(settings)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const name = await Promise.race([
    waitFor('worker ready', async () => /^ready (\S+)$/m.exec(out)?.[1], 120_000),
    exited.then((code) => {
      throw new Error(`worker exited (${code}) before it was ready:\n${out}`);
    }),
  ]);
  return {
    child,
    pid: child.pid!,
    name,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs per document (for "nothing duplicated") and documents by status. */
export async function storeCounts(
  store: Store,
): Promise<{ runsPerDocument: Map<string, number>; byStatus: Record<string, number> }> {
  const runs = await store.db
    .select({ id: extractionRuns.documentId, n: count() })
    .from(extractionRuns)
    .groupBy(extractionRuns.documentId);
  const statuses = await store.db
    .select({ status: documents.status, n: count() })
    .from(documents)
    .groupBy(documents.status);
  return {
    runsPerDocument: new Map(runs.map((r) => [r.id, Number(r.n)])),
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
  };
}

export async function runsOf(store: Store, documentId: string): Promise<number> {
  const [row] = await store.db
    .select({ n: count() })
    .from(extractionRuns)
    .where(eq(extractionRuns.documentId, documentId));
  return Number(row?.n ?? 0);
}
