/**
 * `npm run bench`: extraction speed of the text path, printed beside a named baseline measured
 * in the same run, so the figure is a ratio that survives a noisy machine.
 *
 *   baseline "read+split": read the bytes, decode UTF-8, split into lines (what any text tool does)
 *   extract:               the whole extractor, in process, warm (dictionary loaded once)
 *
 * Prints ms per seed document, documents per second over a 1,000-document corpus made by
 * repeating the seeds, and peak RSS. Runs on one core (no worker threads).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractFile } from '../src/pipeline/extract-file.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = join(root, 'fixtures/seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, path: join(seedsDir, f) }));
const CORPUS = Number(process.env.BENCH_DOCS ?? 1000);

function baseline(path: string): number {
  const text = new TextDecoder('utf-8').decode(readFileSync(path));
  return text.split('\n').length;
}

async function extract(path: string, name: string): Promise<number> {
  const r = await extractFile(readFileSync(path), { fileName: name });
  return r.sections.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// Warm up: load the dictionary, JIT the hot paths.
for (let i = 0; i < 3; i++) for (const s of seeds) await extract(s.path, s.name);

console.log('per seed document (median of 15 runs, warm, in process, one core)');
console.log('document                        baseline ms   extract ms   ratio');
for (const s of seeds) {
  const b: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < 15; i++) {
    let t = performance.now();
    baseline(s.path);
    b.push(performance.now() - t);
    t = performance.now();
    await extract(s.path, s.name);
    e.push(performance.now() - t);
  }
  const mb = median(b);
  const me = median(e);
  console.log(
    `${s.name.padEnd(30)} ${mb.toFixed(3).padStart(10)} ${me.toFixed(2).padStart(12)} ${(me / mb).toFixed(0).padStart(7)}x`,
  );
}

let t0 = performance.now();
for (let i = 0; i < CORPUS; i++) baseline(seeds[i % seeds.length]!.path);
const baseSecs = (performance.now() - t0) / 1000;
t0 = performance.now();
for (let i = 0; i < CORPUS; i++) await extract(seeds[i % seeds.length]!.path, seeds[i % seeds.length]!.name);
const exSecs = (performance.now() - t0) / 1000;
console.log(`\ncorpus of ${CORPUS} documents (the seeds repeated)`);
console.log(`  baseline read+split: ${(CORPUS / baseSecs).toFixed(0)} docs/s`);
console.log(
  `  extract:             ${(CORPUS / exSecs).toFixed(1)} docs/s (${((exSecs * 1000) / CORPUS).toFixed(2)} ms/doc)`,
);
console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// Text-layer PDFs, beside raw pdfjs-dist and poppler's pdftotext (scripts/bench-pdf.ts).
const { benchPdf } = await import('./bench-pdf.js');
await benchPdf();

// OCR beside Debian's `tesseract` on the same page images, one fixture so the run stays short
// (BENCH_OCR_ONLY picks another by name, BENCH_OCR=0 skips; every scan: `npm run bench:ocr`).
if (process.env.BENCH_OCR !== '0') {
  const { spawnSync } = await import('node:child_process');
  console.log('\nOCR (scripts/bench-ocr.ts)');
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/bench-ocr.ts'),
      `--only=${process.env.BENCH_OCR_ONLY ?? 'fax'}`,
      // The queue worker's RSS needs Redis and PostgreSQL: `npm run bench:ocr` measures it.
      '--no-worker',
    ],
    { stdio: 'inherit', cwd: root },
  );
}
