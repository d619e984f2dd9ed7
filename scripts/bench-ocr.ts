/**
 * `npm run bench:ocr`: our OCR path (tesseract.js, wasm, in a worker thread) against Debian's
 * native `tesseract` command, in the same run, on the same page images: every page of
 * fixtures/scans/* goes through the same reading path (decode or render, de-skew, rule finding
 * and erasing, empty-cell second look), once with each engine plugged in. Reported: seconds per
 * page (wall and CPU), peak RSS, and the field F1 of the extraction with each engine.
 *
 *   npm run bench:ocr                       # tesseract.js vs native (Debian data) vs native (same model)
 *   npm run bench:ocr -- --variants         # also tesseract.js option variants (psm, models)
 *   npm run bench:ocr -- --only=photo       # fixtures whose name contains "photo"
 *
 * Needs `apt-get install -y tesseract-ocr tesseract-ocr-ind` for the native runs (skipped, with
 * a note, when /usr/bin/tesseract is missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractLayout } from '../src/pipeline/extract.js';
import { encodePgm } from '../src/read/image/gray.js';
import type { GrayImage } from '../src/read/image/gray.js';
import { readImage } from '../src/read/image/index.js';
import type { OcrEngine, OcrEngineOptions, OcrWord } from '../src/read/ocr/engine.js';
import { createOcrEngine, DEFAULT_PAGE_SEG_MODE, traineddataDir } from '../src/read/ocr/engine.js';
import { withOcrFallback } from '../src/read/ocr/fallback.js';
import { readPdf } from '../src/read/pdf/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANS = join(root, 'fixtures/scans');
const TESSERACT = '/usr/bin/tesseract';
const TIME = '/usr/bin/time';
const shared = resolve(root, '../shared/tools/score.mjs');
const scorer = existsSync(shared) ? shared : join(root, 'scripts/score.mjs');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

/** Per-engine totals. */
interface Tally {
  calls: number;
  pages: number;
  wall: number;
  cpu: number;
  maxRssKb: number;
  /** Wall time of the whole reading path (decode, de-skew, rules, OCR), per fixture. */
  pathWall: number;
}
const newTally = (): Tally => ({ calls: 0, pages: 0, wall: 0, cpu: 0, maxRssKb: 0, pathWall: 0 });

/** An engine that times each call of an inner engine (wall and process CPU). */
function timed(inner: OcrEngine, t: Tally): OcrEngine {
  return {
    async recognize(img, dpi, psm) {
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      const out = await inner.recognize(img, dpi, psm);
      const c = process.cpuUsage(c0);
      t.wall += (performance.now() - w0) / 1000;
      t.cpu += (c.user + c.system) / 1e6;
      t.calls++;
      t.maxRssKb = Math.max(t.maxRssKb, process.resourceUsage().maxRSS);
      return out;
    },
    terminate: () => inner.terminate(),
  };
}

/** Debian's `tesseract` command as an OcrEngine: PGM in, TSV out, timed by /usr/bin/time. */
function nativeEngine(t: Tally, opts: { tessdata?: string; threads?: number; psm: string }): OcrEngine {
  const dir = mkdtempSync(join(tmpdir(), 'iki-bench-'));
  return {
    async recognize(img: GrayImage, dpi: number, psm?: string): Promise<OcrWord[]> {
      const input = join(dir, 'page.pgm');
      writeFileSync(input, encodePgm(img));
      const cmd = [input, 'stdout', '-l', 'ind', '--psm', psm ?? opts.psm, '--dpi', String(Math.round(dpi))];
      if (opts.tessdata) cmd.push('--tessdata-dir', opts.tessdata);
      // Not the `tsv` config file: a --tessdata-dir of our own has no configs/ folder.
      cmd.push('-c', 'tessedit_create_tsv=1');
      const env = { ...process.env, ...(opts.threads ? { OMP_THREAD_LIMIT: String(opts.threads) } : {}) };
      const r = spawnSync(TIME, ['-f', '%e %U %S %M', TESSERACT, ...cmd], { env, encoding: 'utf8' });
      const stats = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      t.wall += stats[0]!;
      t.cpu += stats[1]! + stats[2]!;
      t.maxRssKb = Math.max(t.maxRssKb, stats[3]!);
      t.calls++;
      return parseTsv(r.stdout);
    },
    async terminate() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n')) {
    const f = line.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    if (!text) continue;
    const [x, y, w, h, conf] = [f[6], f[7], f[8], f[9], f[10]].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    words.push({
      text,
      confidence: conf,
      x0: x,
      y0: y,
      x1: x + w,
      y1: y + h,
      baseline: null,
      rowHeight: null,
      descenders: null,
    });
  }
  return words;
}

interface Fixture {
  file: string;
  bytes: Uint8Array;
  gold: string;
  name: string;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const f of readdirSync(SCANS).sort()) {
    if (f.endsWith('.md') || (only && !f.includes(only))) continue;
    const m = /^(\d{3}_[0-9a-f]{16})(-[a-z0-9]+)/.exec(f);
    if (!m) continue;
    const gold = join(root, 'fixtures/pdf', `${m[1]}${m[2]}.gold.json`);
    if (!existsSync(gold)) continue;
    const name = (JSON.parse(readFileSync(gold, 'utf8')) as { source: { file: string } }).source.file;
    out.push({ file: f, bytes: new Uint8Array(readFileSync(join(SCANS, f))), gold, name });
  }
  return out;
}

/** Reads every fixture with `engine`, scores the extraction; returns the overall F1. */
async function run(label: string, engine: OcrEngine, t: Tally, out: string): Promise<number> {
  mkdirSync(out, { recursive: true });
  const pairs: string[] = [];
  for (const fx of fixtures()) {
    const w0 = performance.now();
    const doc = fx.file.endsWith('.pdf')
      ? await withOcrFallback(await readPdf(fx.bytes, { file: fx.name }), fx.bytes, { file: fx.name, engine })
      : await readImage(fx.bytes, { file: fx.name, engine });
    t.pathWall += (performance.now() - w0) / 1000;
    t.pages += doc.pages.filter((p) => p.extraction === 'ocr').length;
    doc.source.sha256 = createHash('sha256').update(fx.bytes).digest('hex');
    const pred = join(out, `${fx.file}.json`);
    writeFileSync(pred, JSON.stringify(extractLayout(doc)));
    pairs.push(fx.gold, pred);
    process.stderr.write(`  ${label}: ${fx.file}\n`);
  }
  const report = execFileSync(process.execPath, [scorer, ...pairs], { encoding: 'utf8' });
  return Number(/overall F1\s+([\d.]+)/.exec(report)?.[1] ?? NaN);
}

interface Row {
  label: string;
  t: Tally;
  f1: number;
}

async function bench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'iki-bench-ocr-'));
  const rows: Row[] = [];
  const ours = async (label: string, opts: OcrEngineOptions) => {
    const t = newTally();
    const c0 = process.cpuUsage();
    const engine = timed(await createOcrEngine(opts), t);
    try {
      const f1 = await run(label, engine, t, join(work, label));
      rows.push({ label, t, f1 });
    } finally {
      await engine.terminate();
    }
    void c0;
  };
  const native = async (label: string, opts: { tessdata?: string; threads?: number }) => {
    const t = newTally();
    const engine = nativeEngine(t, { ...opts, psm: DEFAULT_PAGE_SEG_MODE });
    try {
      rows.push({ label, t, f1: await run(label, engine, t, join(work, label)) });
    } finally {
      await engine.terminate();
    }
  };

  await ours('tesseract.js (ours)', {});
  if (existsSync(TESSERACT) && existsSync(TIME)) {
    await native('native, Debian fast model', {});
    await native('native, Debian fast model, 1 thread', { threads: 1 });
    // The same LSTM network as ours (tessdata_best as integers), to separate engine from model cost.
    const same = join(work, 'tessdata-same');
    mkdirSync(same);
    writeFileSync(
      join(same, 'ind.traineddata'),
      gunzipSync(readFileSync(join(traineddataDir('ind'), 'ind.traineddata.gz'))),
    );
    await native('native, same model as ours, 1 thread', { tessdata: same, threads: 1 });
  } else {
    process.stderr.write(`bench: ${TESSERACT} or ${TIME} missing; native runs skipped\n`);
  }
  if (args.includes('--variants')) {
    await ours('tesseract.js psm 6', { pageSegMode: '6' });
    await ours('tesseract.js psm 11', { pageSegMode: '11' });
    await ours('tesseract.js ind only', { languages: ['ind'] });
    await ours('tesseract.js invert on', { parameters: { tessedit_do_invert: '1' } });
  }
  rmSync(work, { recursive: true, force: true });

  const base = rows[0]!;
  const perPage = (r: Row, v: number) => (r.t.pages ? v / r.t.pages : NaN);
  const lines = [
    `pages: ${base.t.pages} (fixtures/scans${only ? `, only ${only}` : ''}); OCR calls incl. empty-cell crops: ${base.t.calls}`,
    '',
    '| engine | OCR s/page (wall) | OCR CPU s/page | path s/page | peak RSS MB | field F1 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${perPage(r, r.t.wall).toFixed(2)} | ${perPage(r, r.t.cpu).toFixed(2)} | ` +
        `${perPage(r, r.t.pathWall).toFixed(2)} | ${(r.t.maxRssKb / 1024).toFixed(0)} | ${r.f1.toFixed(1)} |`,
    ),
    '',
    ...rows
      .slice(1)
      .map(
        (r) =>
          `ours / ${r.label}: ${(base.t.wall / r.t.wall).toFixed(2)}× wall, ${(base.t.cpu / r.t.cpu).toFixed(2)}× CPU`,
      ),
    '',
    'peak RSS: ours is the whole Node process (reader, worker thread, wasm heap); native is one tesseract process.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await bench();
