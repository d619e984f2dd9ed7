/**
 * Queue workers: one bullmq Worker per consumed queue, all in this process, with the CPU work on
 * a shared thread pool. Any number of such processes, on any number of machines, can consume the
 * same Redis (and write the same PostgreSQL).
 *
 * Shutdown (`close`, called on SIGTERM): stop taking jobs, let running ones finish; after
 * `graceMs` the ones still running are stopped and handed back to the queue (moved to wait
 * without using up an attempt), so another worker takes them at once.
 */
import { availableParallelism, hostname } from 'node:os';
import type { Job, Processor } from 'bullmq';
import { Queue, UnrecoverableError, WaitingChildrenError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { IkiError } from '../errors.js';
import type { Store } from '../store/repository.js';
import type { Failure, ParseOutcome, ParseOutput, StoreResult } from '../runner/handlers.js';
import { storeOutcome } from '../runner/handlers.js';
import type { ExtractPool } from '../runner/pool.js';
import { createExtractPool } from '../runner/pool.js';
import { resolvePageOcrModule } from '../runner/page-ocr.js';
import type { OcrPageValue } from '../runner/thread-task.js';
import type { QueueConfig } from './connection.js';
import { connectRedis } from './connection.js';
import type { JobProgress, QueueName } from './jobs.js';
import {
  OCR_JOB_OPTIONS,
  OcrPageJobData,
  ParseJobData,
  QUEUE_NAMES,
  StoreJobData,
  ocrJobId,
} from './jobs.js';

/** Store jobs in parallel per process when not set: they wait on the database, not the CPU. */
export const DEFAULT_STORE_CONCURRENCY = 4;
/** How long (ms) a job's lock lasts without renewal; a dead worker's job is taken over after it. */
export const DEFAULT_LOCK_DURATION_MS = 30_000;
/** How often (ms) each worker looks for jobs whose worker died. */
export const DEFAULT_STALLED_INTERVAL_MS = 30_000;
/** Times a job may be taken over from a dead worker before it fails (a file that kills workers). */
export const MAX_STALLED_COUNT = 2;
/** After a shutdown request, running jobs get this long (ms) before they are handed back. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

export interface WorkerSettings {
  config: QueueConfig;
  /** Queues this process consumes. @defaultValue every queue */
  queues?: readonly QueueName[];
  /**
   * Jobs run at once per queue. @defaultValue parse and ocr: os.availableParallelism();
   * store: DEFAULT_STORE_CONCURRENCY
   */
  concurrency?: Partial<Record<QueueName, number>>;
  /** The store written by store jobs; required when consuming `store`. */
  store?: Store;
  /**
   * Page-OCR module (see runner/page-ocr.ts); every worker of a deployment must use the same.
   * Unset: DEFAULT_PAGE_OCR_MODULE; null: OCR inside the parse job.
   */
  pageOcrModule?: string | null;
  /** @defaultValue DEFAULT_LOCK_DURATION_MS */
  lockDurationMs?: number;
  /** @defaultValue DEFAULT_STALLED_INTERVAL_MS */
  stalledIntervalMs?: number;
  /** @defaultValue DEFAULT_SHUTDOWN_GRACE_MS */
  graceMs?: number;
  /** A thread pool to share (not closed by `close`); by default the workers make their own. */
  pool?: ExtractPool;
  /** Called when a job of this process completes or fails for good (for logs). */
  onJob?: (e: JobEvent) => void;
}

export interface JobEvent {
  queue: QueueName;
  jobId: string;
  fileName: string;
  status: 'completed' | 'failed' | 'retrying';
  reason?: string;
  ms: number;
}

export interface RunningWorkers {
  readonly queues: readonly QueueName[];
  readonly concurrency: Record<QueueName, number>;
  /** Finishes or hands back running jobs, then closes connections and threads. */
  close(): Promise<void>;
}

export function resolveConcurrency(
  given: Partial<Record<QueueName, number>> = {},
): Record<QueueName, number> {
  const cpu = Math.max(1, availableParallelism());
  const out = { ocr: cpu, parse: cpu, store: DEFAULT_STORE_CONCURRENCY, ...given };
  for (const q of QUEUE_NAMES) {
    const n = out[q];
    if (!Number.isInteger(n) || n < 1 || n > 256) {
      throw new IkiError('BAD_OPTION', `concurrency.${q} must be an integer from 1 to 256 (got ${n})`);
    }
  }
  return out;
}

export async function startWorkers(settings: WorkerSettings): Promise<RunningWorkers> {
  const queues = [...new Set(settings.queues ?? QUEUE_NAMES)];
  for (const q of queues) {
    if (!QUEUE_NAMES.includes(q)) {
      throw new IkiError('BAD_OPTION', `unknown queue "${q}" (queues: ${QUEUE_NAMES.join(', ')})`);
    }
  }
  if (queues.includes('store') && !settings.store) {
    throw new IkiError('BAD_OPTION', 'a worker consuming the store queue needs a store', { stage: 'queue' });
  }
  const concurrency = resolveConcurrency(settings.concurrency);
  const cpuQueues = queues.filter((q) => q !== 'store');
  const ownPool =
    cpuQueues.length > 0 && !settings.pool
      ? createExtractPool({ threads: Math.max(...cpuQueues.map((q) => concurrency[q])) })
      : null;
  const pool = cpuQueues.length > 0 ? (settings.pool ?? ownPool) : null;
  const connection = connectRedis(settings.config, 'iki-worker');
  const ctx: Ctx = {
    settings,
    pool,
    closing: false,
    connection,
    ocrQueue: new Queue('ocr', { connection, prefix: settings.config.prefix }),
    parseQueue: new Queue('parse', { connection, prefix: settings.config.prefix }),
  };
  ctx.ocrQueue.on('error', () => undefined);
  ctx.parseQueue.on('error', () => undefined);

  const processors: Record<QueueName, Processor> = {
    ocr: (job, token, signal) => handingBack(ctx, job, token, signal, () => processOcr(ctx, job, signal)),
    parse: (job, token, signal) =>
      handingBack(ctx, job, token, signal, () => processParse(ctx, job, token, signal)),
    store: (job) => processStore(ctx, job),
  };
  const connections: Redis[] = [connection];
  const workers = queues.map((name) => {
    const own = connectRedis(settings.config, `iki-worker-${name}`);
    connections.push(own);
    const worker = new Worker(name, processors[name], {
      connection: own,
      prefix: settings.config.prefix,
      name: `${hostname()}:${process.pid}`,
      concurrency: concurrency[name],
      lockDuration: settings.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
      stalledInterval: settings.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED_COUNT,
    });
    // Lost connections and lost locks (after a Redis restart) are reported here; the worker
    // reconnects and carries on, and the job is redone from its flow.
    worker.on('error', () => undefined);
    worker.on('completed', (job) => {
      settings.onJob?.({
        queue: name,
        jobId: job.id ?? '',
        fileName: fileNameOf(job),
        status: 'completed',
        ms: msOf(job),
      });
    });
    worker.on('failed', (job, err) => {
      if (!job || err instanceof WaitingError || err instanceof WaitingChildrenError) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      settings.onJob?.({
        queue: name,
        jobId: job.id ?? '',
        fileName: fileNameOf(job),
        status: final ? 'failed' : 'retrying',
        reason: err.message,
        ms: msOf(job),
      });
    });
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));

  let closed: Promise<void> | null = null;
  return {
    queues,
    concurrency,
    close() {
      closed ??= (async () => {
        ctx.closing = true;
        const timer = setTimeout(
          () => workers.forEach((w) => w.cancelAllJobs('shutdown')),
          settings.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS,
        );
        try {
          await Promise.allSettled(workers.map((w) => w.close()));
        } finally {
          clearTimeout(timer);
        }
        await Promise.allSettled([ctx.ocrQueue.close(), ctx.parseQueue.close(), ownPool?.close()]);
        // bullmq leaves connections it was given open.
        for (const c of connections) c.disconnect();
      })();
      return closed;
    },
  };
}

interface Ctx {
  settings: WorkerSettings;
  pool: ExtractPool | null;
  closing: boolean;
  connection: Redis;
  ocrQueue: Queue;
  parseQueue: Queue;
}

/** Runs a CPU job; when shutdown stopped it, hands it back to the queue instead of failing it. */
async function handingBack<T>(
  ctx: Ctx,
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (ctx.closing && signal?.aborted && token) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    throw err;
  }
}

function poolOf(ctx: Ctx): ExtractPool {
  if (!ctx.pool) throw new IkiError('NO_POOL', 'this worker has no thread pool', { stage: 'queue' });
  return ctx.pool;
}

/** Records the failure on the job (for the store job) and throws what bullmq expects. */
async function fail(job: Job, failure: Failure): Promise<never> {
  await job.updateData({ ...job.data, failure });
  throw failure.unrecoverable ? new UnrecoverableError(failure.reason) : new Error(failure.reason);
}

async function processParse(
  ctx: Ctx,
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
): Promise<ParseOutput> {
  const data = ParseJobData.parse(job.data);
  const pool = poolOf(ctx);
  const ref = { storageKey: data.storageKey, fileName: data.fileName };
  const module = resolvePageOcrModule(ctx.settings.pageOcrModule);
  let ocrPages: [number, unknown][] | undefined;
  if (module) {
    if (data.step === 'plan') {
      await job.updateProgress({ stage: 'parse' } satisfies JobProgress);
      const startedAt = Date.now();
      // One task plans and, when no page needs OCR (most documents), extracts right away.
      const plan = await pool.run({ kind: 'plan-parse', ...ref, pageOcrModule: module }, signal);
      if (!plan.ok) return fail(job, plan.failure);
      if (plan.value.parsed) return plan.value.parsed;
      data.step = 'await-ocr';
      data.ocrPages = plan.value.ocrPages;
      data.startedAt = startedAt;
      await job.updateData(data);
    }
    if (data.step === 'await-ocr') ocrPages = await awaitOcrPages(ctx, job, token, data);
  }
  await job.updateProgress({ stage: 'parse' } satisfies JobProgress);
  const outcome = await pool.run(
    {
      kind: 'parse',
      ...ref,
      ...(ocrPages ? { pageOcrModule: module!, ocrPages } : {}),
      ...(data.startedAt !== undefined ? { startedAt: data.startedAt } : {}),
    },
    signal,
  );
  if (!outcome.ok) return fail(job, outcome.failure);
  return outcome.value;
}

/**
 * Adds the page OCR jobs as children (again after a crash: their ids make that a no-op) and
 * waits for them; returns every page's value, or fails the parse job with a failed page.
 */
async function awaitOcrPages(
  ctx: Ctx,
  job: Job,
  token: string | undefined,
  data: ParseJobData,
): Promise<[number, unknown][]> {
  const pages = data.ocrPages ?? [];
  await job.updateProgress({ stage: 'ocr', pages: pages.length } satisfies JobProgress);
  const { failure: _failure, step: _step, ocrPages: _pages, startedAt: _startedAt, ...ref } = data;
  const known = await job.getDependenciesCount();
  const added =
    (known.processed ?? 0) + (known.unprocessed ?? 0) + (known.ignored ?? 0) + (known.failed ?? 0);
  // Children are added once: a finished child may already be removed (bounded history), and
  // adding it again would redo its OCR.
  if (added < pages.length)
    await ctx.ocrQueue.addBulk(
      pages.map((page) => ({
        name: 'ocr',
        data: { ...ref, page } satisfies OcrPageJobData,
        opts: {
          ...OCR_JOB_OPTIONS,
          jobId: ocrJobId(data.sha256, page),
          parent: { id: job.id!, queue: job.queueQualifiedName },
        },
      })),
    );
  if (!token)
    throw new IkiError('NO_TOKEN', 'a parse job with page OCR needs its lock token', { stage: 'queue' });
  if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();
  const failures = Object.entries(await job.getIgnoredChildrenFailures());
  if (failures.length > 0) {
    const [key, reason] = failures[0]!;
    const page = Number(/-p(\d+)$/.exec(key)?.[1] ?? NaN);
    return fail(job, {
      reason: String(reason),
      code: 'OCR_FAILED',
      stage: 'ocr',
      page: Number.isFinite(page) ? page : null,
      unrecoverable: true,
    });
  }
  const values = Object.values(await job.getChildrenValues<OcrPageValue>());
  return values.map((v) => [v.page, v.value]);
}

async function processOcr(ctx: Ctx, job: Job, signal: AbortSignal | undefined): Promise<OcrPageValue> {
  const data = OcrPageJobData.parse(job.data);
  const module = resolvePageOcrModule(ctx.settings.pageOcrModule);
  if (!module) {
    throw new UnrecoverableError('this worker has no page-OCR module; start every worker with the same one');
  }
  const reply = await poolOf(ctx).run(
    {
      kind: 'ocr-page',
      storageKey: data.storageKey,
      fileName: data.fileName,
      pageOcrModule: module,
      page: data.page,
    },
    signal,
  );
  if (!reply.ok) return fail(job, reply.failure);
  return reply.value;
}

async function processStore(ctx: Ctx, job: Job): Promise<StoreResult> {
  const data = StoreJobData.parse(job.data);
  await job.updateProgress({ stage: 'store' } satisfies JobProgress);
  const value = Object.values(await job.getChildrenValues<ParseOutput>())[0];
  let outcome: ParseOutcome;
  if (value) {
    outcome = { ok: true, value };
  } else {
    const failed = Object.values(await job.getIgnoredChildrenFailures())[0];
    if (failed === undefined) throw new UnrecoverableError(`no parse result for ${data.fileName}`);
    outcome = { ok: false, failure: await parseFailureOf(ctx, data.sha256, String(failed)) };
  }
  return storeOutcome(ctx.settings.store!, data.documentId, outcome, {
    ...(data.force ? { force: true } : {}),
    actor: 'worker',
  });
}

async function parseFailureOf(ctx: Ctx, sha256: string, fallback: string): Promise<Failure> {
  const parse = await ctx.parseQueue.getJob(sha256);
  const recorded = parse ? ParseJobData.safeParse(parse.data) : null;
  if (recorded?.success && recorded.data.failure) return recorded.data.failure;
  return { reason: fallback, code: 'PARSE_FAILED', stage: null, page: null, unrecoverable: false };
}

function fileNameOf(job: Job): string {
  return typeof job.data?.fileName === 'string' ? job.data.fileName : '';
}

function msOf(job: Job): number {
  return job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : 0;
}
