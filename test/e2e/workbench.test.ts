/**
 * End-to-end: the built workbench served by the API (PGlite in memory, a random loopback port),
 * driven by Debian's chromium through playwright-core. A reviewer signs in, uploads a seed,
 * waits for it, fixes a field, accepts a suggestion, extracts the document again and finds the
 * correction still there; a 40-page, 300-row document opens within a second of its data
 * arriving and saves a field within 200 ms; a correction that no longer fits after a
 * re-extraction is shown as a conflict and can be re-applied; a two-page scan shows "OCR halaman
 * k dari 2" on the upload page while its pages are read. Screenshots go to test-output/e2e/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';
import { buildServer } from '../../src/api/server.js';
import { writeBlob } from '../../src/api/submit.js';
import {
  type Store,
  createUser,
  openStore,
  saveExtraction,
  upsertDocument,
} from '../../src/store/repository.js';
import { FORMS, ROWS_PER_FORM, syntheticPdf, syntheticResult } from './synthetic.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-output', 'e2e');
/** The test's own build (dist/web, what `iki serve` uses, is left alone while other suites run). */
const WEB_OUT = join(OUT, 'web');
const SEED = join(ROOT, 'fixtures/seeds/001_5e37c471fde3e7ca.txt');
/** A seed's forms printed as a PDF: the README screenshot shows the page beside the record. */
const SEED_PDF = join(ROOT, 'fixtures/pdf/000_7b2aa8f5eb30b1d2-bordered.pdf');
/** A two-page image-only PDF: two OCR page jobs. */
const SCAN = join(ROOT, 'fixtures/scans/004_a55da81a764d711e-longtable-scan.pdf');
/** IKI_E2E_DOCS=1 also writes docs/workbench.png. */
const WRITE_DOCS = process.env.IKI_E2E_DOCS === '1';
const EMAIL = 'peninjau@iki.test';
const PASSWORD = 'kata sandi rahasia 123';
/** The budgets: open a 40-page/300-row document in ≤ 1 s after its data arrives; save in ≤ 200 ms. */
const OPEN_BUDGET_MS = 1000;
const SAVE_BUDGET_MS = 200;
/** Saves timed on the large document (the median is compared with the budget). */
const TIMED_SAVES = 5;

/**
 * How oversubscribed the CPU is (1 on an idle machine): the budgets hold for an otherwise idle
 * machine, and `npm test` runs other suites beside this one on two cores. The first-paint
 * budget is checked as it is; the complete render and the saves are allowed this factor, and
 * every figure is printed with it.
 */
function loadFactor(): number {
  return Math.max(1, loadavg()[0]! / availableParallelism());
}

const skip = !existsSync(CHROMIUM);

/** What the page exposes for the test (web/src/document/DocumentPage.tsx), seen from Node's types. */
interface PageGlobals {
  __iki?: { openMs?: number; completeMs?: number; saves: { httpMs: number; uiMs: number }[] };
  localStorage: { getItem(key: string): string | null };
}

describe.skipIf(skip)('reviewer workbench (chromium)', () => {
  let store: Store;
  let app: FastifyInstance;
  let dataDir: string;
  let base: string;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });
  const api = async (path: string, init: RequestInit = {}) => {
    const token = await page.evaluate(
      () =>
        (
          JSON.parse(
            (globalThis as unknown as PageGlobals).localStorage.getItem('iki.session') ?? 'null',
          ) as { token: string }
        ).token,
    );
    const res = await fetch(`${base}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
    return res.json() as Promise<Record<string, unknown>>;
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    await buildWeb(WEB_OUT);
    store = await openStore({ dataDir: 'memory://', databaseUrl: '' });
    await createUser(store, EMAIL, PASSWORD, 'admin', 'e2e');
    dataDir = mkdtempSync(join(tmpdir(), 'iki-e2e-'));
    process.env.IKI_WEB_ROOT = WEB_OUT;
    app = buildServer({ store, dataDir });
    delete process.env.IKI_WEB_ROOT;
    base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1366, height: 820 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, uploads a seed, fixes a field, accepts a suggestion, re-extracts and keeps the correction', async () => {
    await page.goto(`${base}/`);
    await page.fill('input[name=email]', EMAIL);
    await page.fill('input[name=password]', PASSWORD);
    await shot('01-login');
    await page.click('button[type=submit]');
    await page.waitForSelector('.archive-page h1');

    // Upload the seed and watch it being processed.
    await page.click('a[href="/unggah"]');
    await page.setInputFiles('input[type=file]', SEED);
    const line = page.locator('li.doc.st-done');
    await line.waitFor({ timeout: 60_000 });
    expect(await line.locator('.status').textContent()).toMatch(/Selesai: \d+ formulir, \d+ baris/);
    await shot('02-upload');
    await line.locator('a', { hasText: 'Buka' }).click();
    await page.waitForSelector('.card.row');
    const docId = new URL(page.url()).pathname.split('/').pop()!;

    // Fix a field in place: click, type, Enter.
    const field = page.locator('#row-0-0 [data-field="penanggungJawab"]');
    await field.locator('.value').click();
    await field.locator('.editor').fill('Sekretaris Camat (dikoreksi)');
    await field.locator('.editor').press('Enter');
    await field.locator('.mark').waitFor();
    expect(await field.locator('.value').textContent()).toBe('Sekretaris Camat (dikoreksi)');

    // Keyboard: next row, next flag.
    await page.keyboard.press('j');
    await page.waitForSelector('#row-0-1.selected, #row-0-0.selected');
    await page.keyboard.press('n');
    await page.waitForSelector('.flag.current');

    // Accept a spelling suggestion: the word is replaced in the field and the flag is closed.
    const spelling = page.locator('li.flag.st-open', { hasText: 'produktifitas' }).first();
    const flagId = await spelling.getAttribute('data-flag-id');
    await spelling.locator('button', { hasText: 'Terima saran' }).click();
    await page.locator(`li.flag.st-accepted[data-flag-id="${flagId}"]`).waitFor();
    const sasaran = page.locator('#row-0-0 [data-field="sasaran"] .value');
    await page.locator('#row-0-0 [data-field="sasaran"].corrected').waitFor();
    expect(await sasaran.textContent()).toContain('produktivitas');
    await shot('03-document');

    // Extract again: the corrections are re-applied to the same rows, the decision is kept.
    await page.click('button:has-text("Ekstrak ulang")');
    await page.locator('.notice', { hasText: 'versi 2' }).waitFor({ timeout: 60_000 });
    await page.waitForSelector('#row-0-0 [data-field="penanggungJawab"] .mark');
    expect(await page.locator('#row-0-0 [data-field="penanggungJawab"] .value').textContent()).toBe(
      'Sekretaris Camat (dikoreksi)',
    );
    expect(await page.locator('#row-0-0 [data-field="sasaran"] .value').textContent()).toContain(
      'produktivitas',
    );
    const result = (await api(`/documents/${docId}/result`)) as {
      run: { version: number };
      sections: { indikator: { penanggungJawab: string }[]; flags: { id: string; status: string }[] }[];
    };
    expect(result.run.version).toBe(2);
    expect(result.sections[0]!.indikator[0]!.penanggungJawab).toBe('Sekretaris Camat (dikoreksi)');
    expect(result.sections.flatMap((s) => s.flags).filter((f) => f.status === 'accepted')).toHaveLength(1);

    // History and undo of a field.
    await page.locator('#row-0-0 [data-field="penanggungJawab"] .mark').click();
    await page.waitForSelector('.panel.history li.st-active');
    await shot('04-history');
    await page.click('.panel.history button:has-text("Urungkan")');
    await page.waitForSelector('#row-0-0 [data-field="penanggungJawab"]:not(.corrected)');
    await page.click('.panel.history button:has-text("Tutup")');

    // Export of this document (CSV) carries the accepted suggestion.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.doc-head .export button:has-text("CSV")'),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('produktivitas');

    // The archive lists it with its counts; full-text search finds the corrected row.
    await page.click('a[href="/arsip"]');
    const rowOfDoc = page.locator(`tr[data-doc-id="${docId}"]`);
    await rowOfDoc.waitFor();
    expect(Number(await rowOfDoc.locator('td.num').first().textContent())).toBeGreaterThan(0);
    await page.fill('input[name=q]', 'produktivitas');
    await page.press('input[name=q]', 'Enter');
    await page.click('.tabs a:has-text("Baris yang cocok")');
    await page.waitForSelector('table.rows tbody tr');
    await shot('05-archive-search');

    // English is available.
    await page.click('.topbar button:has-text("English")');
    await page.waitForSelector('.tabs a:has-text("Matching rows")');
    await page.click('.topbar button:has-text("Bahasa Indonesia")');
  });

  it('opens a 40-page, 300-row document within a second and saves a field within 200 ms', async () => {
    const pdf = await syntheticPdf(browser);
    const storageKey = await writeBlob(dataDir, pdf.sha256, pdf.bytes);
    const { document } = await upsertDocument(store, {
      sha256: pdf.sha256,
      fileName: 'sintetis-40-halaman.pdf',
      mediaType: 'application/pdf',
      byteSize: pdf.bytes.length,
      storageKey,
    });
    await saveExtraction(store, document.id, syntheticResult(pdf.sha256), 'e2e');

    await page.goto(`${base}/dokumen/${document.id}`);
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).__iki?.completeMs !== undefined,
      undefined,
      { timeout: 30_000 },
    );
    const { openMs, completeMs } = await page.evaluate(() => (globalThis as unknown as PageGlobals).__iki!);
    expect(await page.locator('.card.row').count()).toBe(FORMS * ROWS_PER_FORM);
    const factor = loadFactor();
    process.stdout.write(
      `e2e: 40-page, 300-row document view: first paint ${openMs!.toFixed(0)} ms, all 300 rows rendered ` +
        `${completeMs!.toFixed(0)} ms after the data arrived (CPU load factor ${factor.toFixed(1)})\n`,
    );
    expect(openMs!).toBeLessThanOrEqual(OPEN_BUDGET_MS);
    expect(completeMs!).toBeLessThanOrEqual(OPEN_BUDGET_MS * factor);

    // Selecting a row shows its page with the bbox drawn on it.
    await page.locator('#row-3-12 header').click();
    await page.waitForSelector('.source-pane .page img');
    await page.waitForSelector('.source-pane .bbox');
    expect(await page.locator('.source-pane .pager span').textContent()).toContain('Halaman 14 dari 40');

    // Save round trips on loopback, through the UI.
    for (let i = 0; i < TIMED_SAVES; i++) {
      const f = page.locator(`#row-3-${12 + i} [data-field="penanggungJawab"]`);
      await f.locator('.value').click();
      await f.locator('.editor').fill(`Kepala Seksi ${i + 1}`);
      await f.locator('.editor').press('Enter');
      await f.locator('.mark').waitFor();
    }
    const saves = await page.evaluate(() => (globalThis as unknown as PageGlobals).__iki!.saves.slice(-5));
    const http = saves.map((s) => s.httpMs).sort((a, b) => a - b);
    const ui = saves.map((s) => s.uiMs).sort((a, b) => a - b);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
    process.stdout.write(
      `e2e: field save round trip on a 300-row document: median ${median(http).toFixed(0)} ms HTTP, ` +
        `${median(ui).toFixed(0)} ms until painted (of ${saves.length}: ${http.map((x) => x.toFixed(0)).join(', ')}; ` +
        `CPU load factor ${loadFactor().toFixed(1)})\n`,
    );
    expect(median(http)).toBeLessThanOrEqual(SAVE_BUDGET_MS * loadFactor());
    await shot('06-large-document');

    // A re-extraction whose value changed under a correction: a conflict, shown, re-applied.
    const f00 = page.locator('#row-0-0 [data-field="formulasi"]');
    await f00.locator('.value').click();
    await f00.locator('.editor').fill('Rumus yang dikoreksi peninjau');
    await f00.locator('.editor').press('Enter');
    await f00.locator('.mark').waitFor();
    await saveExtraction(
      store,
      document.id,
      syntheticResult(pdf.sha256, { formulasi00: 'Rumus baru dari ekstraktor' }),
      'e2e',
    );
    await page.reload();
    const conflict = page.locator('.panel.conflicts li', { hasText: 'formulasi' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Rumus yang dikoreksi peninjau');
    await shot('07-conflict');
    await conflict.locator('button', { hasText: 'Terapkan koreksi' }).click();
    await page.waitForSelector('.panel.conflicts', { state: 'detached' });
    expect(await page.locator('#row-0-0 [data-field="formulasi"] .value').textContent()).toBe(
      'Rumus yang dikoreksi peninjau',
    );
  });

  it('shows a two-page scan being read page by page ("OCR halaman k dari 2"), then done', async () => {
    await page.goto(`${base}/unggah`);
    if (await page.locator('input[name=email]').count()) {
      await page.fill('input[name=email]', EMAIL);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
    }
    await page.setInputFiles('input[type=file]', SCAN);
    const line = page.locator('li.doc', { has: page.locator('.name', { hasText: 'longtable-scan' }) });
    // Each page is its own OCR task on the pool; the upload page shows which of the two is being read.
    const reading = line.locator('.status', { hasText: /^OCR halaman [12] dari 2$/ });
    await reading.waitFor({ timeout: 120_000 });
    const shown = await reading.textContent();
    expect(await line.getAttribute('data-stage')).toBe('ocr');
    await shot('08-upload-ocr-progress');
    await page
      .locator('li.doc.st-done', { has: page.locator('.name', { hasText: 'longtable-scan' }) })
      .waitFor({
        timeout: 240_000,
      });
    process.stdout.write(`e2e: the upload page showed "${shown}" before the scan was done\n`);
  }, 300_000);

  it.runIf(WRITE_DOCS)('writes the README screenshot of the document view', async () => {
    await page.goto(`${base}/unggah`);
    if (await page.locator('input[name=email]').count()) {
      await page.fill('input[name=email]', EMAIL);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
    }
    await page.setInputFiles('input[type=file]', SEED_PDF);
    const line = page.locator('li.doc.st-done');
    await line.waitFor({ timeout: 120_000 });
    await line.locator('a', { hasText: 'Buka' }).click();
    await page.waitForSelector('#row-0-1');
    await page.locator('#row-0-1 header').click();
    await page.waitForSelector('.source-pane .bbox');
    await page.waitForSelector('.source-pane .page img');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, 'docs', 'workbench.png') });
  });
});
