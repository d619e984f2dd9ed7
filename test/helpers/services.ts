/**
 * Real Redis and PostgreSQL for the tests of the queue, the API over the queue and the CLI: a
 * Redis key prefix of the test file's own (its keys deleted at the end), a fresh migrated
 * PostgreSQL database (dropped at the end), and a data directory for blobs (removed at the end).
 *
 *   const svc = testServices('queue');         // cfg and dataDir are known at once
 *   beforeAll(async () => { store = await svc.open(); });
 *   afterAll(async () => { …stop workers…; await svc.close(); });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { QueueConfig } from '../../src/queue/connection.js';
import type { Store } from '../../src/store/repository.js';
import { DRIVERS } from '../store/harness.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testQueueConfig(): QueueConfig {
  return { redisUrl: TEST_REDIS_URL, prefix: `iki-test-${randomBytes(5).toString('hex')}` };
}

/** Deletes every key of a test run's prefix. */
export async function dropPrefix(cfg: QueueConfig): Promise<void> {
  const redis = new Redis(cfg.redisUrl, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${cfg.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A fresh PostgreSQL database (migrated) and its URL. */
export async function freshPostgres(): Promise<{ store: Store; url: string; drop(): Promise<void> }> {
  const pg = DRIVERS.find((d) => d.name === 'pg');
  if (!pg) throw new Error('these tests need PostgreSQL (TEST_DATABASE_URL)');
  const opened = await pg.open();
  return { store: opened.store, url: opened.url!, drop: opened.drop };
}

export interface TestServices {
  /** Redis URL and this file's own key prefix. */
  readonly cfg: QueueConfig;
  /** A fresh data directory (blobs). */
  readonly dataDir: string;
  /** Creates the database and sets IKI_DATA_DIR; returns the store. */
  open(): Promise<Store>;
  readonly store: Store;
  readonly dbUrl: string;
  /** The environment of a worker process or a CLI command using these services. */
  env(): Record<'REDIS_URL' | 'IKI_QUEUE_PREFIX' | 'DATABASE_URL' | 'IKI_DATA_DIR', string>;
  /** Drops the database, deletes the prefix's keys and the data directory. */
  close(): Promise<void>;
}

export function testServices(label: string): TestServices {
  const cfg = testQueueConfig();
  const dataDir = mkdtempSync(join(tmpdir(), `iki-${label}-`));
  let pg: Awaited<ReturnType<typeof freshPostgres>> | undefined;
  const opened = () => {
    if (!pg) throw new Error('testServices: call open() first (in beforeAll)');
    return pg;
  };
  return {
    cfg,
    dataDir,
    async open() {
      // Workers read blobs from IKI_DATA_DIR (a shared mount in a deployment).
      process.env.IKI_DATA_DIR = dataDir;
      pg = await freshPostgres();
      return pg.store;
    },
    get store() {
      return opened().store;
    },
    get dbUrl() {
      return opened().url;
    },
    env() {
      return {
        REDIS_URL: cfg.redisUrl,
        IKI_QUEUE_PREFIX: cfg.prefix,
        DATABASE_URL: opened().url,
        IKI_DATA_DIR: dataDir,
      };
    },
    async close() {
      await pg?.drop();
      await dropPrefix(cfg);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
