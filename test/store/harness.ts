/**
 * Runs one suite against every store driver: PGlite in memory, and a real PostgreSQL database
 * created fresh for the run (dropped afterwards) on TEST_DATABASE_URL's server. Set
 * TEST_DATABASE_URL=skip to run without PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ExtractedFile } from '../../src/contract/schema.js';
import { openStore, type Store } from '../../src/store/db.js';
import { upsertDocument } from '../../src/store/documents.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Driver {
  name: 'pglite' | 'pg';
  open(): Promise<{ store: Store; url?: string; drop(): Promise<void> }>;
}

const pglite: Driver = {
  name: 'pglite',
  async open() {
    const store = await openStore({ dataDir: 'memory://', databaseUrl: '' });
    return { store, drop: () => store.close() };
  },
};

const postgres: Driver = {
  name: 'pg',
  async open() {
    const name = `iki_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client(ADMIN_URL);
    await admin.connect();
    // Identifiers cannot be bound as parameters; the name is generated above from hex digits only.
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString() });
    return {
      store,
      url: url.toString(),
      async drop() {
        await store.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  },
};

export const DRIVERS: Driver[] = ADMIN_URL === 'skip' ? [pglite] : [pglite, postgres];

export interface StoreContext {
  store: Store;
  driver: Driver['name'];
  /** The PostgreSQL URL of this run's database (pg driver only). */
  url?: string;
}

/** Declares `suite` once per driver, with a store opened before and closed after. */
export function forEachDriver(suite: (ctx: () => StoreContext) => void): void {
  describe.each(DRIVERS)('$name', (driver) => {
    let ctx: StoreContext | undefined;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const opened = await driver.open();
      drop = opened.drop;
      ctx = { store: opened.store, driver: driver.name, ...(opened.url ? { url: opened.url } : {}) };
    });
    afterAll(async () => {
      await drop?.();
    });
    suite(() => {
      if (!ctx) throw new Error('store not opened');
      return ctx;
    });
  });
}

const GOLD_DIR = join(import.meta.dirname, '../../fixtures/gold');

/** A gold file as a complete ExtractedFile (gold rows carry no provenance; text sources have none). */
export function gold(index: number): ExtractedFile {
  const names = readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const name = names[index];
  if (!name) throw new Error(`no gold file ${index}`);
  const file = JSON.parse(readFileSync(join(GOLD_DIR, name), 'utf8')) as ExtractedFile;
  for (const section of file.sections) {
    for (const row of section.indikator) row.provenance ??= { page: null, bbox: null };
  }
  return file;
}

export function randomSha(): string {
  return randomBytes(32).toString('hex');
}

/** A new document carrying gold file `index` (under a fresh hash so tests never share one). */
export async function goldDocument(
  store: Store,
  index: number,
  meta: { unitKerja?: string | null; fileName?: string } = {},
): Promise<{ id: string; file: ExtractedFile }> {
  const file = gold(index);
  file.source.sha256 = randomSha();
  const { document } = await upsertDocument(store, {
    sha256: file.source.sha256,
    fileName: meta.fileName ?? file.source.file,
    mediaType: file.source.mediaType,
    byteSize: 1000,
    unitKerja: meta.unitKerja ?? null,
  });
  return { id: document.id, file };
}

/** The first column of the first row of a raw query, as a number. */
export async function scalar(store: Store, query: SQL): Promise<number> {
  const result = (await store.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return Number(Object.values(result.rows[0] ?? {})[0]);
}
