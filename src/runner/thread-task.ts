/**
 * What a pool thread runs (loaded by workers/extract-thread.mjs). CPU work only: read the blob,
 * plan or OCR pages, extract. No database access, so PGlite stays in one thread and a queue
 * worker needs nothing but the blob store. Every reply is an Outcome (failures as data).
 */
import type { Outcome, ParseOutput } from './handlers.js';
import { outcomeOf, pagesOf, parseDocument } from './handlers.js';
import { readBlob } from '../ingest/blobs.js';
import { loadPageOcr } from './page-ocr.js';

interface BlobRef {
  storageKey: string;
  fileName: string;
  /** The blob store's data directory; default IKI_DATA_DIR (a queue worker's own). */
  blobRoot?: string;
}

export type ThreadTask =
  | (BlobRef & {
      kind: 'parse';
      pageOcrModule?: string;
      ocrPages?: [number, unknown][];
      /** Epoch ms the document's processing began (before its page OCR). */
      startedAt?: number;
    })
  | (BlobRef & { kind: 'plan'; pageOcrModule: string })
  | (BlobRef & { kind: 'plan-parse'; pageOcrModule: string })
  | (BlobRef & { kind: 'ocr-page'; pageOcrModule: string; page: number });

export interface OcrPageValue {
  page: number;
  value: unknown;
}

/**
 * A plan, or (when no page needs OCR) the extraction itself, done on the same thread right away:
 * most documents need no OCR, and this saves them a second task and a second reading.
 */
export type PlanOrParse = { ocrPages: number[]; parsed: null } | { ocrPages: []; parsed: ParseOutput };

/** The reply for each kind of task. */
export interface ThreadReplies {
  parse: Outcome<ParseOutput>;
  plan: Outcome<number[]>;
  'plan-parse': Outcome<PlanOrParse>;
  'ocr-page': Outcome<OcrPageValue>;
}

export async function runThreadTask(task: ThreadTask): Promise<ThreadReplies[ThreadTask['kind']]> {
  switch (task.kind) {
    case 'parse':
      return outcomeOf(async () => {
        const ocr = task.pageOcrModule && task.ocrPages ? await loadPageOcr(task.pageOcrModule) : null;
        return parseDocument(task, {
          ...(ocr && task.ocrPages
            ? { extractWithPages: ocr.extractWithPages, ocrPages: new Map(task.ocrPages) }
            : {}),
          ...(task.startedAt !== undefined ? { startedAt: task.startedAt } : {}),
        });
      });
    case 'plan':
      return outcomeOf(async () => {
        const ocr = await loadPageOcr(task.pageOcrModule);
        return ocr.planPages(await readBlob(task.storageKey, task.blobRoot), task.fileName);
      });
    case 'plan-parse':
      return outcomeOf(async (): Promise<PlanOrParse> => {
        const startedAt = Date.now();
        const ocr = await loadPageOcr(task.pageOcrModule);
        const bytes = await readBlob(task.storageKey, task.blobRoot);
        const pages = await ocr.planPages(bytes, task.fileName);
        if (pages.length > 0) return { ocrPages: pages, parsed: null };
        const result = await ocr.extractWithPages(bytes, task.fileName, new Map());
        return {
          ocrPages: [],
          parsed: { result, startedAt, ms: Date.now() - startedAt, pages: pagesOf(result) },
        };
      });
    case 'ocr-page': {
      const reply = await outcomeOf(async () => {
        const ocr = await loadPageOcr(task.pageOcrModule);
        const bytes = await readBlob(task.storageKey, task.blobRoot);
        const value = await ocr.ocrPage(bytes, task.fileName, task.page);
        return { page: task.page, value };
      });
      // A page's failure names its page even when the OCR module did not.
      if (!reply.ok) reply.failure.page ??= task.page;
      return reply;
    }
  }
}

export default runThreadTask;
