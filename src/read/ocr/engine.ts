/**
 * The OCR engine: one tesseract.js worker (a worker thread running tesseract's wasm build), made
 * once per document and terminated at its end. Everything it loads comes from node_modules: the
 * worker script and the wasm core from tesseract.js / tesseract.js-core (its Node build never
 * fetches them), the LSTM models from @tesseract.js-data/<lang> through `langPath`, with the
 * model cache off, so OCR runs offline and writes nothing to disk.
 *
 * Pages go in as binary PGM (no PNG encode/decode) and come back as words with pixel boxes,
 * confidences, and each line's baseline and row height (tesseract's JSON "blocks" output).
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import { IkiError } from '../../errors.js';
import type { GrayImage } from '../image/gray.js';
import { encodePgm } from '../image/gray.js';

const require = createRequire(import.meta.url);

export type OcrLanguage = 'ind' | 'eng';

/** Indonesian alone: its model covers the Latin alphabet, digits and the odd English word. */
export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['ind'];
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
  /** Words on a page raster of `dpi` pixels per inch. */
  recognize(img: GrayImage, dpi: number): Promise<OcrWord[]>;
  /** Stops the worker thread; the engine is unusable afterwards. Safe to call twice. */
  terminate(): Promise<void>;
}

/** Folder holding <lang>.traineddata.gz inside the language's npm package. */
export function traineddataDir(lang: OcrLanguage): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), TRAINEDDATA_VARIANT);
}

/**
 * One folder with every requested model: the package folder itself for one language; for
 * several, a temporary folder of symlinks into node_modules (tesseract.js takes one langPath).
 */
function languageFolder(langs: readonly OcrLanguage[]): { dir: string; cleanup: () => void } {
  if (langs.length === 1) return { dir: traineddataDir(langs[0]!), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'iki-tessdata-'));
  for (const l of langs)
    symlinkSync(join(traineddataDir(l), `${l}.traineddata.gz`), join(dir, `${l}.traineddata.gz`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The tesseract parameters we set on every page (beyond page segmentation and dpi). */
export const BASE_PARAMETERS: Readonly<Record<string, string>> = {
  // Inverted (white-on-black) text does not occur on these forms; trying it costs time per line.
  tessedit_do_invert: '0',
  // tesseract's progress and diagnostics would otherwise go to stderr for every page.
  debug_file: '/dev/null',
};

interface JsonWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
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

/** tesseract.js's block tree → flat words. */
export function blocksToWords(blocks: readonly JsonBlock[] | null): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs ?? []) {
      for (const line of para.lines ?? []) {
        const ra = line.rowAttributes;
        for (const w of line.words ?? []) {
          const text = w.text.trim();
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
  const folder = languageFolder(langs);
  let lastError: unknown;
  let worker: Tesseract.Worker | null = null;
  try {
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
    folder.cleanup();
    await worker?.terminate().catch(() => undefined);
    throw new IkiError('OCR_UNAVAILABLE', `the OCR engine could not start (${String(lastError ?? err)})`, {
      stage: 'ocr',
      cause: err,
    });
  }
  const live = worker;
  let stopped = false;
  return {
    async recognize(img: GrayImage, dpi: number): Promise<OcrWord[]> {
      if (stopped) throw new IkiError('OCR_STOPPED', 'the OCR engine was terminated', { stage: 'ocr' });
      const input = Buffer.from(encodePgm(img).buffer);
      const res = await live.recognize(
        input,
        { user_defined_dpi: String(Math.round(dpi)) } as Partial<Tesseract.RecognizeOptions>,
        { text: false, blocks: true },
      );
      return blocksToWords(res.data.blocks as unknown as JsonBlock[] | null);
    },
    async terminate(): Promise<void> {
      if (stopped) return;
      stopped = true;
      try {
        await live.terminate();
      } finally {
        folder.cleanup();
      }
    },
  };
}
