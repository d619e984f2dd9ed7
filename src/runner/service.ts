/**
 * The in-process runner as a long-lived service: documents are submitted one by one as they
 * arrive (uploads to the API) and run on the worker-thread pool with the same handlers, retries
 * and progress as `runInProcess`. The pool is started on the first document, so a process that
 * never receives one never pays for its threads.
 */
import type { DocumentRef } from './handlers.js';
import { failureOf } from './handlers.js';
import type { InProcessOptions, RunEvent } from './in-process.js';
import { DEFAULT_GRACE_MS, runDocument } from './in-process.js';
import type { ExtractPool } from './pool.js';
import { createExtractPool } from './pool.js';
import { ProgressBoard } from './progress.js';

export interface InProcessServiceOptions extends Omit<
  InProcessOptions,
  'pool' | 'signal' | 'force' | 'actor' | 'onEvent'
> {
  /** A pool to use (not closed by `close`); by default one is made on the first document. */
  pool?: ExtractPool;
  /** Threads of the pool made here. @defaultValue os.availableParallelism() */
  threads?: number;
  onEvent?: (e: RunEvent) => void;
  /** Told about failures of the bookkeeping itself (the store went away, …). */
  onError?: (err: unknown) => void;
}

export interface SubmitOptions {
  /** Store a new run even when the document is done (a re-extraction). */
  force?: boolean;
  /** The audit log's actor of the stored run. */
  actor?: string;
}

export interface InProcessService {
  /** Schedules a document; false when it is already scheduled or running here. */
  submit(doc: DocumentRef, opts?: SubmitOptions): boolean;
  /** Whether the document is scheduled or running here. */
  has(documentId: string): boolean;
  /** Live progress of the documents running here. */
  readonly progress: ProgressBoard;
  /** Resolves when nothing is scheduled or running. */
  idle(): Promise<void>;
  /** Stops taking documents, lets running ones finish (within `graceMs`), ends the threads. */
  close(): Promise<void>;
}

export function createInProcessService(opts: InProcessServiceOptions): InProcessService {
  const progress = new ProgressBoard();
  const waiting: { doc: DocumentRef; opts: SubmitOptions }[] = [];
  const scheduled = new Set<string>();
  const hard = new AbortController();
  let pool = opts.pool ?? null;
  let running = 0;
  let closing = false;
  let idleWaiters: (() => void)[] = [];

  const slots = () => (pool?.threads ?? opts.threads ?? 1) + 1;

  function settle(): void {
    if (running > 0 || waiting.length > 0) return;
    const w = idleWaiters;
    idleWaiters = [];
    for (const resolve of w) resolve();
  }

  function pump(): void {
    while (!closing && running < slots() && waiting.length > 0) {
      const next = waiting.shift()!;
      running++;
      void runOne(next.doc, next.opts).finally(() => {
        running--;
        scheduled.delete(next.doc.documentId);
        pump();
        settle();
      });
    }
    settle();
  }

  async function runOne(doc: DocumentRef, sub: SubmitOptions): Promise<void> {
    const started = Date.now();
    pool ??= createExtractPool(opts.threads !== undefined ? { threads: opts.threads } : {});
    try {
      const stored = await runDocument(
        doc,
        {
          ...opts,
          pool,
          ...(sub.force ? { force: true } : {}),
          ...(sub.actor ? { actor: sub.actor } : {}),
          onProgress: (id, p) => {
            progress.report(id, p);
            opts.onProgress?.(id, p);
          },
        },
        hard.signal,
      );
      opts.onEvent?.({ doc, ...stored, ms: Date.now() - started });
    } catch (err) {
      progress.report(doc.documentId, { stage: 'failed', page: null, pages: null });
      if (hard.signal.aborted) return;
      opts.onError?.(err);
      opts.onEvent?.({ doc, status: 'failed', pages: 0, failure: failureOf(err), ms: Date.now() - started });
    }
  }

  return {
    progress,
    submit(doc, sub = {}) {
      if (closing || scheduled.has(doc.documentId)) return false;
      scheduled.add(doc.documentId);
      progress.report(doc.documentId, { stage: 'queued', page: null, pages: null });
      waiting.push({ doc, opts: sub });
      // On the next turn: the caller's response goes out before a thread is started.
      setImmediate(pump);
      return true;
    },
    has: (id) => scheduled.has(id),
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closing = true;
      // Documents not started stay queued in the store; the next start resumes them.
      for (const w of waiting.splice(0)) {
        scheduled.delete(w.doc.documentId);
        progress.report(w.doc.documentId, { stage: 'failed', page: null, pages: null });
      }
      const timer = setTimeout(() => hard.abort(), opts.graceMs ?? DEFAULT_GRACE_MS);
      timer.unref();
      await this.idle();
      clearTimeout(timer);
      if (!opts.pool) await pool?.close();
    },
  };
}
