/**
 * The queues, their typed payloads and their job options.
 *
 * A document is one bullmq flow:
 *
 *   store (parent, queue `store`, id = sha256)          ← saves the result, or records the failure
 *     └─ parse (child, queue `parse`, id = sha256)      ← blob → extractFile → contract JSON
 *          └─ ocr page jobs (optional, queue `ocr`, id = sha256-p<N>), added by the parse job
 *             itself when a page-OCR module is configured and the document has pages to OCR
 *
 * Payloads carry a storage key, never bytes (job data is stored in Redis as JSON). Ids are the
 * content hash, so enqueueing the same document twice adds nothing. A parse job that fails for
 * good (bad input at once, anything else after its attempts) does not block its parent: the
 * store job then runs and records the failure with its file, stage and page.
 */
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

export const QUEUE_NAMES = ['ocr', 'parse', 'store'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const DocumentRefData = z.object({
  documentId: z.uuid(),
  sha256: Sha256,
  storageKey: z.string().min(1),
  fileName: z.string().min(1),
});

export const FailureData = z.object({
  reason: z.string(),
  code: z.string(),
  stage: z.string().nullable(),
  page: z.number().int().nullable(),
  unrecoverable: z.boolean(),
});

export const ParseJobData = DocumentRefData.extend({
  /** Where a parse job with page OCR is: planning, or waiting for its page jobs. */
  step: z.enum(['plan', 'await-ocr']).default('plan'),
  ocrPages: z.array(z.number().int().positive()).optional(),
  /** Epoch ms the plan began, so the stored run's start includes the page OCR. */
  startedAt: z.number().int().optional(),
  /** Set when the job fails, so the store job can record stage and page, not just a message. */
  failure: FailureData.optional(),
});
export type ParseJobData = z.infer<typeof ParseJobData>;

export const StoreJobData = DocumentRefData.extend({
  /** Store even when the document is already done (an explicit re-run). */
  force: z.boolean().optional(),
});
export type StoreJobData = z.infer<typeof StoreJobData>;

export const OcrPageJobData = DocumentRefData.extend({ page: z.number().int().positive() });
export type OcrPageJobData = z.infer<typeof OcrPageJobData>;

/** What a parse or store job reports as its progress (read back by src/queue/progress.ts). */
export interface JobProgress {
  stage: 'parse' | 'ocr' | 'store';
  /** Pages being OCR'd (stage 'ocr'). */
  pages?: number;
}

/** Attempts of a parse or OCR job (bad input is never retried). */
export const PARSE_ATTEMPTS = 3;
/** Attempts of a store job: enough backoff (1 + 2 + … + 64 s ≈ 2 min) to outlast a database restart. */
export const STORE_ATTEMPTS = 8;
/** First retry delay of a parse or OCR job (ms), doubled each time. */
export const PARSE_BACKOFF_MS = 2000;
/** First retry delay of a store job (ms), doubled each time. */
export const STORE_BACKOFF_MS = 1000;
/**
 * Completed jobs kept per queue (for inspection), and for how long (s). Few: a store job holds
 * its document's whole result (the parse child's return value), and the store has it anyway.
 */
export const KEEP_COMPLETED = { count: 200, age: 3600 };
/** Failed jobs kept per queue, and for how long (s): long enough to inspect and `iki retry`. */
export const KEEP_FAILED = { count: 100_000, age: 30 * 24 * 3600 };

const bounded = { removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED } satisfies JobsOptions;

export const PARSE_JOB_OPTIONS = {
  ...bounded,
  attempts: PARSE_ATTEMPTS,
  backoff: { type: 'exponential', delay: PARSE_BACKOFF_MS },
  ignoreDependencyOnFailure: true,
} satisfies JobsOptions;

export const OCR_JOB_OPTIONS = PARSE_JOB_OPTIONS;

export const STORE_JOB_OPTIONS = {
  ...bounded,
  attempts: STORE_ATTEMPTS,
  backoff: { type: 'exponential', delay: STORE_BACKOFF_MS },
} satisfies JobsOptions;

export function ocrJobId(sha256: string, page: number): string {
  return `${sha256}-p${page}`;
}
