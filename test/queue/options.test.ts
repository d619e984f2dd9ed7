import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseConcurrency, parseQueues } from '../../src/cli/commands/worker.js';
import { queueConfigFromEnv } from '../../src/queue/connection.js';
import { flowOf } from '../../src/queue/queues.js';
import { ParseJobData, PARSE_ATTEMPTS, STORE_ATTEMPTS } from '../../src/queue/jobs.js';
import { resolveConcurrency } from '../../src/queue/worker.js';
import { failureOf } from '../../src/runner/handlers.js';
import { resolveThreads } from '../../src/runner/pool.js';
import { BadInputError, IkiError, InputTooLargeError } from '../../src/errors.js';

const doc = {
  documentId: '00000000-0000-4000-8000-000000000001',
  sha256: 'a'.repeat(64),
  storageKey: `blobs/aa/${'a'.repeat(64)}`,
  fileName: 'lampiran.pdf',
};

describe('queue options', () => {
  it('parses --queues and --concurrency, naming what is wrong', () => {
    expect(parseQueues('ocr, parse')).toEqual(['ocr', 'parse']);
    expect(() => parseQueues('parse,index')).toThrow(InvalidArgumentError);
    expect(parseConcurrency('parse=2,store=8')).toEqual({ parse: 2, store: 8 });
    expect(() => parseConcurrency('parse=0')).toThrow(/QUEUE=N/);
    expect(() => parseConcurrency('parse')).toThrow(InvalidArgumentError);
  });

  it('fills per-queue concurrency defaults and rejects out-of-range values by name', () => {
    const c = resolveConcurrency({ parse: 3 });
    expect(c.parse).toBe(3);
    expect(c.store).toBe(4);
    expect(c.ocr).toBeGreaterThanOrEqual(1);
    expect(() => resolveConcurrency({ ocr: 0 })).toThrow(/concurrency\.ocr/);
    expect(() => resolveThreads(1.5)).toThrow(/threads/);
  });

  it('reads the queue configuration from the environment (none without REDIS_URL)', () => {
    expect(queueConfigFromEnv({})).toBeNull();
    expect(queueConfigFromEnv({ REDIS_URL: 'redis://h:1', IKI_QUEUE_PREFIX: 'x' })).toEqual({
      redisUrl: 'redis://h:1',
      prefix: 'x',
    });
    expect(queueConfigFromEnv({ REDIS_URL: 'redis://h:1' })?.prefix).toBe('iki');
  });

  it('a flow is store ← parse, both keyed by the content hash, with bounded retries and history', () => {
    const flow = flowOf(doc);
    expect(flow).toMatchObject({ queueName: 'store', opts: { jobId: doc.sha256, attempts: STORE_ATTEMPTS } });
    const child = flow.children![0]!;
    expect(child).toMatchObject({
      queueName: 'parse',
      opts: { jobId: doc.sha256, attempts: PARSE_ATTEMPTS, ignoreDependencyOnFailure: true },
    });
    expect(child.opts?.removeOnFail).toMatchObject({ count: expect.any(Number), age: expect.any(Number) });
    expect(ParseJobData.parse(child.data)).toMatchObject({ step: 'plan', storageKey: doc.storageKey });
    expect(() => ParseJobData.parse({ ...doc, sha256: 'nope' })).toThrow();
  });

  it('bad input is unrecoverable; other failures are retried', () => {
    expect(failureOf(new BadInputError('rusak', { stage: 'read', page: 3 }))).toEqual({
      reason: 'rusak',
      code: 'BAD_INPUT',
      stage: 'read',
      page: 3,
      unrecoverable: true,
    });
    expect(failureOf(new InputTooLargeError('besar')).unrecoverable).toBe(true);
    expect(failureOf(new IkiError('BLOB_MISSING', 'hilang')).unrecoverable).toBe(false);
    expect(failureOf(new Error('ECONNRESET'))).toMatchObject({ code: 'INTERNAL', unrecoverable: false });
  });
});
