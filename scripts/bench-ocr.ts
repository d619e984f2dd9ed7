/**
 * `npm run bench:ocr`: our OCR (tesseract.js, wasm, in a worker thread) beside Debian's native
 * `tesseract` command, in one run, on the same page images. Every page of fixtures/scans/* goes
 * through the same reading path (decode or render, de-skew, rule finding and erasing, empty-cell
 * second look) with each engine plugged in; the engines take turns page file by page file, so
 * the load of a shared machine falls on all of them alike. Every engine gets the same image bytes,
 * languages, page segmentation, dpi and tesseract parameters, and its words go through the same
 * post-processing (native hOCR with character boxes → the same block tree as tesseract.js's).
 * Reported per engine: OCR seconds per page (wall, and CPU of the process doing the OCR), peak
 * RSS, and the field F1 of the extraction; then each tesseract.js row / the native reference.
 *
 *   npm run bench:ocr                       # ours vs native
 *   npm run bench:ocr -- --variants         # also tesseract.js variants (dpi, languages, psm)
 *   npm run bench:ocr -- --only=photo       # fixtures whose name contains "photo"
 *   npm run bench:ocr -- --try=k=v,k2=v2    # also tesseract.js with these tesseract parameters
 *                                          # (repeatable; "langs=ind" picks languages, "dpi=250" the dpi)
 *   npm run bench:ocr -- --no-native        # tesseract.js rows only (quick parameter trials)
 *   npm run bench:ocr -- --no-worker        # skip the queue worker's peak RSS (below)
 *   npm run bench:ocr -- --worker-only      # only that
 *
 * Last, the peak RSS of a queue worker process doing the OCR: `iki worker --queues
 * ocr,parse,store` against Redis and PostgreSQL (REDIS_URL, BENCH_DATABASE_URL: by default
 * 127.0.0.1, a throwaway database), fed the scans by `iki ingest`, once with one thread of each
 * kind (as bench:pipeline runs its workers) and once with the default concurrency (one per core).
 *
 * Needs `apt-get install -y tesseract-ocr tesseract-ocr-ind` for the native runs (skipped, with
 * a note, when /usr/bin/tesseract is missing).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { extractLayout } from '../src/pipeline/extract.js';
import { createCanvas } from '@napi-rs/canvas';
import { canvasToGray } from '../src/read/image/gray.js';
import type { GrayImage } from '../src/read/image/gray.js';
import { readImage } from '../src/read/image/index.js';
import type { OcrEngine, OcrEngineOptions, OcrLanguage, OcrWord } from '../src/read/ocr/engine.js';
import {
  BASE_PARAMETERS,
  blocksToWords,
  createOcrEngine,
  DEFAULT_OCR_LANGUAGES,
  DEFAULT_PAGE_SEG_MODE,
  encodeSpix,
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
/** `--try=k=v,...`: extra tesseract.js rows with these parameters (langs= and dpi= are ours). */
const trials = args.filter((a) => a.startsWith('--try=')).map((a) => a.slice('--try='.length));

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

/** Debian's `tesseract` command as an OcrEngine: the page image in, hOCR out, timed by /usr/bin/time. */
function nativeEngine(t: Tally, opts: NativeOptions): OcrEngine {
  const dir = mkdtempSync(join(tmpdir(), 'iki-bench-'));
  const params = { ...BASE_PARAMETERS, tessedit_create_hocr: '1', hocr_char_boxes: '1' };
  return {
    async recognize(img: GrayImage, dpi: number, psm?: string): Promise<OcrWord[]> {
      // The very bytes tesseract.js is handed (Leptonica's "spix"; see encodeSpix).
      const input = join(dir, 'page.spix');
      writeFileSync(input, encodeSpix(img));
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
  /** Per fixture file: OCR'd pages, OCR CPU seconds, of it whole-page calls. */
  perFixture: Map<string, { pages: number; cpu: number; pageCpu: number }>;
}

/** Reads one fixture with the runner's engine and writes its extraction. */
async function readWith(r: Runner, fx: Fixture, out: string): Promise<void> {
  const before = { pages: r.t.pages, cpu: r.t.cpu, pageCpu: r.t.pageCpu };
  const w0 = performance.now();
  const engine = r.engine!;
  const opts = { file: fx.name, engine, ...(r.dpi ? { dpi: r.dpi } : {}) };
  const doc = fx.file.endsWith('.pdf')
    ? await withOcrFallback(await readPdf(fx.bytes, { file: fx.name }), fx.bytes, opts)
    : await readImage(fx.bytes, opts);
  r.t.pathWall += (performance.now() - w0) / 1000;
  r.t.pages += doc.pages.filter((p) => p.extraction === 'ocr').length;
  r.perFixture.set(fx.file, {
    pages: r.t.pages - before.pages,
    cpu: r.t.cpu - before.cpu,
    pageCpu: r.t.pageCpu - before.pageCpu,
  });
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

/** OCR CPU s/page per fixture file, each engine beside the reference (whole-page calls in brackets). */
function perFixtureTable(runners: readonly Runner[], ref: Runner): string[] {
  const cell = (v?: { pages: number; cpu: number; pageCpu: number }) =>
    v && v.pages ? `${(v.cpu / v.pages).toFixed(2)} (${(v.pageCpu / v.pages).toFixed(2)})` : '-';
  const ratio = (a?: { cpu: number; pageCpu: number }, b?: { cpu: number; pageCpu: number }) =>
    a && b && b.cpu > 0 && b.pageCpu > 0
      ? `${(a.cpu / b.cpu).toFixed(2)}× (${(a.pageCpu / b.pageCpu).toFixed(2)}×)`
      : '-';
  const ours = runners.filter((r) => r.kind === 'ours');
  return [
    'OCR CPU s/page per fixture (of it whole-page calls); ratio to the reference, CPU (whole-page calls):',
    '',
    `| fixture | pages | ${runners.map((r) => r.label).join(' | ')} | ${ours.map((r) => `${r.label} / ref`).join(' | ')} |`,
    `| --- | --- | ${runners.map(() => '---').join(' | ')} | ${ours.map(() => '---').join(' | ')} |`,
    ...[...ref.perFixture.keys()].map((f) => {
      const v = ref.perFixture.get(f)!;
      return (
        `| ${f} | ${v.pages} | ${runners.map((r) => cell(r.perFixture.get(f))).join(' | ')} | ` +
        `${ours.map((r) => ratio(r.perFixture.get(f), v)).join(' | ')} |`
      );
    }),
  ];
}

async function bench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'iki-bench-ocr-'));
  const langs = DEFAULT_OCR_LANGUAGES;
  const runners: Runner[] = [];
  const ours = (label: string, opts: OcrEngineOptions = {}, dpi?: number) =>
    runners.push({
      label,
      kind: 'ours',
      start: () => createOcrEngine(opts),
      t: newTally(),
      preds: [],
      dpi,
      perFixture: new Map(),
    });
  const native = (label: string, opts: NativeOptions, reference = false) => {
    const t = newTally();
    runners.push({
      label,
      kind: 'native',
      start: async () => nativeEngine(t, opts),
      t,
      preds: [],
      reference,
      perFixture: new Map(),
    });
  };
  const debian = debianTessdata(langs);
  const haveNative =
    !args.includes('--no-native') && existsSync(TESSERACT) && existsSync(TIME) && debian !== null;

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
  } else if (!args.includes('--no-native')) {
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

  for (const spec of trials) {
    const parameters: Record<string, string> = {};
    let languages: OcrLanguage[] | undefined;
    let dpi: number | undefined;
    for (const kv of spec.split(',')) {
      const [k, v] = kv.split('=') as [string, string | undefined];
      if (v === undefined) throw new Error(`--try: ${kv} is not k=v`);
      if (k === 'langs') languages = v.split('+') as OcrLanguage[];
      else if (k === 'dpi') dpi = Number(v);
      else parameters[k] = v;
    }
    ours(`tesseract.js ${spec}`, { parameters, ...(languages ? { languages } : {}) }, dpi);
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
    ...(ref ? ['', ...perFixtureTable(runners, ref)] : []),
    '',
    'CPU: ours is this process (all threads) during each OCR call; native is the tesseract process (user+sys).',
    'peak RSS: ours is the whole Node process (reader, worker threads, wasm heaps); native is one tesseract process.',
    'start: tesseract.js worker start-up (wasm, models), paid once per thread and not in OCR s/page; native pays',
    '  its start (loading the models) in every call, crops included: compare whole-page calls for the engines alone.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Peak resident set (VmHWM, kB) of a live process: all its threads, wasm heaps included. */
function peakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
}

/**
 * One queue worker process (`workers/queue-worker.mjs`, as `iki worker`) reading every scan
 * fixture through Redis and PostgreSQL; returns its peak RSS (MB) and the ingest's wall time.
 */
async function workerPeakRss(concurrency: string | null): Promise<{ mb: number; seconds: number }> {
  const work = mkdtempSync(join(tmpdir(), 'iki-bench-worker-'));
  const name = `iki_bench_ocr_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client(ADMIN_URL);
  await admin.connect();
  // The name is made of hex digits only; identifiers cannot be bound parameters.
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const env = {
    ...process.env,
    REDIS_URL,
    DATABASE_URL: url.toString(),
    IKI_DATA_DIR: join(work, 'data'),
    IKI_QUEUE_PREFIX: `iki-bench-ocr-${randomBytes(4).toString('hex')}`,
  };
  const workerArgs = [join(root, 'workers/queue-worker.mjs'), '--queues', 'ocr,parse,store'];
  if (concurrency) workerArgs.push('--concurrency', concurrency);
  const worker = spawn(process.execPath, workerArgs, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((r) => worker.once('exit', () => r()));
  try {
    const files = readdirSync(SCANS)
      .filter((f) => !f.endsWith('.md') && (!only || f.includes(only)))
      .map((f) => join(SCANS, f));
    const w0 = performance.now();
    const ingest = spawnSync(process.execPath, [join(root, 'bin/iki.js'), 'ingest', ...files], {
      env,
      encoding: 'utf8',
    });
    const seconds = (performance.now() - w0) / 1000;
    if (ingest.status !== 0) throw new Error(`iki ingest failed: ${ingest.stderr}`);
    return { mb: peakRssKb(worker.pid!) / 1024, seconds };
  } finally {
    worker.kill('SIGTERM');
    await exited;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchWorker(): Promise<void> {
  const lines = [
    '',
    'queue worker under OCR (iki worker --queues ocr,parse,store; every scan fixture via iki ingest):',
  ];
  for (const [label, concurrency] of [
    ['parse=1,ocr=1,store=2 (as bench:pipeline)', 'parse=1,ocr=1,store=2'],
    [`default (one thread per core, ${availableParallelism()} here)`, null],
  ] as const) {
    try {
      const r = await workerPeakRss(concurrency);
      lines.push(`  ${label}: peak RSS ${r.mb.toFixed(0)} MB (${r.seconds.toFixed(0)} s wall)`);
    } catch (err) {
      lines.push(
        `  ${label}: not measured (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (!args.includes('--worker-only')) await bench();
if (!args.includes('--no-worker')) await benchWorker();
