/**
 * `npm run bench:pipeline [-- --docs N]` (or BENCH_DOCS=N; default 1000): throughput and latency of the document pipeline on a
 * mixed batch (45% text forms, 45% text-layer PDFs, 10% scans = image-only PDFs), through
 *   (a) the in-process runner (thread pool, embedded PGlite on disk), and
 *   (b) Redis + PostgreSQL with 1 and with 2 worker processes (one parse thread each).
 * Scans go through page-level OCR (the default page-OCR module): one OCR job per page.
 * Each configuration first runs a small warm-up batch (not counted: starting threads and loading
 * the extractor takes seconds), then the measured batch.
 *
 * Latency is per document: from the start of its parse to the commit of its result
 * (extraction_runs.started_at → finished_at). Needs Redis (REDIS_URL or redis://127.0.0.1:6379)
 * and PostgreSQL (BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres) for (b);
 * `--skip-queue` runs (a) only; `--skip-in-process` runs (b) only (e.g. `--workers 2` for the time
 * of a 1,000-page batch); `--scans 0` makes a batch without scans (everything around OCR).
 * The "cores" column is CPU seconds over wall seconds: on a shared machine, how much of it the
 * runner got (two workers on two idle cores get ~1.9). Last, each worker's peak RSS.
 *
 * The worker processes run the compiled code (dist/, which `npm run bench:pipeline` builds first)
 * when it is up to date at the start, else the TypeScript through tsx (workers/load-sources.mjs);
 * the choice is made once, so sources edited during the run do not change it between
 * configurations.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { and, gte, inArray, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { RunDocuments } from '../src/ingest/ingest.js';
import { ingest } from '../src/ingest/ingest.js';
import type { QueueConfig } from '../src/queue/connection.js';
import { runThroughQueue } from '../src/queue/drive.js';
import { PipelineQueues } from '../src/queue/queues.js';
import { runInProcess } from '../src/runner/in-process.js';
import { createExtractPool } from '../src/runner/pool.js';
import type { Store } from '../src/store/repository.js';
import { openStore } from '../src/store/repository.js';
import { extractionRuns } from '../src/store/schema.js';
import { compiledIsFresh } from '../workers/load-sources.mjs';

const ROOT = join(import.meta.dirname, '..');
/** Share of scans in the batch by default. */
const DEFAULT_SCAN_SHARE = 0.1;
/** Warm-up documents per pool thread / worker before measuring. */
const WARMUP_PER_THREAD = 4;
/** Concurrency of each benchmark worker process: one parse thread, so workers scale by process. */
const WORKER_CONCURRENCY = 'parse=1,ocr=1,store=2';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: process.env.BENCH_DOCS || '1000' },
    'skip-queue': { type: 'boolean', default: false },
    'skip-in-process': { type: 'boolean', default: false },
    workers: { type: 'string', default: '1,2' },
    /** Share of scans, 0 to 1 (0: a text-only batch, to profile everything around OCR). */
    scans: { type: 'string', default: String(DEFAULT_SCAN_SHARE) },
  },
});
const SCAN_SHARE = Number(args.scans);
if (!(SCAN_SHARE >= 0 && SCAN_SHARE <= 1)) throw new RangeError('--scans must be a share from 0 to 1');
/** Every how many documents one is a scan (Infinity: none). */
const SCAN_EVERY = SCAN_SHARE > 0 ? Math.round(1 / SCAN_SHARE) : Infinity;
const DOCS = Number(args.docs);
if (!Number.isInteger(DOCS) || DOCS < 10) throw new RangeError('--docs must be a whole number ≥ 10');
const WORKER_COUNTS = args.workers.split(',').map(Number);
/** Every worker process runs the compiled code, or every one the TypeScript: decided once, here. */
const COMPILED = compiledIsFresh();

// ── corpus ──────────────────────────────────────────────────────────────────────────────────────

const seeds = readdirSync(join(ROOT, 'fixtures/seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'fixtures/seeds', f)));
const pdfs = readdirSync(join(ROOT, 'fixtures/pdf'))
  .filter((f) => f.endsWith('.pdf') && !f.includes('encrypted'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'fixtures/pdf', f)));

/** An A4 page image (150 dpi) of a seed's first lines, as a one-page PDF with no text layer. */
function scanPdf(text: string): Buffer {
  const w = 1240;
  const h = 1754;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#111';
  ctx.font = '22px sans-serif';
  text
    .split('\n')
    .slice(0, 60)
    .forEach((line, i) => ctx.fillText(line.slice(0, 95), 80, 100 + i * 26));
  const jpeg = canvas.encodeSync('jpeg', 70);
  const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      Buffer.from('\nendstream'),
    ]),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    size += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`]
    .concat(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`))
    .join('');
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

const scans = seeds.map((s) => scanPdf(s.toString('utf8')));

function textVariant(bytes: Buffer, n: number): Buffer {
  return Buffer.concat([bytes, Buffer.from(`\n${n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t')}\n`)]);
}

function pdfVariant(bytes: Buffer, n: number): Buffer {
  return Buffer.concat([bytes, Buffer.from(`\n%variant ${n}\n`)]);
}

/** Document `n` of a batch: every tenth a scan, the rest alternating text and PDF. */
function documentOf(n: number): { name: string; bytes: Buffer; kind: 'text' | 'pdf' | 'scan' } {
  if (n % SCAN_EVERY === SCAN_EVERY - 1) {
    return { name: `scan-${n}.pdf`, bytes: pdfVariant(scans[n % scans.length]!, n), kind: 'scan' };
  }
  return n % 2 === 0
    ? { name: `form-${n}.txt`, bytes: textVariant(seeds[n % seeds.length]!, n), kind: 'text' }
    : { name: `form-${n}.pdf`, bytes: pdfVariant(pdfs[n % pdfs.length]!, n), kind: 'pdf' };
}

function writeBatch(dir: string, from: number, count: number): string {
  mkdirSync(dir, { recursive: true });
  for (let n = from; n < from + count; n++) {
    const d = documentOf(n);
    writeFileSync(join(dir, d.name), d.bytes);
  }
  return dir;
}

// ── measuring ───────────────────────────────────────────────────────────────────────────────────

interface Result {
  label: string;
  docs: number;
  failed: number;
  pages: number;
  seconds: number;
  p50: number;
  p95: number;
  registerSeconds: number;
  /** CPU seconds used by the runner's processes during the run (not Redis's or PostgreSQL's). */
  cpuSeconds: number;
  /** Peak RSS (MB) of each worker process over its life (warm-up and batch), for queue runs. */
  peakRssMb?: number[];
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU seconds (user + system, all threads) of this process and the given ones. */
function cpuSecondsOf(pids: readonly number[]): number {
  const own = process.cpuUsage();
  let total = (own.user + own.system) / 1e6;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / USER_HZ;
    } catch {
      return NaN;
    }
  }
  return total;
}

/** Peak resident set (VmHWM, MB) of a live process: all its threads, wasm heaps included. */
function peakRssMb(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Ingests a folder with `run`, timing registration and the run separately. */
async function measure(
  label: string,
  store: Store,
  dir: string,
  dataDir: string,
  run: RunDocuments,
  pids: readonly number[] = [],
): Promise<Result> {
  const began = Date.now();
  let t0 = 0;
  let t1 = 0;
  let cpu0 = 0;
  let cpu1 = 0;
  const report = await ingest([dir], {
    store,
    dataDir,
    runner: 'in-process',
    run: async (docs, onEvent) => {
      t0 = Date.now();
      cpu0 = cpuSecondsOf(pids);
      const totals = await run(docs, onEvent);
      t1 = Date.now();
      cpu1 = cpuSecondsOf(pids);
      return totals;
    },
  });
  const ids = report.outcomes.filter((o) => o.status === 'done').map((o) => o.documentId!);
  const latencies: number[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await store.db
      .select({ started: extractionRuns.startedAt, finished: extractionRuns.finishedAt })
      .from(extractionRuns)
      .where(
        and(
          inArray(extractionRuns.documentId, ids.slice(i, i + 1000)),
          eq(extractionRuns.status, 'done'),
          gte(extractionRuns.startedAt, new Date(t0 - 1000)),
        ),
      );
    for (const r of rows) latencies.push(r.finished!.getTime() - r.started.getTime());
  }
  latencies.sort((a, b) => a - b);
  const failed = report.outcomes.filter((o) => o.status === 'failed');
  for (const f of failed.slice(0, 3)) process.stderr.write(`  failed: ${f.display}: ${f.failure?.reason}\n`);
  return {
    label,
    docs: report.outcomes.filter((o) => o.status === 'done' || o.status === 'failed').length,
    failed: failed.length,
    pages: report.outcomes.reduce((s, o) => s + o.pages, 0),
    seconds: (t1 - t0) / 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    registerSeconds: (t0 - began) / 1000,
    cpuSeconds: cpu1 - cpu0,
  };
}

// ── (a) in-process ──────────────────────────────────────────────────────────────────────────────

async function benchInProcess(work: string): Promise<Result> {
  const dataDir = join(work, 'data-inprocess');
  process.env.IKI_DATA_DIR = dataDir;
  const pool = createExtractPool();
  const store = await openStore({ dataDir: join(dataDir, 'pglite'), databaseUrl: '' });
  try {
    const run: RunDocuments = (docs, onEvent) => runInProcess(docs, { store, pool, onEvent });
    const warm = writeBatch(join(work, 'warm-inprocess'), 1_000_000, WARMUP_PER_THREAD * pool.threads);
    await measure('warm-up', store, warm, dataDir, run);
    return await measure(
      `in-process (${pool.threads} threads, PGlite)`,
      store,
      join(work, 'batch'),
      dataDir,
      run,
    );
  } finally {
    await pool.close();
    await store.close();
  }
}

// ── (b) Redis + PostgreSQL ──────────────────────────────────────────────────────────────────────

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function benchQueue(work: string, workers: number): Promise<Result> {
  const dataDir = join(work, 'data-queue');
  const name = `iki_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client(ADMIN_URL);
  await admin.connect();
  // The name is generated from hex digits only; identifiers cannot be bound parameters.
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const cfg: QueueConfig = { redisUrl: REDIS_URL, prefix: `iki-bench-${randomBytes(4).toString('hex')}` };
  const env = {
    ...process.env,
    REDIS_URL: cfg.redisUrl,
    IKI_QUEUE_PREFIX: cfg.prefix,
    DATABASE_URL: url.toString(),
    IKI_DATA_DIR: dataDir,
    IKI_FROM_SOURCE: COMPILED ? '0' : '1',
  };
  const store = await openStore({ databaseUrl: url.toString() });
  const queues = new PipelineQueues(cfg);
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'workers/queue-worker.mjs'), '--concurrency', WORKER_CONCURRENCY],
        { env, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      children.push(child);
    }
    for (let t = 0; (await queues.queues.parse.getWorkersCount()) < workers; t++) {
      if (t > 1200) throw new Error('workers did not connect within 2 minutes');
      await sleep(100);
    }
    const run: RunDocuments = (docs, onEvent) =>
      runThroughQueue(docs, { store, queues, onEvent, pollMs: 100 });
    const warm = writeBatch(
      join(work, `warm-queue-${workers}`),
      2_000_000 + workers * 1000,
      WARMUP_PER_THREAD * workers,
    );
    await measure('warm-up', store, warm, dataDir, run);
    const result = await measure(
      `Redis + PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`,
      store,
      join(work, 'batch'),
      dataDir,
      run,
      children.map((c) => c.pid!),
    );
    return { ...result, peakRssMb: children.map((c) => peakRssMb(c.pid!)) };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode === null ? c.on('exit', r) : r(null)))),
    );
    await queues.close();
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(cfg.redisUrl);
    const keys = await redis.keys(`${cfg.prefix}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────

function row(r: Result): string {
  return [
    r.label.padEnd(34),
    String(r.docs).padStart(5),
    String(r.failed).padStart(6),
    String(r.pages).padStart(6),
    r.seconds.toFixed(1).padStart(8),
    (r.docs / r.seconds).toFixed(2).padStart(7),
    (r.pages / r.seconds).toFixed(2).padStart(8),
    String(Math.round(r.p50)).padStart(7),
    String(Math.round(r.p95)).padStart(7),
    r.registerSeconds.toFixed(1).padStart(9),
    r.cpuSeconds.toFixed(0).padStart(6),
    (r.cpuSeconds / r.seconds).toFixed(2).padStart(5),
    (r.docs / r.cpuSeconds).toFixed(2).padStart(10),
  ].join(' ');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'iki-bench-'));
  try {
    writeBatch(join(work, 'batch'), 0, DOCS);
    const kinds = Array.from({ length: DOCS }, (_, n) => documentOf(n).kind);
    process.stderr.write(
      `bench:pipeline: ${DOCS} documents (${kinds.filter((k) => k === 'text').length} text, ` +
        `${kinds.filter((k) => k === 'pdf').length} text-layer PDF, ${kinds.filter((k) => k === 'scan').length} scans); ` +
        `${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}; workers run ` +
        `${COMPILED ? 'the compiled code (dist/)' : 'the TypeScript through tsx (dist/ missing or older than src/)'}\n`,
    );
    const results: Result[] = [];
    if (!args['skip-in-process']) {
      process.stderr.write('(a) in-process …\n');
      results.push(await benchInProcess(work));
    }
    if (!args['skip-queue']) {
      for (const w of WORKER_COUNTS) {
        process.stderr.write(`(b) Redis + PostgreSQL, ${w} worker(s) …\n`);
        results.push(await benchQueue(work, w));
      }
    }
    const header = [
      'runner'.padEnd(34),
      'docs'.padStart(5),
      'failed'.padStart(6),
      'pages'.padStart(6),
      'seconds'.padStart(8),
      'docs/s'.padStart(7),
      'pages/s'.padStart(8),
      'p50 ms'.padStart(7),
      'p95 ms'.padStart(7),
      'register s'.padStart(9),
      'cpu s'.padStart(6),
      'cores'.padStart(5),
      'docs/cpu-s'.padStart(10),
    ].join(' ');
    console.log(header);
    for (const r of results) console.log(row(r));
    const one = results.find((r) => r.label.endsWith(' 1 worker'));
    const two = results.find((r) => r.label.endsWith(' 2 workers'));
    if (one && two) {
      const ratio = two.docs / two.seconds / (one.docs / one.seconds);
      console.log(`2 workers / 1 worker: ${ratio.toFixed(2)}× in docs/s (goal ≥ 1.8×)`);
      console.log(
        `CPU per document, 2 workers / 1 worker: ${(two.cpuSeconds / two.docs / (one.cpuSeconds / one.docs)).toFixed(2)}× ` +
          '(near 1: a second worker adds no overhead, so throughput scales with free cores)',
      );
      console.log(
        `cores the runner got (cpu s / seconds): 1 worker ${(one.cpuSeconds / one.seconds).toFixed(2)}, ` +
          `2 workers ${(two.cpuSeconds / two.seconds).toFixed(2)} (below ~1.9 with 2 workers: other processes had the rest)`,
      );
    }
    for (const r of results.filter((x) => x.peakRssMb)) {
      console.log(
        `peak RSS per worker, ${r.label}: ${r.peakRssMb!.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}`,
      );
    }
    console.log(`load average after: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
