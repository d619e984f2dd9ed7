/** `iki worker [--queues ocr,parse,store]`: consume the queues until SIGTERM. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { describeError } from '../../errors.js';
import { openDefaultStore } from '../../ingest/runtime.js';
import { queueConfigFromEnv } from '../../queue/connection.js';
import type { QueueName } from '../../queue/jobs.js';
import { QUEUE_NAMES } from '../../queue/jobs.js';
import type { JobEvent } from '../../queue/worker.js';
import { startWorkers } from '../../queue/worker.js';
import { DEFAULT_PAGE_OCR_MODULE } from '../../runner/page-ocr.js';
import type { Store } from '../../store/repository.js';

export interface WorkerCliOptions {
  queues?: QueueName[];
  concurrency?: Partial<Record<QueueName, number>>;
  verbose?: boolean;
}

export function parseQueues(value: string): QueueName[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) {
    if (!(QUEUE_NAMES as readonly string[]).includes(n)) {
      throw new InvalidArgumentError(`unknown queue "${n}" (queues: ${QUEUE_NAMES.join(', ')})`);
    }
  }
  if (names.length === 0) throw new InvalidArgumentError('name at least one queue');
  return names as QueueName[];
}

/** `parse=2,ocr=1` → { parse: 2, ocr: 1 }. */
export function parseConcurrency(value: string): Partial<Record<QueueName, number>> {
  const out: Partial<Record<QueueName, number>> = {};
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z]+)=(\d+)$/.exec(part);
    if (!m || !(QUEUE_NAMES as readonly string[]).includes(m[1]!) || Number(m[2]) < 1) {
      throw new InvalidArgumentError(
        `expected QUEUE=N[,QUEUE=N] with QUEUE one of ${QUEUE_NAMES.join(', ')}`,
      );
    }
    out[m[1] as QueueName] = Number(m[2]);
  }
  return out;
}

export async function runWorker(opts: WorkerCliOptions): Promise<number> {
  const log = (line: string) => process.stderr.write(`iki worker: ${line}\n`);
  const config = queueConfigFromEnv();
  if (!config) {
    log('REDIS_URL is not set; a worker consumes the Redis queue (`iki ingest` runs in-process without it)');
    return 2;
  }
  const queues = opts.queues ?? [...QUEUE_NAMES];
  let store: Store | undefined;
  if (queues.includes('store')) {
    if (!process.env.DATABASE_URL) {
      log('the store queue needs DATABASE_URL (PostgreSQL); without it use --queues ocr,parse');
      return 2;
    }
    store = await openDefaultStore();
  }
  let running;
  try {
    running = await startWorkers({
      config,
      queues,
      ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
      ...(store ? { store } : {}),
      pageOcrModule: DEFAULT_PAGE_OCR_MODULE,
      onJob: (e: JobEvent) => {
        if (e.status === 'failed') log(`${e.queue} ${e.fileName}: failed: ${e.reason}`);
        else if (opts.verbose)
          log(`${e.queue} ${e.fileName}: ${e.status}${e.reason ? `: ${e.reason}` : ''} (${e.ms} ms)`);
      },
    });
  } catch (err) {
    await store?.close();
    log(describeError(err));
    return 2;
  }
  // Compiled (dist/, `npm run build`) or the TypeScript through tsx: workers/load-sources.mjs.
  const code = import.meta.url.endsWith('.js') ? 'compiled' : 'TypeScript via tsx';
  log(
    `pid ${process.pid} consuming ${running.queues.map((q) => `${q}×${running.concurrency[q]}`).join(', ')} (prefix ${config.prefix}; ${code})`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log(`${signal}: finishing running jobs (or handing them back), then exiting`);
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await running.close();
  await store?.close();
  log('stopped');
  return 0;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('Consume the Redis queues (REDIS_URL) and write results to PostgreSQL (DATABASE_URL).')
    .option(
      '--queues <names>',
      `queues to consume, comma-separated (default: ${QUEUE_NAMES.join(',')})`,
      parseQueues,
    )
    .option(
      '--concurrency <spec>',
      'jobs at once per queue, e.g. parse=2,ocr=2,store=4 (default: CPU count for parse and ocr, 4 for store)',
      parseConcurrency,
    )
    .option('-v, --verbose', 'log every finished job, not only failures')
    .addHelpText(
      'after',
      `
Start any number of workers, on any number of machines, against one Redis and one PostgreSQL;
they need the same data directory (IKI_DATA_DIR, e.g. a shared mount) to read the stored files.
SIGTERM: running jobs finish, or after 30 s are handed back to the queue for another worker.`,
    )
    .action(async (opts: WorkerCliOptions) => {
      process.exitCode = await runWorker(opts);
    });
}
