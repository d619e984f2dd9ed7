/**
 * Optional page-level OCR. Today `extractFile` reads every page itself (OCR included, once the
 * OCR reader lands), so a document is one parse job. When a page-OCR module is configured, the
 * pipeline splits the slow part out: the parse job asks the module which pages need OCR, runs one
 * OCR job per page (in parallel, on any worker: bullmq child jobs, or pool tasks in-process), and
 * then extracts with the pages' results.
 *
 * A page-OCR module is any ES module (a path or package name) exporting the three functions of
 * `PageOcrModule`. It is loaded by specifier rather than passed as an object because the work runs
 * in worker threads, which can share code but not closures. To wire the real OCR reader, write
 * an adapter module over src/read/ocr and point DEFAULT_PAGE_OCR_MODULE (or the runner option
 * `pageOcrModule`) at it.
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
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

/** The page-OCR module used when the runner is given none; null: OCR happens inside extractFile. */
export const DEFAULT_PAGE_OCR_MODULE: string | null = null;

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
