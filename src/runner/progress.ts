/**
 * A document's live progress, as the API and the upload page show it ("OCR halaman k dari n").
 * The in-process runner reports it as it goes (kept on a ProgressBoard in the process that runs
 * the documents); with the queue it is read from the parse job in Redis (src/queue/progress.ts).
 * A document nobody is working on has the progress its stored status implies.
 */
import type { DocumentStatus } from '../store/repository.js';

export const PROGRESS_STAGES = ['queued', 'ocr', 'parse', 'store', 'done', 'failed'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export interface DocumentProgress {
  stage: ProgressStage;
  /**
   * During 'ocr': the page being read, counted in order (pages finished + 1; pages run in
   * parallel, so this is "k of n", not a page number). Otherwise null.
   */
  page: number | null;
  /** During 'ocr': pages to OCR; when done: the document's pages. Otherwise null. */
  pages: number | null;
}

export type ProgressListener = (documentId: string, progress: DocumentProgress) => void;

/** The progress a stored status implies, for documents no runner reports on. */
export function progressOfStatus(status: DocumentStatus, pages: number | null): DocumentProgress {
  switch (status) {
    case 'done':
      return { stage: 'done', page: null, pages };
    case 'failed':
      return { stage: 'failed', page: null, pages: null };
    case 'processing':
      return { stage: 'parse', page: null, pages: null };
    default:
      return { stage: 'queued', page: null, pages: null };
  }
}

/** OCR progress after `finished` of `pages` pages. */
export function ocrProgress(finished: number, pages: number): DocumentProgress {
  return { stage: 'ocr', page: Math.min(finished + 1, pages), pages };
}

/** Live progress of the documents running in this process; a finished document is dropped. */
export class ProgressBoard {
  readonly #live = new Map<string, DocumentProgress>();

  readonly report: ProgressListener = (id, p) => {
    if (p.stage === 'done' || p.stage === 'failed') this.#live.delete(id);
    else this.#live.set(id, p);
  };

  get(id: string): DocumentProgress | undefined {
    return this.#live.get(id);
  }

  get size(): number {
    return this.#live.size;
  }
}
