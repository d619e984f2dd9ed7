/**
 * End to end on one scanned page: a JPEG photo of a form (200 dpi, turned 1.2°, noise; made by
 * scripts/make-scan-fixtures.ts) goes through extractFile and is scored against the gold of the
 * PDF it was printed from. The floor is what this tree reaches; the text layer of the same page
 * scores 1.0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract-file.js';

const root = resolve(__dirname, '../..');
const scorer = existsSync(resolve(root, '../shared/tools/score.mjs'))
  ? resolve(root, '../shared/tools/score.mjs')
  : join(root, 'scripts/score.mjs');
const SCAN = join(root, 'fixtures/scans/002_b8c477cb9f4f63a8-rotated-photo.jpg');
const GOLD = join(root, 'fixtures/pdf/002_b8c477cb9f4f63a8-rotated.gold.json');
/** Overall field F1 this tree reaches on the page (0.99 when measured). */
const FLOOR = 0.95;

describe('golden: one scanned page', () => {
  it(`the JPEG scan scores at least ${FLOOR} overall F1 and says it was read by OCR`, async () => {
    const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { source: { file: string } };
    const pred = await extractFile(readFileSync(SCAN), { fileName: gold.source.file });
    expect(pred.source).toMatchObject({ extraction: 'ocr', mediaType: 'image/jpeg', pages: 1 });
    const out = join(mkdtempSync(join(tmpdir(), 'iki-scan-golden-')), 'pred.json');
    writeFileSync(out, JSON.stringify(pred));
    const score = JSON.parse(
      execFileSync(process.execPath, [scorer, GOLD, out, '--json'], { encoding: 'utf8' }),
    ) as {
      overall: { f1: number };
    };
    expect(score.overall.f1).toBeGreaterThanOrEqual(FLOOR);
  }, 120_000);
});
