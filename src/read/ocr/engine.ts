/**
 * The OCR engine: one tesseract.js worker (a worker thread running tesseract's wasm build).
 * createOcrEngine makes one for the caller to stop; getOcrEngine shares one per thread and
 * options across pages and documents (stopped when idle or at releaseOcrEngines). Everything it
 * loads comes from node_modules: the worker script and the wasm core from tesseract.js /
 * tesseract.js-core (its Node build never fetches them), the LSTM models from
 * @tesseract.js-data/<lang> through `langPath`, with the model cache off, so OCR runs offline
 * and writes nothing to disk.
 *
 * Pages go in as Leptonica's own serialised image (see encodeSpix: no PNG encode/decode, no
 * per-pixel parsing) and come back as words with pixel boxes, confidences, and each line's
 * baseline and row height (tesseract's JSON "blocks" output).
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import { IkiError } from '../../errors.js';
import type { GrayImage } from '../image/gray.js';

const require = createRequire(import.meta.url);

export type OcrLanguage = 'ind' | 'eng';

/**
 * Indonesian, then English for words the Indonesian model reads poorly (survey, online, e-KTP).
 * Measured on fixtures/scans: field F1 96.2 against 95.1 for Indonesian alone, at the same CPU
 * time (tesseract only re-reads low-confidence words with the second model).
 */
export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['ind', 'eng'];
/**
 * The model variant shipped by @tesseract.js-data: tessdata_best converted to integers (LSTM
 * only; the "4.0.0" folder holds the same network plus the unused legacy engine, 4× larger).
 */
export const TRAINEDDATA_VARIANT = '4.0.0_best_int';
/**
 * Page segmentation: 3 = fully automatic (columns, blocks). Table cells are separate blocks, so
 * words of neighbouring cells are not run together into one line.
 */
export const DEFAULT_PAGE_SEG_MODE = '3';

export interface OcrEngineOptions {
  languages?: readonly OcrLanguage[];
  /** tesseract_pageseg_mode; see DEFAULT_PAGE_SEG_MODE. */
  pageSegMode?: string;
  /** Extra tesseract parameters (measured alternatives in scripts/bench-ocr.ts). */
  parameters?: Record<string, string>;
  /**
   * A folder holding `<lang>.traineddata` or `<lang>.traineddata.gz` for every language, used
   * instead of the @tesseract.js-data packages (e.g. tessdata_fast models; see the bench).
   */
  modelDir?: string;
}

/**
 * `IKI_OCR_MODEL_DIR`: a folder of ind/eng traineddata used instead of the npm packages' models
 * (e.g. Debian's tessdata_fast: faster, a few points less accurate; see README).
 */
function modelDirFromEnv(): string | undefined {
  return process.env.IKI_OCR_MODEL_DIR || undefined;
}

/** A recognised word in raster pixels. */
export interface OcrWord {
  text: string;
  /** 0–100. */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The word's line: baseline height at the word's centre, and tesseract's row metrics. */
  baseline: number | null;
  rowHeight: number | null;
  descenders: number | null;
}

export interface OcrEngine {
  /** Words on a page raster of `dpi` pixels per inch; `pageSegMode` overrides the engine's for this call. */
  recognize(img: GrayImage, dpi: number, pageSegMode?: string): Promise<OcrWord[]>;
  /** Stops the worker thread; the engine is unusable afterwards. Safe to call twice. */
  terminate(): Promise<void>;
}

/** Folder holding <lang>.traineddata.gz inside the language's npm package. */
export function traineddataDir(lang: OcrLanguage): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), TRAINEDDATA_VARIANT);
}

/** Bytes of the "spix" header: the magic, width, height, depth, words per line, colours, raster bytes. */
const SPIX_HEADER = 28;

/**
 * A grey raster as Leptonica's serialised Pix ("spix"), the format tesseract's image reader
 * loads with one copy: a header, then the raster as Leptonica holds it in memory, rows padded to
 * 32-bit words and a word's first pixel in its most significant byte (so on a little-endian
 * machine, wasm and x86 alike, each word's four bytes are reversed). A binary PGM is read one
 * pixel per fread call: 0.05 s more CPU per 300 dpi page in the wasm build, 0.14 s in Debian's
 * tesseract command.
 */
export function encodeSpix(img: GrayImage): Uint8Array {
  const { width, height, data } = img;
  const stride = Math.ceil(width / 4) * 4;
  const out = new Uint8Array(SPIX_HEADER + stride * height);
  const head = new DataView(out.buffer);
  out.set([0x73, 0x70, 0x69, 0x78]); // "spix"
  [width, height, 8, stride / 4, 0, stride * height].forEach((v, i) => head.setUint32(4 + 4 * i, v, true));
  if (stride === width) out.set(data, SPIX_HEADER);
  else {
    for (let y = 0; y < height; y++) {
      out.set(data.subarray(y * width, (y + 1) * width), SPIX_HEADER + y * stride);
    }
  }
  Buffer.from(out.buffer, SPIX_HEADER, stride * height).swap32();
  return out;
}

/** The model file of `lang` in `dir`, gzipped or not; null when there is none. */
function modelFile(dir: string, lang: OcrLanguage): string | null {
  for (const name of [`${lang}.traineddata.gz`, `${lang}.traineddata`]) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * One folder with every requested model, as tesseract.js takes one langPath: a temporary folder
 * of symlinks into node_modules (or `modelDir`). Every link is named `.gz`: tesseract.js reads
 * the gzip magic, not the name, so plain models load as well.
 */
function languageFolder(
  langs: readonly OcrLanguage[],
  modelDir?: string,
): { dir: string; cleanup: () => void } {
  const files = langs.map((l) => {
    const f = modelFile(modelDir ?? traineddataDir(l), l);
    if (!f) throw new Error(`no ${l}.traineddata in ${modelDir ?? traineddataDir(l)}`);
    return f;
  });
  const dir = mkdtempSync(join(tmpdir(), 'iki-tessdata-'));
  langs.forEach((l, i) => symlinkSync(files[i]!, join(dir, `${l}.traineddata.gz`)));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The tesseract parameters we set on every page (beyond page segmentation and dpi). */
export const BASE_PARAMETERS: Readonly<Record<string, string>> = {
  // Inverted (white-on-black) text does not occur on these forms; trying it costs time per line.
  tessedit_do_invert: '0',
  // tesseract's progress and diagnostics would otherwise go to stderr for every page.
  debug_file: '/dev/null',
};

interface JsonBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface JsonWord {
  text: string;
  confidence: number;
  bbox: JsonBox;
  symbols?: { text: string; bbox: JsonBox }[];
}
interface JsonLine {
  words: JsonWord[];
  baseline?: { x0: number; y0: number; x1: number; y1: number };
  rowAttributes?: { rowHeight: number; descenders: number; ascenders: number };
}
interface JsonBlock {
  paragraphs?: { lines?: JsonLine[] }[];
}

function baselineAt(line: JsonLine, x: number): number | null {
  const b = line.baseline;
  if (!b || !Number.isFinite(b.y0) || !Number.isFinite(b.y1)) return null;
  if (b.x1 === b.x0) return b.y0;
  return b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0);
}

/** Two glyph boxes are one glyph when the narrower lies at least this much inside the wider, horizontally. */
export const SAME_GLYPH_OVERLAP = 0.5;
/** A "digit" narrower than this share of the word's median digit width is a split glyph. */
export const SPLIT_GLYPH_WIDTH = 0.6;
/** How the LSTM spells a single "%" glyph it splits in two or three: "96", "26", "926", "920", "9%". */
const PERCENT_MISREADING = /^[92][026%]{1,2}$/;

type Sym = { text: string; bbox: JsonBox };

/** Symbols i..j-1 cover one glyph: each overlaps the previous, or the first is too narrow for a digit. */
function oneGlyph(syms: readonly Sym[], i: number, j: number, digitWidth: number): boolean {
  const w = (s: Sym) => s.bbox.x1 - s.bbox.x0;
  if (digitWidth > 0 && w(syms[i]!) < SPLIT_GLYPH_WIDTH * digitWidth) return true;
  for (let k = i + 1; k < j; k++) {
    const a = syms[k - 1]!;
    const b = syms[k]!;
    const overlap = Math.min(a.bbox.x1, b.bbox.x1) - Math.max(a.bbox.x0, b.bbox.x0);
    if (overlap < SAME_GLYPH_OVERLAP * Math.min(w(a), w(b))) return false;
  }
  return true;
}

/**
 * The word's text with a percent sign repaired. The LSTM often reads "%" as "96", "26" or
 * "920": symbols squeezed into one glyph's box, at the end of a number. Real digits stand side
 * by side, each as wide as the others.
 */
export function repairPercent(w: JsonWord): string {
  const syms = w.symbols;
  if (!syms || syms.length < 2 || !/[92][026%]{1,2}$/.test(w.text)) return w.text;
  const widths = syms.filter((s) => /^\d$/.test(s.text)).map((s) => s.bbox.x1 - s.bbox.x0);
  widths.sort((a, b) => a - b);
  const digitWidth = widths.length ? widths[Math.floor(widths.length / 2)]! : 0;
  for (const len of [3, 2]) {
    const i = syms.length - len;
    if (i < 0) continue;
    const tail = syms
      .slice(i)
      .map((s) => s.text)
      .join('');
    if (PERCENT_MISREADING.test(tail) && oneGlyph(syms, i, syms.length, digitWidth)) {
      return (
        syms
          .slice(0, i)
          .map((s) => s.text)
          .join('') + '%'
      );
    }
  }
  return w.text;
}

/** tesseract.js's block tree → flat words. */
export function blocksToWords(blocks: readonly JsonBlock[] | null): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs ?? []) {
      for (const line of para.lines ?? []) {
        const ra = line.rowAttributes;
        for (const w of line.words ?? []) {
          const text = repairPercent(w).trim();
          if (!text) continue;
          words.push({
            text,
            confidence: w.confidence,
            x0: w.bbox.x0,
            y0: w.bbox.y0,
            x1: w.bbox.x1,
            y1: w.bbox.y1,
            baseline: baselineAt(line, (w.bbox.x0 + w.bbox.x1) / 2),
            rowHeight: ra && ra.rowHeight > 0 ? ra.rowHeight : null,
            descenders: ra && ra.descenders >= 0 ? ra.descenders : null,
          });
        }
      }
    }
  }
  return words;
}

/** Starts a worker with the models loaded; throws IkiError (stage 'ocr') when it cannot. */
export async function createOcrEngine(opts: OcrEngineOptions = {}): Promise<OcrEngine> {
  const langs = opts.languages?.length ? opts.languages : DEFAULT_OCR_LANGUAGES;
  let lastError: unknown;
  let worker: Tesseract.Worker | null = null;
  let folder: { dir: string; cleanup: () => void } = { dir: '', cleanup: () => undefined };
  try {
    folder = languageFolder(langs, opts.modelDir ?? modelDirFromEnv());
    worker = await Tesseract.createWorker([...langs].join('+'), Tesseract.OEM.LSTM_ONLY, {
      langPath: folder.dir,
      gzip: true,
      cacheMethod: 'none',
      logger: () => undefined,
      // Without a handler, tesseract.js rethrows a failed job inside its message listener.
      errorHandler: (e: unknown) => {
        lastError = e;
      },
    });
    await worker.setParameters({
      tessedit_pageseg_mode: (opts.pageSegMode ?? DEFAULT_PAGE_SEG_MODE) as Tesseract.PSM,
      ...BASE_PARAMETERS,
      ...opts.parameters,
    });
  } catch (err) {
    await worker?.terminate().catch(() => undefined);
    throw new IkiError('OCR_UNAVAILABLE', `the OCR engine could not start (${String(lastError ?? err)})`, {
      stage: 'ocr',
      cause: err,
    });
  } finally {
    // The models are in the worker's memory now; the folder of links is not needed again.
    folder.cleanup();
  }
  const live = worker;
  let stopped = false;
  return {
    async recognize(img: GrayImage, dpi: number, pageSegMode?: string): Promise<OcrWord[]> {
      if (stopped) throw new IkiError('OCR_STOPPED', 'the OCR engine was terminated', { stage: 'ocr' });
      const input = Buffer.from(encodeSpix(img).buffer);
      // Parameters given with a job apply to that job only (tesseract.js restores them after).
      const params: Record<string, string> = { user_defined_dpi: String(Math.round(dpi)) };
      if (pageSegMode) params.tessedit_pageseg_mode = pageSegMode;
      const res = await live.recognize(input, params as Partial<Tesseract.RecognizeOptions>, {
        text: false,
        blocks: true,
      });
      return blocksToWords(res.data.blocks as unknown as JsonBlock[] | null);
    },
    async terminate(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await live.terminate();
    },
  };
}

/**
 * A shared engine is stopped after this long (ms) without a page: starting one (wasm, models)
 * costs about a second of CPU and its heap some hundreds of MB, a page a few seconds. A live
 * worker thread keeps Node running, so this also bounds how long an idle process lingers when
 * nobody calls releaseOcrEngines().
 */
export const OCR_ENGINE_IDLE_MS = 30_000;

interface SharedSlot {
  engine: Promise<OcrEngine>;
  /** Recognitions in flight. */
  busy: number;
  timer?: NodeJS.Timeout;
  /** Taken out of use: stops as soon as nothing is in flight. */
  retired: boolean;
  /** Called when `busy` drops to 0. */
  drained?: () => void;
  stopped?: Promise<void>;
}

/** This thread's shared engines, by options (module state is per worker thread). */
const sharedEngines = new Map<string, SharedSlot>();

function engineKey(opts: OcrEngineOptions): string {
  const langs = opts.languages?.length ? opts.languages : DEFAULT_OCR_LANGUAGES;
  return JSON.stringify([
    langs,
    opts.pageSegMode ?? DEFAULT_PAGE_SEG_MODE,
    opts.parameters ?? {},
    opts.modelDir ?? modelDirFromEnv() ?? '',
  ]);
}

/** The live slot for `key`, started when there is none. */
function slotFor(key: string, opts: OcrEngineOptions): SharedSlot {
  const live = sharedEngines.get(key);
  if (live) return live;
  const slot: SharedSlot = { engine: createOcrEngine(opts), busy: 0, retired: false };
  sharedEngines.set(key, slot);
  // A failed start is forgotten, so the next call tries again.
  slot.engine.catch(() => {
    if (sharedEngines.get(key) === slot) sharedEngines.delete(key);
  });
  return slot;
}

/** Retires the slot; its worker stops now, or when its last recognition in flight ends. */
function retire(key: string, slot: SharedSlot): Promise<void> {
  clearTimeout(slot.timer);
  slot.retired = true;
  if (sharedEngines.get(key) === slot) sharedEngines.delete(key);
  if (!slot.stopped) {
    const idle = slot.busy === 0 ? Promise.resolve() : new Promise<void>((r) => (slot.drained = r));
    slot.stopped = idle.then(() =>
      slot.engine.then(
        (e) => e.terminate(),
        () => undefined,
      ),
    );
  }
  return slot.stopped;
}

function armIdleTimer(key: string, slot: SharedSlot): void {
  clearTimeout(slot.timer);
  slot.timer = setTimeout(() => void retire(key, slot), OCR_ENGINE_IDLE_MS);
  // The timer alone must not keep the process alive (the worker thread does, until stopped).
  slot.timer.unref();
}

/**
 * This thread's engine for `opts`: started on first use and kept for the next pages and
 * documents (tesseract.js runs one job at a time per worker, so concurrent callers queue). It
 * stops after OCR_ENGINE_IDLE_MS without work, or at releaseOcrEngines(); a handle used after
 * that starts a new one, so handles never go stale. The handle's terminate() does nothing (the
 * engine is shared). Throws IkiError (stage 'ocr') when the engine cannot start; the next call
 * tries again.
 */
export async function getOcrEngine(opts: OcrEngineOptions = {}): Promise<OcrEngine> {
  const key = engineKey(opts);
  const first = slotFor(key, opts);
  await first.engine;
  if (first.busy === 0 && !first.retired) armIdleTimer(key, first);
  return {
    async recognize(img, dpi, pageSegMode) {
      const slot = slotFor(key, opts);
      clearTimeout(slot.timer);
      slot.busy++;
      try {
        return await (await slot.engine).recognize(img, dpi, pageSegMode);
      } finally {
        slot.busy--;
        if (slot.busy === 0) {
          if (slot.retired) slot.drained?.();
          else armIdleTimer(key, slot);
        }
      }
    },
    async terminate() {
      // Shared: it stays up for the next caller until idle or released.
    },
  };
}

/**
 * Stops every shared engine of this thread (at shutdown, or to free memory), each after its
 * recognitions in flight; the next getOcrEngine() or handle call starts anew.
 */
export async function releaseOcrEngines(): Promise<void> {
  const slots = [...sharedEngines.entries()];
  await Promise.all(slots.map(([key, slot]) => retire(key, slot)));
}
