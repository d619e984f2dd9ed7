/**
 * The worker-thread pool (piscina) that runs the CPU part of every job: parsing, page planning,
 * page OCR. Used by the in-process runner and by each queue worker process, so a long extraction
 * never blocks the event loop (queue locks keep being renewed) and can be stopped by ending
 * its thread.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { IkiError } from '../errors.js';
import type { Failure, Outcome } from './handlers.js';
import type { ThreadReplies, ThreadTask } from './thread-task.js';

/** Heap limit of one pool thread (MB): a pathological file ends its thread, not the process. */
export const THREAD_HEAP_MB = 2048;

export interface PoolOptions {
  /**
   * Threads in the pool (all started at once and kept: loading the extractor costs seconds).
   * @defaultValue os.availableParallelism()
   */
  threads?: number;
}

export interface ExtractPool {
  readonly threads: number;
  run<K extends ThreadTask['kind']>(
    task: Extract<ThreadTask, { kind: K }>,
    signal?: AbortSignal,
  ): Promise<ThreadReplies[K]>;
  close(): Promise<void>;
}

/**
 * What each pool thread loads. Compiled (this file is dist/src/runner/pool.js): the compiled task
 * itself. From the TypeScript sources: workers/extract-thread.mjs, which registers tsx in the
 * thread first (a worker thread does not inherit the parent's module hooks).
 */
const THREAD_ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./thread-task.js', import.meta.url).href
  : new URL('../../workers/extract-thread.mjs', import.meta.url).href;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export function resolveThreads(threads: number | undefined): number {
  const n = threads ?? defaultThreads();
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new IkiError('BAD_OPTION', `threads must be an integer from 1 to 256 (got ${threads})`);
  }
  return n;
}

export function createExtractPool(opts: PoolOptions = {}): ExtractPool {
  const threads = resolveThreads(opts.threads);
  const piscina = new Piscina<ThreadTask, ThreadReplies[ThreadTask['kind']]>({
    filename: THREAD_ENTRY,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.MAX_SAFE_INTEGER,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
  });
  return {
    threads,
    async run(task, signal) {
      try {
        return (await piscina.run(task, signal ? { signal } : {})) as ThreadReplies[typeof task.kind];
      } catch (err) {
        if (signal?.aborted) throw err;
        // The thread itself died (out of memory, a native crash): worth another attempt.
        return threadFailure(err) as ThreadReplies[typeof task.kind];
      }
    },
    close: () => piscina.close({ force: true }),
  };
}

function threadFailure(err: unknown): Outcome<never> {
  const failure: Failure = {
    reason: `the worker thread stopped: ${err instanceof Error ? err.message : String(err)}`,
    code: 'THREAD_FAILED',
    stage: null,
    page: null,
    unrecoverable: false,
  };
  return { ok: false, failure };
}
