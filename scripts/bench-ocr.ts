/**
 * `npm run bench:ocr`: our OCR (tesseract.js, wasm, in a worker thread) beside Debian's native
 * `tesseract` command, in one run, on the same page images. Every page of fixtures/scans/* goes
 * through the same reading path (decode or render, de-skew, rule finding and erasing, empty-cell
 * second look) with each engine plugged in; the engines take turns page file by page file, so
 * the load of a shared machine falls on all of them alike. Every engine gets the same languages,
 * page segmentation, dpi and tesseract parameters, and its words go through the same
 * post-processing (native hOCR with character boxes → the same block tree as tesseract.js's).
 * Reported per engine: OCR seconds per page (wall, and CPU of the process doing the OCR), peak
 * RSS, and the field F1 of the extraction; then each tesseract.js row / the native reference.
 *
 *   npm run bench:ocr                       # ours vs native
 *   npm run bench:ocr -- --variants         # also tesseract.js variants (dpi, languages, psm)
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
import { createCanvas } from '@napi-rs/canvas';
import { canvasToGray, encodePgm } from '../src/read/image/gray.js';
import type { GrayImage } from '../src/read/image/gray.js';
import { readImage } from '../src/read/image/index.js';
import type { OcrEngine, OcrEngineOptions, OcrLanguage, OcrWord } from '../src/read/ocr/engine.js';
import {
  BASE_PARAMETERS,
  blocksToWords,
  createOcrEngine,
  DEFAULT_OCR_LANGUAGES,
  DEFAULT_PAGE_SEG_MODE,
  traineddataDir,
  TRAINEDDATA_VARIANT,
} from '../src/read/ocr/engine.js';
import { withOcrFallback } from '../src/read/ocr/fallback.js';
import { OCR_DPI } from '../src/read/ocr/pdf.js';
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
  /** Wall time of the whole reading path (decode, de-skew, rules, OCR). */
  pathWall: number;
  /** Wall seconds to start the engine (tesseract.js: worker, wasm, models; once per run). */
  startWall: number;
  /** CPU seconds of the whole-page calls alone (no empty-cell crops). */
  pageCpu: number;
}
const newTally = (): Tally => ({
  pageCpu: 0,
  calls: 0,
  pages: 0,
  wall: 0,
  cpu: 0,
  maxRssKb: 0,
  pathWall: 0,
  startWall: 0,
});

/** An engine that times each call of an inner engine (wall, and CPU of this process: all its threads). */
function timed(inner: OcrEngine, t: Tally): OcrEngine {
  return {
    async recognize(img, dpi, psm) {
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      const out = await inner.recognize(img, dpi, psm);
      const c = process.cpuUsage(c0);
      t.wall += (performance.now() - w0) / 1000;
      t.cpu += (c.user + c.system) / 1e6;
      if (!psm) t.pageCpu += (c.user + c.system) / 1e6;
      t.calls++;
      t.maxRssKb = Math.max(t.maxRssKb, process.resourceUsage().maxRSS);
      return out;
    },
    terminate: () => inner.terminate(),
  };
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const nums = (title: string, key: string): number[] | null => {
  const m = new RegExp(`(?:^|;\\s*)${key} ([-\\d. ]+)`).exec(title);
  return m ? m[1]!.trim().split(/\s+/).map(Number) : null;
};

/**
 * tesseract's hOCR (with hocr_char_boxes) → the block tree tesseract.js gives, so native words go
 * through blocksToWords like ours: same percent repair, same baseline and row metrics.
 */
export function hocrToWords(hocr: string): OcrWord[] {
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const box = (b: number[]): Box => ({ x0: b[0]!, y0: b[1]!, x1: b[2]!, y1: b[3]! });
  const lines: {
    words: { text: string; confidence: number; bbox: Box; symbols: { text: string; bbox: Box }[] }[];
    baseline?: Box;
    rowAttributes?: { rowHeight: number; descenders: number; ascenders: number };
  }[] = [];
  const spans =
    /<span class='(ocr_line|ocr_caption|ocr_textfloat|ocr_header|ocrx_word|ocrx_cinfo)'[^>]*?title=(?:'([^']*)'|"([^"]*)")[^>]*>([^<]*)/g;
  for (const m of hocr.matchAll(spans)) {
    const kind = m[1]!;
    const title = m[2] ?? m[3] ?? '';
    if (kind === 'ocrx_word') {
      const b = nums(title, 'bbox');
      const line = lines[lines.length - 1];
      if (!b || !line) continue;
      line.words.push({ text: '', confidence: nums(title, 'x_wconf')?.[0] ?? 0, bbox: box(b), symbols: [] });
    } else if (kind === 'ocrx_cinfo') {
      const word = lines[lines.length - 1]?.words.at(-1);
      const b = nums(title, 'x_bboxes');
      const text = unescapeHtml(m[4] ?? '');
      if (!word || !b) continue;
      word.text += text;
      word.symbols.push({ text, bbox: box(b) });
    } else {
      const b = nums(title, 'bbox');
      if (!b) continue;
      const [x0, , x1, y1] = b as [number, number, number, number];
      const [slope, offset] = nums(title, 'baseline') ?? [0, 0];
      const size = nums(title, 'x_size')?.[0];
      const desc = nums(title, 'x_descenders')?.[0];
      const asc = nums(title, 'x_ascenders')?.[0];
      lines.push({
        words: [],
        baseline: { x0, y0: y1 + offset!, x1, y1: y1 + offset! + slope! * (x1 - x0) },
        ...(size !== undefined && desc !== undefined && asc !== undefined
          ? { rowAttributes: { rowHeight: size, descenders: desc, ascenders: asc } }
          : {}),
      });
    }
  }
  return blocksToWords([{ paragraphs: [{ lines }] }]);
}

interface NativeOptions {
  /** --tessdata-dir; Debian's own models when absent. */
  tessdata?: string;
  /** OMP_THREAD_LIMIT; tesseract's default (all cores) when absent. */
  threads?: number;
  languages: readonly OcrLanguage[];
}

/** Debian's `tesseract` command as an OcrEngine: PGM in, hOCR out, timed by /usr/bin/time. */
function nativeEngine(t: Tally, opts: NativeOptions): OcrEngine {
  const dir = mkdtempSync(join(tmpdir(), 'iki-bench-'));
  const params = { ...BASE_PARAMETERS, tessedit_create_hocr: '1', hocr_char_boxes: '1' };
  return {
    async recognize(img: GrayImage, dpi: number, psm?: string): Promise<OcrWord[]> {
      const input = join(dir, 'page.pgm');
      writeFileSync(input, encodePgm(img));
      const cmd = [input, 'stdout', '-l', opts.languages.join('+'), '--dpi', String(Math.round(dpi))];
      cmd.push('--psm', psm ?? DEFAULT_PAGE_SEG_MODE, '--oem', '1');
      if (opts.tessdata) cmd.push('--tessdata-dir', opts.tessdata);
      for (const [k, v] of Object.entries(params)) cmd.push('-c', `${k}=${v}`);
      const env = { ...process.env, ...(opts.threads ? { OMP_THREAD_LIMIT: String(opts.threads) } : {}) };
      const r = spawnSync(TIME, ['-f', '%e %U %S %M', TESSERACT, ...cmd], {
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      const stats = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      if (r.status !== 0 || stats.length !== 4) throw new Error(`tesseract failed: ${r.stderr}`);
      t.wall += stats[0]!;
      t.cpu += stats[1]! + stats[2]!;
      if (!psm) t.pageCpu += stats[1]! + stats[2]!;
      t.maxRssKb = Math.max(t.maxRssKb, stats[3]!);
      t.calls++;
      return hocrToWords(r.stdout);
    },
    async terminate() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
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

/** One engine under test. */
interface Runner {
  label: string;
  kind: 'ours' | 'native';
  start: () => Promise<OcrEngine>;
  dpi?: number;
  /** The reference the tesseract.js rows are divided by. */
  reference?: boolean;
  t: Tally;
  engine?: OcrEngine;
  preds: string[];
}

/** Reads one fixture with the runner's engine and writes its extraction. */
async function readWith(r: Runner, fx: Fixture, out: string): Promise<void> {
  const w0 = performance.now();
  const engine = r.engine!;
  const opts = { file: fx.name, engine, ...(r.dpi ? { dpi: r.dpi } : {}) };
  const doc = fx.file.endsWith('.pdf')
    ? await withOcrFallback(await readPdf(fx.bytes, { file: fx.name }), fx.bytes, opts)
    : await readImage(fx.bytes, opts);
  r.t.pathWall += (performance.now() - w0) / 1000;
  r.t.pages += doc.pages.filter((p) => p.extraction === 'ocr').length;
  doc.source.sha256 = createHash('sha256').update(fx.bytes).digest('hex');
  mkdirSync(out, { recursive: true });
  const pred = join(out, `${fx.file}.json`);
  writeFileSync(pred, JSON.stringify(extractLayout(doc)));
  r.preds.push(fx.gold, pred);
}

function overallF1(pairs: string[]): number {
  const report = execFileSync(process.execPath, [scorer, ...pairs], { encoding: 'utf8' });
  return Number(/overall F1\s+([\d.]+)/.exec(report)?.[1] ?? NaN);
}

/** A few lines of printed text, to warm an engine up before timing it. */
function warmUpPage(): GrayImage {
  const canvas = createCanvas(2000, 400);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 2000, 400);
  ctx.fillStyle = '#000000';
  ctx.font = '42px sans-serif';
  ctx.fillText('Indikator Kinerja Individu tahun 2024: target 100% dan realisasi 98,5%', 40, 100);
  ctx.fillText('Persentase laporan keuangan yang disusun tepat waktu (survey online)', 40, 200);
  ctx.fillText('Jumlah dokumen perencanaan 12 buah; nilai SAKIP minimal 70,01', 40, 300);
  return canvasToGray(canvas);
}

/** Debian's model folder (tesseract-ocr-ind / -eng), when the packages are installed. */
function debianTessdata(langs: readonly OcrLanguage[]): string | null {
  const base = '/usr/share/tesseract-ocr';
  if (!existsSync(base)) return null;
  for (const v of readdirSync(base).sort().reverse()) {
    const dir = join(base, v, 'tessdata');
    if (langs.every((l) => existsSync(join(dir, `${l}.traineddata`)))) return dir;
  }
  return null;
}

/** The LSTM's network spec of a model file ("…Lfx384O1c1"), to print which model each row ran. */
function networkOf(file: string): string {
  const bytes = file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file);
  return /\[[\w,]+\]/.exec(bytes.subarray(bytes.length - 200).toString('latin1'))?.[0] ?? '(spec not stated)';
}

async function bench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'iki-bench-ocr-'));
  const langs = DEFAULT_OCR_LANGUAGES;
  const runners: Runner[] = [];
  const ours = (label: string, opts: OcrEngineOptions = {}, dpi?: number) =>
    runners.push({ label, kind: 'ours', start: () => createOcrEngine(opts), t: newTally(), preds: [], dpi });
  const native = (label: string, opts: NativeOptions, reference = false) => {
    const t = newTally();
    runners.push({
      label,
      kind: 'native',
      start: async () => nativeEngine(t, opts),
      t,
      preds: [],
      reference,
    });
  };
  const debian = debianTessdata(langs);
  const haveNative = existsSync(TESSERACT) && existsSync(TIME) && debian !== null;

  ours('tesseract.js (ours, as shipped)');
  if (haveNative) {
    native('native, Debian models, 1 thread', { languages: langs, threads: 1 }, true);
    // The models we ship (npm), in the native engine: separates engine cost from model cost.
    const same = join(work, 'tessdata-npm');
    mkdirSync(same);
    for (const l of langs) {
      const gz = readFileSync(join(traineddataDir(l), `${l}.traineddata.gz`));
      writeFileSync(join(same, `${l}.traineddata`), gunzipSync(gz));
    }
    native(`native, npm ${TRAINEDDATA_VARIANT} models, 1 thread`, {
      languages: langs,
      threads: 1,
      tessdata: same,
    });
    // Debian's models in tesseract.js: separates model cost from engine cost the other way.
    ours('tesseract.js, Debian models', { modelDir: debian });
  } else {
    process.stderr.write(
      `bench: ${TESSERACT}, ${TIME} or Debian's ${langs.join('/')} models missing; native runs skipped\n`,
    );
  }
  if (args.includes('--variants')) {
    if (haveNative) native('native, Debian models, all threads', { languages: langs });
    ours('tesseract.js 250 dpi', {}, 250);
    ours('tesseract.js 200 dpi', {}, 200);
    ours('tesseract.js ind only', { languages: ['ind'] });
    ours('tesseract.js psm 6', { pageSegMode: '6' });
  }

  const sample = warmUpPage();
  for (const r of runners) {
    const w0 = performance.now();
    const engine = await r.start();
    r.t.startWall = (performance.now() - w0) / 1000;
    // Untimed: V8 shares compiled wasm between the workers of a process, so without this the
    // first engine would also pay the optimising compile that a long-running process pays once.
    if (r.kind === 'ours') await engine.recognize(sample, OCR_DPI);
    r.engine = r.kind === 'ours' ? timed(engine, r.t) : engine;
  }
  for (const fx of fixtures()) {
    for (const r of runners) {
      await readWith(r, fx, join(work, String(runners.indexOf(r))));
      process.stderr.write(`  ${r.label}: ${fx.file}\n`);
    }
  }
  for (const r of runners) await r.engine!.terminate();
  const f1 = runners.map((r) => overallF1(r.preds));
  rmSync(work, { recursive: true, force: true });

  const first = runners[0]!;
  const ref = runners.find((r) => r.reference);
  const perPage = (r: Runner, v: number) => (r.t.pages ? v / r.t.pages : NaN);
  const model = (l: OcrLanguage, dir?: string) =>
    `${l} ${networkOf(dir ? join(dir, `${l}.traineddata`) : join(traineddataDir(l), `${l}.traineddata.gz`))}`;
  const lines = [
    `pages: ${first.t.pages} (fixtures/scans${only ? `, only ${only}` : ''}); OCR calls incl. empty-cell crops: ${first.t.calls}; ` +
      `languages ${langs.join('+')}, psm ${DEFAULT_PAGE_SEG_MODE}, ${OCR_DPI} dpi unless stated`,
    `models: npm (${TRAINEDDATA_VARIANT}) ${langs.map((l) => model(l)).join(', ')}` +
      (debian ? `; Debian (${debian}) ${langs.map((l) => model(l, debian)).join(', ')}` : ''),
    '',
    '| engine | OCR s/page (wall) | OCR CPU s/page | of it whole-page calls | path s/page | start s | peak RSS MB | field F1 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runners.map(
      (r, i) =>
        `| ${r.label} | ${perPage(r, r.t.wall).toFixed(2)} | ${perPage(r, r.t.cpu).toFixed(2)} | ` +
        `${perPage(r, r.t.pageCpu).toFixed(2)} | ` +
        `${perPage(r, r.t.pathWall).toFixed(2)} | ${r.kind === 'ours' ? r.t.startWall.toFixed(1) : '-'} | ` +
        `${(r.t.maxRssKb / 1024).toFixed(0)} | ${f1[i]!.toFixed(1)} |`,
    ),
    '',
    ...(ref
      ? runners
          .filter((r) => r.kind === 'ours')
          .map(
            (r) =>
              `${r.label} / ${ref.label}: ${(r.t.cpu / ref.t.cpu).toFixed(2)}× CPU ` +
              `(whole-page calls ${(r.t.pageCpu / ref.t.pageCpu).toFixed(2)}×), ` +
              `${(r.t.wall / ref.t.wall).toFixed(2)}× wall; F1 ${f1[runners.indexOf(r)]!.toFixed(1)} vs ${f1[runners.indexOf(ref)]!.toFixed(1)}`,
          )
      : []),
    '',
    'CPU: ours is this process (all threads) during each OCR call; native is the tesseract process (user+sys).',
    'peak RSS: ours is the whole Node process (reader, worker threads, wasm heaps); native is one tesseract process.',
    'start: tesseract.js worker start-up (wasm, models), paid once per thread and not in OCR s/page; native pays',
    '  its start (loading the models) in every call, crops included: compare whole-page calls for the engines alone.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await bench();
