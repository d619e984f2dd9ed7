/**
 * The producer side of the queues: enqueue a document's flow (idempotent by content hash), look
 * up where a document's jobs are, remove them for a retry, and count jobs and workers.
 */
import type { JobState } from 'bullmq';
import { FlowProducer, Job, Queue } from 'bullmq';
import type { FlowJob } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DocumentRef } from '../runner/handlers.js';
import type { QueueConfig } from './connection.js';
import { connectRedis } from './connection.js';
import type { ParseJobData, QueueName, StoreJobData } from './jobs.js';
import { PARSE_JOB_OPTIONS, QUEUE_NAMES, STORE_JOB_OPTIONS, ocrJobId } from './jobs.js';

/** Flows added per round trip. */
export const ENQUEUE_BATCH = 200;
/** Job look-ups in flight at once when reconciling. */
export const LOOKUP_CONCURRENCY = 64;

export type JobCounts = Record<string, number>;

export class PipelineQueues {
  readonly connection: Redis;
  readonly queues: Record<QueueName, Queue>;
  readonly flows: FlowProducer;

  constructor(readonly config: QueueConfig) {
    this.connection = connectRedis(config, 'iki-producer');
    const opts = { connection: this.connection, prefix: config.prefix };
    this.queues = {
      ocr: new Queue('ocr', opts),
      parse: new Queue('parse', opts),
      store: new Queue('store', opts),
    };
    this.flows = new FlowProducer(opts);
    for (const q of Object.values(this.queues)) q.on('error', () => undefined);
    this.flows.on('error', () => undefined);
  }

  /** Adds each document's flow; a document whose store job exists already is left as it is. */
  async enqueue(docs: readonly DocumentRef[], opts: { force?: boolean } = {}): Promise<void> {
    for (let i = 0; i < docs.length; i += ENQUEUE_BATCH) {
      await this.flows.addBulk(docs.slice(i, i + ENQUEUE_BATCH).map((d) => flowOf(d, opts)));
    }
  }

  /** The state of each document's store job ('unknown' when Redis has no such job). */
  async storeStates(sha256s: readonly string[]): Promise<Map<string, JobState | 'unknown'>> {
    const out = new Map<string, JobState | 'unknown'>();
    const store = this.queues.store;
    await mapLimit(sha256s, LOOKUP_CONCURRENCY, async (sha) => out.set(sha, await store.getJobState(sha)));
    return out;
  }

  /** Why a document's store job failed, when it did. */
  async storeFailure(sha256: string): Promise<string | null> {
    const job = await Job.fromId(this.queues.store, sha256);
    return job?.failedReason || null;
  }

  /** The recorded failure of a document's parse job (reason, stage, page), when there is one. */
  async parseFailure(sha256: string): Promise<ParseJobData['failure'] | { reason: string } | null> {
    const job = await Job.fromId<ParseJobData>(this.queues.parse, sha256);
    if (!job) return null;
    return job.data.failure ?? (job.failedReason ? { reason: job.failedReason } : null);
  }

  /**
   * Removes every job of a document (store, parse, page OCR) so its flow can be added again.
   * Returns false when one of them is running right now (it is left alone).
   */
  async removeDocumentJobs(sha256: string): Promise<boolean> {
    const parse = await Job.fromId<ParseJobData>(this.queues.parse, sha256);
    const pages = parse?.data.ocrPages ?? [];
    const jobs = [
      await Job.fromId(this.queues.store, sha256),
      parse,
      ...(await Promise.all(pages.map((p) => Job.fromId(this.queues.ocr, ocrJobId(sha256, p))))),
    ];
    for (const job of jobs) {
      if (!job) continue;
      if ((await job.getState()) === 'active') return false;
    }
    for (const job of jobs) {
      if (!job) continue;
      try {
        await job.remove({ removeChildren: true });
      } catch (err) {
        // Already removed with its parent: nothing left to do for this one.
        if (!/(could not|not) (be )?(found|exist)|Missing key/i.test((err as Error).message)) throw err;
      }
    }
    return true;
  }

  async counts(): Promise<Record<QueueName, JobCounts>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(async (name) => [name, await this.queues[name].getJobCounts()] as const),
    );
    return Object.fromEntries(entries) as Record<QueueName, JobCounts>;
  }

  /** Connected workers per queue. */
  async workerCounts(): Promise<Record<QueueName, number>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(async (name) => [name, await this.queues[name].getWorkersCount()] as const),
    );
    return Object.fromEntries(entries) as Record<QueueName, number>;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.flows.close(), ...Object.values(this.queues).map((q) => q.close())]);
    this.connection.disconnect();
  }
}

/** A document's flow: the store job waits for its parse child. */
export function flowOf(doc: DocumentRef, opts: { force?: boolean } = {}): FlowJob {
  const ref = {
    documentId: doc.documentId,
    sha256: doc.sha256,
    storageKey: doc.storageKey,
    fileName: doc.fileName,
  };
  const store: StoreJobData = { ...ref, ...(opts.force ? { force: true } : {}) };
  const parse: ParseJobData = { ...ref, step: 'plan' };
  return {
    name: 'store',
    queueName: 'store',
    data: store,
    opts: { ...STORE_JOB_OPTIONS, jobId: doc.sha256 },
    children: [
      { name: 'parse', queueName: 'parse', data: parse, opts: { ...PARSE_JOB_OPTIONS, jobId: doc.sha256 } },
    ],
  };
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
