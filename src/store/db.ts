/**
 * Opens the store: PostgreSQL (node-postgres pool) when a URL is given or DATABASE_URL is set,
 * else embedded PGlite. Both run the same drizzle-kit migrations from drizzle/ on open.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { IkiError } from '../errors.js';
import * as schema from './schema.js';

/** The drizzle database over either driver; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  readonly db: Db;
  readonly driver: 'pg' | 'pglite';
  close(): Promise<void>;
}

export function isStore(x: Store | Db): x is Store {
  const driver = (x as Partial<Store>).driver;
  return (driver === 'pg' || driver === 'pglite') && typeof (x as Partial<Store>).close === 'function';
}

export interface StoreOptions {
  /** postgres://… ; defaults to process.env.DATABASE_URL. */
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' keeps everything in memory. */
  dataDir?: string;
  /** Where the drizzle-kit migrations are; found by walking up from this module by default. */
  migrationsFolder?: string;
}

/** PGlite's data directory when neither a URL nor a directory is given. */
export const DEFAULT_PGLITE_DIR = '.data/pglite';

/** Connections per process to PostgreSQL; the API and a worker each open their own pool. */
export const PG_POOL_SIZE = 10;

/** Advisory-lock key that serialises migrations when several processes open the store at once. */
const MIGRATION_LOCK_KEY = 0x1c1_5702e;

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const migrationsFolder = opts.migrationsFolder ?? findMigrationsFolder();
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  try {
    return url ? await openPg(url, migrationsFolder) : await openPglite(opts.dataDir, migrationsFolder);
  } catch (err) {
    if (err instanceof IkiError) throw err;
    throw new IkiError('STORE_OPEN_FAILED', `cannot open the store: ${(err as Error).message}`, {
      stage: 'store',
      cause: err,
    });
  }
}

async function openPg(url: string, migrationsFolder: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: PG_POOL_SIZE });
  // An idle connection dropped by the server (restart, admin) must not crash the process: the
  // pool discards it and the next query opens a new one.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema });
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(db, { migrationsFolder });
  } catch (err) {
    lock.release();
    await pool.end();
    throw err;
  }
  await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  lock.release();
  return { db: db as unknown as Db, driver: 'pg', close: () => pool.end() };
}

async function openPglite(dataDir: string | undefined, migrationsFolder: string): Promise<Store> {
  const dir = dataDir ?? DEFAULT_PGLITE_DIR;
  const inMemory = dir === 'memory://';
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(dir);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    throw err;
  }
  return { db: db as unknown as Db, driver: 'pglite', close: () => client.close() };
}

/** The drizzle/ folder at the project root, whether running from src/ or a build output. */
function findMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir) {
      throw new IkiError('STORE_NO_MIGRATIONS', 'drizzle/ migrations folder not found', { stage: 'store' });
    }
    dir = parent;
  }
}
