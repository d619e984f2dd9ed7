import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/ingest/ingest.js';
import { createProgress, ocrSummary } from '../../src/ingest/progress.js';
import { ocrProgress } from '../../src/runner/progress.js';
import { exitStatusOf, formatSummary } from '../../src/ingest/summary.js';

const report = (statuses: IngestReport['outcomes'][number]['status'][]): IngestReport => ({
  runner: 'in-process',
  elapsedMs: 2000,
  totals: { done: 0, failed: 0, skipped: 0, interrupted: 0, pages: 0 },
  outcomes: statuses.map((status, i) => ({
    display: `dir/f${i}.pdf`,
    documentId: `id${i}`,
    sha256: null,
    status,
    pages: status === 'done' ? 2 : 0,
    failure: status === 'failed' ? { reason: 'the PDF is damaged', stage: 'read', page: 3 } : null,
  })),
});

describe('summary', () => {
  it('counts files and pages per result and lists each failure with file, page and reason', () => {
    const text = formatSummary(report(['done', 'done', 'skipped', 'failed']));
    expect(text).toMatch(/processed\s+2\s+4/);
    expect(text).toMatch(/failed\s+1\s+0/);
    expect(text).toMatch(/total\s+4\s+4/);
    expect(text).toContain('dir/f3.pdf: page 3: the PDF is damaged (stage read)');
    expect(text).toContain('iki retry');
    expect(text).toMatch(/throughput: 1\.0 files\/s, 2\.0 pages\/s/);
  });

  it('exits 0 only when nothing failed or was left unfinished', () => {
    expect(exitStatusOf(report(['done', 'skipped', 'duplicate']))).toBe(0);
    expect(exitStatusOf(report(['done', 'failed']))).toBe(1);
    expect(exitStatusOf(report(['done', 'interrupted']))).toBe(1);
  });
});

describe('progress without a terminal', () => {
  it('prints plain lines with files, pages, rate and ETA instead of a bar', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const p = createProgress(out as unknown as NodeJS.WriteStream, { intervalMs: 20 });
    p.start(4);
    const doc = { documentId: 'x', sha256: 'y', storageKey: 'z', fileName: 'f' };
    p.event({ doc, status: 'done', pages: 3, failure: null, ms: 1 });
    await new Promise((r) => setTimeout(r, 60));
    p.stop();
    expect(text).toMatch(/ingest: 1\/4 files, 3 pages, [\d.]+ files\/s, ETA \d+ s, 0 failed/);
    expect(text).not.toContain('\x1b[');
  });

  it('shows the OCR of scans page by page while it runs, and drops a scan once it is done', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const p = createProgress(out as unknown as NodeJS.WriteStream, { intervalMs: 20 });
    p.start(3);
    p.stage('a', ocrProgress(1, 4)); // a: 1 of 4 pages read
    p.stage('b', ocrProgress(0, 2));
    p.stage('c', { stage: 'parse', page: null, pages: null });
    await new Promise((r) => setTimeout(r, 60));
    expect(text).toMatch(/0 failed, OCR 1\/6 pages of 2 files\n/);
    const doc = { documentId: 'a', sha256: 'y', storageKey: 'z', fileName: 'a.pdf' };
    p.event({ doc, status: 'done', pages: 4, failure: null, ms: 1 });
    p.stage('b', { stage: 'parse', page: null, pages: null });
    text = '';
    await new Promise((r) => setTimeout(r, 60));
    p.stop();
    expect(text).toMatch(/1\/3 files, 4 pages, .* 0 failed\n/);
    expect(text).not.toContain('OCR');
  });
});

describe('ocrSummary', () => {
  it('adds up pages read and planned over the files in OCR', () => {
    expect(ocrSummary(new Map())).toBe('');
    expect(ocrSummary(new Map([['a', { read: 2, pages: 5 }]]))).toBe(' | OCR 2/5 pages of 1 file');
    expect(
      ocrSummary(
        new Map([
          ['a', { read: 2, pages: 5 }],
          ['b', { read: 0, pages: 1 }],
        ]),
      ),
    ).toBe(' | OCR 2/6 pages of 2 files');
  });
});
