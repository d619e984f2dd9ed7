import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_EMAIL, ensureAdmin } from '../../src/api/bootstrap.js';
import { register, runExport } from '../../src/cli/commands/export.js';
import { register as registerServe } from '../../src/cli/commands/serve.js';
import {
  NotFoundError,
  StateConflictError,
  type Store,
  openStore,
  saveExtraction,
  verifyPassword,
} from '../../src/store/repository.js';
import { users } from '../../src/store/schema.js';
import { goldDocument } from '../store/harness.js';

let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://', databaseUrl: '' });
});
afterAll(async () => {
  await store.close();
});

describe('iki export', () => {
  const docs: { id: string; sha: string; unit: string | null }[] = [];
  let pendingId = '';

  beforeAll(async () => {
    for (const i of [0, 1]) {
      const { id, file } = await goldDocument(store, i);
      await saveExtraction(store, id, file, 'test');
      docs.push({
        id,
        sha: file.source.sha256,
        unit: file.sections.find((s) => s.unitKerja)?.unitKerja ?? null,
      });
    }
    pendingId = (await goldDocument(store, 2)).id;
  });

  const json = async (opts: Parameters<typeof runExport>[1]) => {
    const { bytes, documents } = await runExport(store, opts);
    const files = JSON.parse(bytes.toString('utf8')) as { source: { sha256: string } }[];
    expect(files).toHaveLength(documents);
    return files.map((f) => f.source.sha256);
  };

  it('exports the whole archive, leaving out documents not extracted yet', async () => {
    expect((await json({ format: 'json' })).sort()).toEqual(docs.map((d) => d.sha).sort());
  });

  it('exports one document by id or by sha256', async () => {
    expect(await json({ format: 'json', document: docs[1]!.id })).toEqual([docs[1]!.sha]);
    expect(await json({ format: 'json', document: docs[0]!.sha })).toEqual([docs[0]!.sha]);
    await expect(
      runExport(store, { format: 'csv', document: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(runExport(store, { format: 'csv', document: pendingId })).rejects.toBeInstanceOf(
      StateConflictError,
    );
  });

  it('exports one unit kerja', async () => {
    const unit = docs.find((d) => d.unit)!.unit!;
    const shas = await json({ format: 'json', unitKerja: unit.toUpperCase() });
    expect(shas).toEqual(docs.filter((d) => d.unit?.toLowerCase() === unit.toLowerCase()).map((d) => d.sha));
    expect(await json({ format: 'json', unitKerja: 'Kecamatan Yang Tidak Ada' })).toEqual([]);
  });

  it('registers export and serve with their options', () => {
    const program = new Command();
    register(program);
    registerServe(program);
    const exportCmd = program.commands.find((c) => c.name() === 'export')!;
    expect(exportCmd.options.map((o) => o.long)).toEqual(['--format', '--document', '--unit-kerja', '--out']);
    const serve = program.commands.find((c) => c.name() === 'serve')!;
    expect(serve.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--port', '--host', '--cors']));
  });
});

// One PGlite serves both suites: starting one is the slowest part of these tests.
describe('ensureAdmin (iki serve, first start)', () => {
  it('creates one admin with a generated password on first start, then nothing', async () => {
    await store.db.delete(users);
    const first = await ensureAdmin(store, {});
    expect(first?.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(first?.generatedPassword?.length).toBeGreaterThanOrEqual(20);
    const user = await verifyPassword(store, DEFAULT_ADMIN_EMAIL, first!.generatedPassword!);
    expect(user?.role).toBe('admin');
    expect(
      await ensureAdmin(store, { IKI_ADMIN_EMAIL: 'other@x.id', IKI_ADMIN_PASSWORD: 'whatever123' }),
    ).toBeNull();
  });

  it('uses IKI_ADMIN_EMAIL / IKI_ADMIN_PASSWORD when set', async () => {
    await store.db.delete(users);
    const r = await ensureAdmin(store, {
      IKI_ADMIN_EMAIL: 'Boss@Kecamatan.go.id',
      IKI_ADMIN_PASSWORD: 'rahasia-panjang',
    });
    expect(r).toEqual({ email: 'Boss@Kecamatan.go.id', generatedPassword: null });
    expect((await verifyPassword(store, 'boss@kecamatan.go.id', 'rahasia-panjang'))?.role).toBe('admin');
  });
});
