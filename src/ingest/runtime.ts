/**
 * Chooses how documents run: through the queue when REDIS_URL and DATABASE_URL are both set,
 * otherwise in this process on the thread pool (the zero-setup default: embedded PGlite under
 * the data directory, no Redis). PGlite serves one process only, so Redis without PostgreSQL
 * also runs in-process (with a note saying so).
 */
import { join } from 'node:path';
import type { Store } from '../store/repository.js';
import { openStore } from '../store/repository.js';
import type { DocumentRef } from '../runner/handlers.js';
import type { RunEvent, RunTotals } from '../runner/in-process.js';
import { runInProcess } from '../runner/in-process.js';
import type { ExtractPool } from '../runner/pool.js';
import type { ProgressListener } from '../runner/progress.js';
import { createExtractPool, resolveThreads } from '../runner/pool.js';
import { resolvePageOcrModule } from '../runner/page-ocr.js';
import { queueConfigFromEnv } from '../queue/connection.js';
import { runThroughQueue } from '../queue/drive.js';
import { PipelineQueues } from '../queue/queues.js';
import { dataDir } from './blobs.js';

/** Opens the store: PostgreSQL when DATABASE_URL is set, else PGlite in `<data dir>/pglite`. */
export function openDefaultStore(): Promise<Store> {
  return openStore({ dataDir: join(dataDir(), 'pglite') });
}

export interface RuntimeOptions {
  /** Ignore REDIS_URL and run here. */
  inProcess?: boolean;
  /** Pool threads for the in-process runner. @defaultValue os.availableParallelism() */
  threads?: number;
  /** Stop taking new work (in-process) or stop following (queue). */
  signal?: AbortSignal;
  /** Store documents already done again (a re-run). */
  force?: boolean;
  pageOcrModule?: string | null;
  /** A note for the user (runner choice, no workers connected, re-queued jobs). */
  onNote?: (line: string) => void;
}

export interface Runtime {
  store: Store;
  runner: 'in-process' | 'queue';
  queues: PipelineQueues | null;
  run(docs: DocumentRef[], onEvent: (e: RunEvent) => void, onProgress?: ProgressListener): Promise<RunTotals>;
  close(): Promise<void>;
}

/** Seconds without a connected worker before `iki ingest` says how to start one. */
export const NO_WORKER_HINT_AFTER_S = 10;

export async function openRuntime(opts: RuntimeOptions = {}): Promise<Runtime> {
  const threads = resolveThreads(opts.threads);
  const store = await openDefaultStore();
  const config = queueConfigFromEnv();
  if (config && !opts.inProcess && store.driver !== 'pg') {
    opts.onNote?.(
      'REDIS_URL is set but DATABASE_URL is not; the embedded store serves one process, so running in-process',
    );
  }
  const useQueue = !!config && !opts.inProcess && store.driver === 'pg';
  const queues = useQueue ? new PipelineQueues(config) : null;
  let pool: ExtractPool | null = null;

  const run = async (
    docs: DocumentRef[],
    onEvent: (e: RunEvent) => void,
    onProgress?: ProgressListener,
  ): Promise<RunTotals> => {
    if (docs.length === 0) return { done: 0, failed: 0, skipped: 0, interrupted: 0, pages: 0 };
    if (queues) {
      const since = Date.now();
      let hinted = false;
      return runThroughQueue(docs, {
        store,
        queues,
        ...(opts.force ? { force: true } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        onEvent,
        ...(onProgress ? { onProgress } : {}),
        onRequeue: (n) => opts.onNote?.(`re-queued ${n} document(s) whose jobs Redis no longer had`),
        onWorkers: (w) => {
          if (
            !hinted &&
            (w.parse ?? 0) + (w.store ?? 0) === 0 &&
            Date.now() - since > NO_WORKER_HINT_AFTER_S * 1000
          ) {
            hinted = true;
            opts.onNote?.(
              'no worker is connected to the queue; start one with `iki worker` (same REDIS_URL and DATABASE_URL)',
            );
          }
        },
      });
    }
    pool ??= createExtractPool({ threads: Math.min(threads, docs.length) });
    return runInProcess(docs, {
      store,
      pool,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.force ? { force: true } : {}),
      pageOcrModule: resolvePageOcrModule(opts.pageOcrModule),
      onEvent,
      ...(onProgress ? { onProgress } : {}),
    });
  };

  return {
    store,
    runner: useQueue ? 'queue' : 'in-process',
    queues,
    run,
    async close() {
      await Promise.allSettled([pool?.close(), queues?.close()]);
      await store.close();
    },
  };
}
