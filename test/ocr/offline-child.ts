/**
 * Run by offline.test.ts in a child process with no-network.mjs preloaded: starts the OCR engine,
 * reads a rendered page, and prints what it read and whether the network guard is live.
 */
import { join, resolve } from 'node:path';
import { createOcrEngine } from '../../src/read/ocr/engine.js';
import { renderTop } from './render.js';

const root = resolve(import.meta.dirname, '../..');
let guard = 'not blocked';
try {
  await fetch('http://127.0.0.1:9/');
} catch (err) {
  guard = (err as Error).message;
}
const engine = await createOcrEngine();
try {
  const img = await renderTop(join(root, 'fixtures/pdf/000_7b2aa8f5eb30b1d2-bordered.pdf'), 1, 300, 60);
  const words = await engine.recognize(img, 300);
  const attempts = (globalThis as { __networkAttempts?: string[] }).__networkAttempts ?? [];
  process.stdout.write(JSON.stringify({ guard, words: words.map((w) => w.text), attempts }) + '\n');
} finally {
  await engine.terminate();
}
