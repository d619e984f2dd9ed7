/**
 * A page-OCR module for tests (see src/runner/page-ocr.ts). File names steer it:
 *   "ocr"        → pages 1 and 2 need OCR;
 *   "slow<ms>"   → each page's OCR takes that long (a timer: no CPU, so a kill lands mid-job);
 *   "ocrfail"    → page 2 cannot be read (bad input).
 * The extraction itself is the real extractFile; it checks every planned page's value arrived.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExtractedFile } from '../../../src/contract/schema.js';
import { BadInputError } from '../../../src/errors.js';
import { extractFile } from '../../../src/pipeline/extract-file.js';

export async function planPages(_bytes: Uint8Array, fileName: string): Promise<number[]> {
  return fileName.includes('ocr') ? [1, 2] : [];
}

export async function ocrPage(_bytes: Uint8Array, fileName: string, page: number): Promise<unknown> {
  const ms = Number(/slow(\d+)/.exec(fileName)?.[1] ?? 0);
  if (ms > 0) await sleep(ms);
  if (fileName.includes('ocrfail') && page === 2) {
    throw new BadInputError('the scan is unreadable', { file: fileName, stage: 'ocr' });
  }
  return { page, words: [`kata-${page}`] };
}

export async function extractWithPages(
  bytes: Uint8Array,
  fileName: string,
  pages: ReadonlyMap<number, unknown>,
): Promise<ExtractedFile> {
  const want = await planPages(bytes, fileName);
  for (const p of want) {
    const v = pages.get(p) as { words?: string[] } | undefined;
    if (v?.words?.[0] !== `kata-${p}`) throw new Error(`page ${p}'s OCR value did not arrive`);
  }
  return extractFile(bytes, { fileName });
}
