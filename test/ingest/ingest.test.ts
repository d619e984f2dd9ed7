/**
 * `ingest` end to end on the zero-setup path: embedded PGlite, blob store in a temp directory,
 * the in-process runner on a real thread pool.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../src/ingest/blobs.js';
import type { IngestOptions, IngestReport } from '../../src/ingest/ingest.js';
import { ingest } from '../../src/ingest/ingest.js';
import { retryDocuments, retryTargets } from '../../src/ingest/retry.js';
import type { Runtime } from '../../src/ingest/runtime.js';
import { exitStatusOf, formatSummary } from '../../src/ingest/summary.js';
import type { RunEvent } from '../../src/runner/in-process.js';
import { runInProcess } from '../../src/runner/in-process.js';
import type { ExtractPool } from '../../src/runner/pool.js';
import { createExtractPool } from '../../src/runner/pool.js';
import type { Store } from '../../src/store/repository.js';
import { getDocumentBySha256, openStore } from '../../src/store/repository.js';
import { documents, extractionRuns } from '../../src/store/schema.js';
import { corruptPdf, makeZip, pdfFiles, seedFiles, smallForm, textVariant } from './helpers/documents.js';

const FAKE_OCR = join(import.meta.dirname, '../queue/helpers/fake-page-ocr.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'iki-ingest-'));
const inbox = join(dataDir, 'inbox');
let store: Store;
let pool: ExtractPool;

beforeAll(async () => {
  // Pool threads read blobs from IKI_DATA_DIR; set it before they start.
  process.env.IKI_DATA_DIR = dataDir;
  pool = createExtractPool({ threads: 2 });
  store = await openStore({ dataDir: 'memory://', databaseUrl: '' });
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  for (const s of seedFiles()) writeFileSync(join(inbox, s.name), s.bytes);
  const pdf = pdfFiles()[1]!;
  writeFileSync(join(inbox, pdf.name), pdf.bytes);
  writeFileSync(join(inbox, 'rusak.pdf'), corruptPdf());
  writeFileSync(join(inbox, 'sub', 'salinan.txt'), seedFiles()[0]!.bytes);
  writeFileSync(
    join(inbox, 'sub', 'arsip.zip'),
    makeZip([
      { name: 'a/kecil-1.txt', data: smallForm(1) },
      { name: 'a/kecil-2.txt', data: smallForm(2) },
    ]),
  );
});

afterAll(async () => {
  await pool?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function options(run?: IngestOptions['run']): IngestOptions {
  return {
    store,
    dataDir,
    recursive: true,
    runner: 'in-process',
    run: run ?? ((docs, onEvent) => runInProcess(docs, { store, pool, onEvent, backoffMs: 10 })),
  };
}

async function runsOf(documentId: string): Promise<number> {
  const [row] = await store.db
    .select({ n: count() })
    .from(extractionRuns)
    .where(eq(extractionRuns.documentId, documentId));
  return Number(row?.n ?? 0);
}

async function noRun() {
  return { done: 0, failed: 0, skipped: 0, interrupted: 0, pages: 0 };
}

function byName(report: IngestReport, suffix: string) {
  const hit = report.outcomes.find((o) => o.display.endsWith(suffix));
  if (!hit) throw new Error(`no outcome for ${suffix}`);
  return hit;
}

describe('ingest with the in-process runner and PGlite', () => {
  let first: IngestReport;

  it('processes folders and zip members, dedupes by content, and reports a corrupt file alone', async () => {
    first = await ingest([inbox], options());
    const statuses = first.outcomes.map((o) => o.status).sort();
    expect(statuses).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'duplicate', 'failed']);
    expect(byName(first, 'arsip.zip!/a/kecil-2.txt').status).toBe('done');
    expect(byName(first, 'salinan.txt')).toMatchObject({
      status: 'duplicate',
      duplicateOf: expect.stringMatching(/000_/),
    });
    const bad = byName(first, 'rusak.pdf');
    expect(bad.failure).toMatchObject({ stage: 'read', reason: expect.stringMatching(/PDF/) });
    expect(byName(first, '-borderless.pdf').pages).toBe(2);
    expect(exitStatusOf(first)).toBe(1);
    const summary = formatSummary(first);
    expect(summary).toMatch(/rusak\.pdf: .*PDF.*\(stage read\)/);
    for (const o of first.outcomes.filter((x) => x.status === 'done'))
      expect(await runsOf(o.documentId!)).toBe(1);
    // Each document's row points at its stored bytes.
    const [doc] = await store.db
      .select()
      .from(documents)
      .where(eq(documents.id, byName(first, 'rusak.pdf').documentId!));
    expect(readFileSync(blobPath(doc!.storageKey!, dataDir))).toEqual(corruptPdf());
  });

  it('is idempotent: a second run skips every finished file and processes nothing', async () => {
    let ran = -1;
    const again = await ingest(
      [inbox],
      options(async (docs) => {
        ran = docs.length;
        return noRun();
      }),
    );
    expect(ran).toBe(0);
    expect(again.outcomes.filter((o) => o.status === 'skipped')).toHaveLength(7);
    expect(byName(again, 'rusak.pdf')).toMatchObject({ status: 'failed', earlier: true });
  });

  it('resumes: documents left queued by a crashed run continue, finished ones are not redone', async () => {
    const batch = join(dataDir, 'batch2');
    mkdirSync(batch);
    for (let i = 0; i < 4; i++) writeFileSync(join(batch, `form-${i}.txt`), smallForm(100 + i));
    // The "crash": only one document gets processed.
    const crashed = await ingest(
      [batch],
      options((docs, onEvent) => runInProcess(docs.slice(0, 1), { store, pool, onEvent })),
    );
    expect(crashed.outcomes.map((o) => o.status).sort()).toEqual([
      'done',
      'interrupted',
      'interrupted',
      'interrupted',
    ]);
    const first = crashed.outcomes.find((o) => o.status === 'done')!.display;
    expect(formatSummary(crashed)).toContain('run the same command again to continue');
    const resumed = await ingest([batch], options());
    expect(resumed.outcomes.map((o) => `${o.display === first} ${o.status}`).sort()).toEqual([
      'false done',
      'false done',
      'false done',
      'true skipped',
    ]);
    for (const o of resumed.outcomes) expect(await runsOf(o.documentId!)).toBe(1);
  });

  it('retry reprocesses a failed document; a transient failure (damaged blob) then succeeds', async () => {
    const file = join(dataDir, 'sementara.txt');
    writeFileSync(file, textVariant(seedFiles()[1]!.bytes, 7));
    const registered = await ingest([file], options(noRun));
    const doc = (await getDocumentBySha256(store, registered.outcomes[0]!.sha256!))!;
    expect(doc.status).toBe('queued');
    const path = blobPath(doc.storageKey!, dataDir);
    const good = readFileSync(path);
    writeFileSync(path, 'rusak');
    const events: RunEvent[] = [];
    await runInProcess(
      [{ documentId: doc.id, sha256: doc.sha256, storageKey: doc.storageKey!, fileName: doc.fileName }],
      { store, pool, attempts: 2, backoffMs: 10, onEvent: (e) => events.push(e) },
    );
    expect(events[0]).toMatchObject({
      status: 'failed',
      failure: { code: 'BLOB_CORRUPT', unrecoverable: false },
    });

    writeFileSync(path, good);
    const runtime: Runtime = {
      store,
      runner: 'in-process',
      queues: null,
      run: (docs, onEvent) => runInProcess(docs, { store, pool, onEvent }),
      close: async () => undefined,
    };
    const targets = await retryTargets(store, []);
    expect(targets.map((t) => t.fileName).sort()).toEqual(['rusak.pdf', 'sementara.txt']);
    const report = await retryDocuments(runtime, targets, { dataDir });
    expect(byName(report, 'sementara.txt').status).toBe('done');
    expect(byName(report, 'rusak.pdf').status).toBe('failed');
    expect(await runsOf(doc.id)).toBe(2);
    expect(await runsOf(byName(report, 'rusak.pdf').documentId!)).toBe(2);
    await expect(retryTargets(store, ['nama-file.pdf'])).rejects.toThrow(/not a document id or sha256/);
  });

  it('splits page OCR into page tasks when a page-OCR module is configured, and names a failed page', async () => {
    const dir = join(dataDir, 'scans');
    mkdirSync(dir);
    writeFileSync(join(dir, 'scan-ocr.txt'), smallForm(200));
    writeFileSync(join(dir, 'scan-ocrfail.txt'), smallForm(201));
    const report = await ingest(
      [dir],
      options((docs, onEvent) => runInProcess(docs, { store, pool, onEvent, pageOcrModule: FAKE_OCR })),
    );
    expect(byName(report, 'scan-ocr.txt').status).toBe('done');
    expect(byName(report, 'scan-ocrfail.txt')).toMatchObject({
      status: 'failed',
      failure: { page: 2, stage: 'ocr', reason: 'the scan is unreadable' },
    });
    const failedDoc = await getDocumentBySha256(store, byName(report, 'scan-ocrfail.txt').sha256!);
    expect(failedDoc).toMatchObject({ status: 'failed', errorPage: 2, errorStage: 'ocr' });
  });
});
