/**
 * Page-level OCR. The parse job asks a page-OCR module which pages need OCR, runs one OCR job per
 * page (in parallel, on any worker: bullmq child jobs, or pool tasks in-process), and then
 * extracts with the pages' results. Without a module (`pageOcrModule: null`) `extractFile` reads
 * every page itself, OCR included, in one parse job.
 *
 * A page-OCR module is any ES module (a path or package name) exporting the three functions of
 * `PageOcrModule`. It is loaded by specifier rather than passed as an object because the work runs
 * in worker threads, which can share code but not closures. The default is page-ocr-reader.ts,
 * the adapter over src/read/ocr.
 */
import { extname, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExtractWithPages } from './handlers.js';
import { IkiError } from '../errors.js';

export interface PageOcrModule {
  /** 1-based pages whose text must come from OCR; [] when every page has a usable text layer. */
  planPages(bytes: Uint8Array, fileName: string): Promise<number[]>;
  /** OCR of one page; the value must survive JSON (it travels through Redis). */
  ocrPage(bytes: Uint8Array, fileName: string, page: number): Promise<unknown>;
  /** The extraction given every planned page's OCR value. */
  extractWithPages: ExtractWithPages;
}

/**
 * The page-OCR module used when a runner is given none (`undefined`); `null` turns page jobs off.
 * Same extension as this file: `.ts` when run through tsx, `.js` when compiled.
 */
export const DEFAULT_PAGE_OCR_MODULE: string | null = fileURLToPath(
  new URL(`./page-ocr-reader${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/** The module to use: the one given, the default when none was given, none for null. */
export function resolvePageOcrModule(given: string | null | undefined): string | null {
  return given === undefined ? DEFAULT_PAGE_OCR_MODULE : given;
}

const loaded = new Map<string, Promise<PageOcrModule>>();

/** Imports (once per thread) and checks a page-OCR module. */
export function loadPageOcr(specifier: string): Promise<PageOcrModule> {
  let mod = loaded.get(specifier);
  if (!mod) {
    const url = isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier;
    mod = import(url).then((m: Partial<PageOcrModule>) => {
      for (const fn of ['planPages', 'ocrPage', 'extractWithPages'] as const) {
        if (typeof m[fn] !== 'function') {
          throw new IkiError('PAGE_OCR_MODULE', `page-OCR module ${specifier} does not export ${fn}()`, {
            stage: 'ocr',
          });
        }
      }
      return m as PageOcrModule;
    });
    loaded.set(specifier, mod);
  }
  return mod;
}
