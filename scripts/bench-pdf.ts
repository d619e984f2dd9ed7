/**
 * Text-layer PDF speed, pages per second on one core, beside two named baselines measured in the
 * same run and interleaved with ours (so machine noise hits every contender alike):
 *
 *   raw pdfjs:   pdfjs-dist's own reading of the same pages: load the document with the options we
 *                use, then per page getTextContent + getOperatorList, nothing else
 *   pdftotext:   poppler's `pdftotext -layout`, spawned once per file (process start included)
 *   readPdf:     our reader: words, rulings, tables and lines (the layout)
 *   extractFile: end to end, bytes to validated records
 *
 * The corpus is every text-layer PDF in fixtures/pdf (the encrypted one is left out: it cannot be
 * opened), read several warm passes in one process. The goal ratio is raw pdfjs time / our time.
 * Run alone with `npx tsx scripts/bench-pdf.ts`; `npm run bench` calls `benchPdf` at its end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { getDocument, pdfjsDocumentParams } from '../src/read/pdf/pdfjs.js';
import { readPdf } from '../src/read/pdf/index.js';
import { extractFile } from '../src/pipeline/extract-file.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PDF_DIR = join(root, 'fixtures/pdf');
const PDFTOTEXT = '/usr/bin/pdftotext';
/** Goal: our reading costs at most 25% more than pdfjs's raw reading (raw time / our time ≥ 0.8). */
export const GOAL_RATIO = 0.8;

interface PdfFile {
  name: string;
  path: string;
  bytes: Uint8Array;
  pages: number;
}

type Contender = 'raw pdfjs' | 'readPdf' | 'extractFile' | 'pdftotext';

/** pdfjs's raw reading of every page: text content and operator list, nothing made of them. */
async function rawPdfjs(bytes: Uint8Array): Promise<number> {
  const task = getDocument(pdfjsDocumentParams(bytes, 'text'));
  try {
    const doc = await task.promise;
    let items = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      try {
        items += (await page.getTextContent()).items.length;
        items += (await page.getOperatorList()).fnArray.length;
      } finally {
        page.cleanup();
      }
    }
    return items;
  } finally {
    await task.destroy();
  }
}

/** Clock ticks per second of /proc/self/stat's times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU seconds used so far by this process and by its waited-for children (pdftotext): CPU time is
 * what "one core" buys, and unlike wall time it does not grow while other processes hold the CPU.
 */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + childrenCpuSeconds();
}

/** Fields 16 and 17 of /proc/self/stat (cutime, cstime); 0 where there is no /proc (children unknown). */
function childrenCpuSeconds(): number {
  try {
    // Counted after the ")" that ends the command name, where field 3 starts.
    const f = readFileSync('/proc/self/stat', 'latin1').split(')').pop()!.trim().split(' ');
    return (Number(f[13]) + Number(f[14])) / USER_HZ;
  } catch {
    return 0;
  }
}

function pdftotext(path: string): number {
  const r = spawnSync(PDFTOTEXT, ['-layout', path, '-'], { maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${path}: ${r.stderr.toString()}`);
  return r.stdout.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function loadCorpus(): PdfFile[] {
  return readdirSync(PDF_DIR)
    .filter((f) => f.endsWith('.pdf') && !f.includes('encrypted'))
    .sort()
    .map((name) => ({
      name,
      path: join(PDF_DIR, name),
      bytes: new Uint8Array(readFileSync(join(PDF_DIR, name))),
      pages: 0,
    }));
}

export interface PdfBenchResult {
  pages: number;
  passes: number;
  pagesPerSec: Partial<Record<Contender, number>>;
  /** raw pdfjs time / our time (wall, fastest pass per file), for readPdf and extractFile. */
  ratioReadPdf: number;
  ratioExtract: number;
  /** The same ratios in CPU time summed over all passes. */
  cpuRatioReadPdf: number;
  cpuRatioExtract: number;
  /** Share of extractFile's CPU time spent after readPdf returns (segmentation, tables, records). */
  downstreamShare: number;
  peakRssMb: number;
}

export async function benchPdf(opts: { passes?: number; warmup?: number; log?: (s: string) => void } = {}) {
  const passes = opts.passes ?? Number(process.env.BENCH_PDF_PASSES ?? 10);
  const warmup = opts.warmup ?? 2;
  const log = opts.log ?? ((s: string) => console.log(s));
  const files = loadCorpus();
  const hasPdftotext = existsSync(PDFTOTEXT);
  const run: Record<Contender, (f: PdfFile) => Promise<unknown>> = {
    'raw pdfjs': (f) => rawPdfjs(f.bytes),
    readPdf: (f) => readPdf(f.bytes, { file: f.name }),
    extractFile: (f) => extractFile(f.bytes, { fileName: f.name }),
    pdftotext: async (f) => pdftotext(f.path),
  };
  const contenders: Contender[] = ['raw pdfjs', 'readPdf', 'extractFile'];
  if (hasPdftotext) contenders.push('pdftotext');

  for (const f of files) f.pages = (await readPdf(f.bytes, { file: f.name })).source.pages ?? 0;
  for (let i = 0; i < warmup; i++) for (const f of files) for (const c of contenders) await run[c](f);

  // Every contender reads every file once per pass, one after the other, so a burst of load from
  // another process hits them alike. Per file the fastest of the passes is kept (load only ever
  // adds time) and summed over the corpus; the median pass is printed beside it.
  const times = new Map<Contender, number[][]>(contenders.map((c) => [c, files.map(() => [])]));
  const cpu = new Map<Contender, number>(contenders.map((c) => [c, 0]));
  for (let pass = 0; pass < passes; pass++) {
    for (let fi = 0; fi < files.length; fi++) {
      // Rotate the order so no contender always runs right after another's garbage.
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(k + pass + fi) % contenders.length]!;
        const c0 = cpuSeconds();
        const t = performance.now();
        await run[c](files[fi]!);
        times.get(c)![fi]!.push((performance.now() - t) / 1000);
        cpu.set(c, cpu.get(c)! + cpuSeconds() - c0);
      }
    }
  }
  const corpusPages = files.reduce((s, f) => s + f.pages, 0);
  const best = (c: Contender) => times.get(c)!.reduce((s, ts) => s + Math.min(...ts), 0);
  const typical = (c: Contender) => times.get(c)!.reduce((s, ts) => s + median(ts), 0);
  const pps = (c: Contender) => corpusPages / best(c);
  const ratio = (a: Contender, b: Contender) => best(a) / best(b);
  const cpuPps = (c: Contender) => (corpusPages * passes) / cpu.get(c)!;
  const cpuRatio = (a: Contender, b: Contender) => cpu.get(a)! / cpu.get(b)!;
  const result: PdfBenchResult = {
    pages: corpusPages * passes,
    passes,
    pagesPerSec: Object.fromEntries(contenders.map((c) => [c, pps(c)])),
    ratioReadPdf: ratio('raw pdfjs', 'readPdf'),
    ratioExtract: ratio('raw pdfjs', 'extractFile'),
    cpuRatioReadPdf: cpuRatio('raw pdfjs', 'readPdf'),
    cpuRatioExtract: cpuRatio('raw pdfjs', 'extractFile'),
    downstreamShare: Math.max(0, 1 - cpu.get('readPdf')! / cpu.get('extractFile')!),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };

  log(
    `\ntext-layer PDFs: ${files.length} files, ${corpusPages} pages, ${passes} passes, warm, interleaved, one core`,
  );
  log('                 wall, fastest pass/file   wall, median pass   CPU time, all passes');
  for (const c of contenders) {
    const cells = [pps(c), corpusPages / typical(c), cpuPps(c)].map((v) => `${v.toFixed(1)} pages/s`);
    log(`  ${c.padEnd(12)} ${cells[0]!.padStart(18)} ${cells[1]!.padStart(19)} ${cells[2]!.padStart(22)}`);
  }
  const goal = (r: number) => (r >= GOAL_RATIO ? 'meets' : 'below');
  const line = (label: string, a: Contender, b: Contender, withGoal: boolean) => {
    const w = ratio(a, b);
    const t = cpuRatio(a, b);
    const g = withGoal ? `   goal ≥ ${GOAL_RATIO}: wall ${goal(w)}, CPU ${goal(t)}` : '';
    log(`  ratio ${label.padEnd(22)} wall ${w.toFixed(2)}  CPU ${t.toFixed(2)}${g}`);
  };
  line('raw pdfjs/readPdf', 'raw pdfjs', 'readPdf', true);
  line('raw pdfjs/extractFile', 'raw pdfjs', 'extractFile', true);
  if (hasPdftotext) {
    line('pdftotext/readPdf', 'pdftotext', 'readPdf', false);
    line('pdftotext/extractFile', 'pdftotext', 'extractFile', false);
  } else log(`  pdftotext: not installed at ${PDFTOTEXT}`);
  log(`  (a ratio is baseline time / our time: 1 means as fast, above 1 faster)`);
  log(
    `  share of extractFile CPU after readPdf (segmentation, tables, records): ${(result.downstreamShare * 100).toFixed(0)}%`,
  );
  log(`  peak RSS (whole process): ${result.peakRssMb.toFixed(0)} MB`);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchPdf();
}
