/**
 * What a pool thread runs (loaded by workers/extract-thread.mjs). CPU work only: read the blob,
 * plan or OCR pages, extract. No database access, so PGlite stays in one thread and a queue
 * worker needs nothing but the blob store. Every reply is an Outcome (failures as data).
 */
import type { Outcome, ParseOutput } from './handlers.js';
import { outcomeOf, parseDocument } from './handlers.js';
import { readBlob } from '../ingest/blobs.js';
import { loadPageOcr } from './page-ocr.js';

interface BlobRef {
  storageKey: string;
  fileName: string;
}

export type ThreadTask =
  | (BlobRef & { kind: 'parse'; pageOcrModule?: string; ocrPages?: [number, unknown][] })
  | (BlobRef & { kind: 'plan'; pageOcrModule: string })
  | (BlobRef & { kind: 'ocr-page'; pageOcrModule: string; page: number });

export interface OcrPageValue {
  page: number;
  value: unknown;
}

/** The reply for each kind of task. */
export interface ThreadReplies {
  parse: Outcome<ParseOutput>;
  plan: Outcome<number[]>;
  'ocr-page': Outcome<OcrPageValue>;
}

export async function runThreadTask(task: ThreadTask): Promise<ThreadReplies[ThreadTask['kind']]> {
  switch (task.kind) {
    case 'parse':
      return outcomeOf(async () => {
        const ocr = task.pageOcrModule && task.ocrPages ? await loadPageOcr(task.pageOcrModule) : null;
        return parseDocument(
          task,
          ocr && task.ocrPages
            ? { extractWithPages: ocr.extractWithPages, ocrPages: new Map(task.ocrPages) }
            : {},
        );
      });
    case 'plan':
      return outcomeOf(async () => {
        const ocr = await loadPageOcr(task.pageOcrModule);
        return ocr.planPages(await readBlob(task.storageKey), task.fileName);
      });
    case 'ocr-page': {
      const reply = await outcomeOf(async () => {
        const ocr = await loadPageOcr(task.pageOcrModule);
        const value = await ocr.ocrPage(await readBlob(task.storageKey), task.fileName, task.page);
        return { page: task.page, value };
      });
      // A page's failure names its page even when the OCR module did not.
      if (!reply.ok) reply.failure.page ??= task.page;
      return reply;
    }
  }
}

export default runThreadTask;
