/**
 * Live progress of documents running through the queue, read from their jobs in Redis (the
 * workers that do the work need no database): the parse job's state and reported stage, and,
 * while it waits for its page OCR jobs, how many of them have finished.
 */
import { Job } from 'bullmq';
import type { DocumentProgress } from '../runner/progress.js';
import { ocrProgress } from '../runner/progress.js';
import type { JobProgress } from './jobs.js';
import { ParseJobData } from './jobs.js';
import type { PipelineQueues } from './queues.js';
import { LOOKUP_CONCURRENCY, mapLimit } from './queues.js';

/** Progress of each document whose parse job Redis has; documents without one are left out. */
export async function queueProgress(
  queues: PipelineQueues,
  docs: readonly { id: string; sha256: string }[],
): Promise<Map<string, DocumentProgress>> {
  const out = new Map<string, DocumentProgress>();
  await mapLimit(docs, LOOKUP_CONCURRENCY, async (doc) => {
    const p = await progressOf(queues, doc.sha256);
    if (p) out.set(doc.id, p);
  });
  return out;
}

/** Parse jobs looked at per round of `ocrProgressOfWaiting`. */
export const WAITING_LOOKUP_LIMIT = 1000;

/**
 * OCR progress of the documents (by sha256) whose parse jobs wait for their page jobs: one
 * listing of the parse queue's waiting-children jobs (only scans are there), then one count per
 * scan, so a progress bar can show pages without asking Redis about every document.
 */
export async function ocrProgressOfWaiting(
  queues: PipelineQueues,
  sha256s: ReadonlySet<string>,
): Promise<Map<string, DocumentProgress>> {
  const out = new Map<string, DocumentProgress>();
  const jobs = (await queues.queues.parse.getWaitingChildren(0, WAITING_LOOKUP_LIMIT - 1)).filter(
    (j) => j.id !== undefined && sha256s.has(j.id),
  );
  await mapLimit(jobs, LOOKUP_CONCURRENCY, async (job) => {
    const planned = ParseJobData.safeParse(job.data);
    const pages = planned.success ? (planned.data.ocrPages?.length ?? 0) : 0;
    if (pages === 0) return;
    const c = await job.getDependenciesCount({ processed: true, ignored: true, failed: true });
    out.set(job.id!, ocrProgress((c.processed ?? 0) + (c.ignored ?? 0) + (c.failed ?? 0), pages));
  });
  return out;
}

async function progressOf(queues: PipelineQueues, sha256: string): Promise<DocumentProgress | null> {
  const job = await Job.fromId(queues.queues.parse, sha256);
  if (!job) return null;
  const state = await job.getState();
  const none = { page: null, pages: null };
  switch (state) {
    case 'completed':
    case 'failed':
      // The parse is over; the store job records its result or its failure.
      return { stage: 'store', ...none };
    case 'waiting-children': {
      const planned = ParseJobData.safeParse(job.data);
      const pages = planned.success ? (planned.data.ocrPages?.length ?? 0) : 0;
      const c = await job.getDependenciesCount({ processed: true, ignored: true, failed: true });
      return ocrProgress((c.processed ?? 0) + (c.ignored ?? 0) + (c.failed ?? 0), pages);
    }
    case 'active': {
      const reported = job.progress as Partial<JobProgress> | number;
      if (typeof reported === 'object' && reported?.stage === 'ocr' && reported.pages) {
        return ocrProgress(0, reported.pages);
      }
      return { stage: 'parse', ...none };
    }
    case 'unknown':
      return null;
    default:
      return { stage: 'queued', ...none };
  }
}
