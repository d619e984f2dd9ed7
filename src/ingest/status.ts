/** What `iki status` reports: documents by status, recent failures, and the queues when used. */
import { count, desc, eq, sql, sum } from 'drizzle-orm';
import type { Store } from '../store/repository.js';
import { documents } from '../store/schema.js';
import type { QueueName } from '../queue/jobs.js';
import type { JobCounts, PipelineQueues } from '../queue/queues.js';

/** Failures listed by `iki status` unless told otherwise. */
export const DEFAULT_FAILURES_LISTED = 20;

export interface StatusReport {
  documents: Record<'queued' | 'processing' | 'done' | 'failed', number>;
  pagesDone: number;
  failures: { id: string; fileName: string; reason: string; stage: string | null; page: number | null }[];
  queues: Record<QueueName, JobCounts> | null;
  workers: Record<QueueName, number> | null;
}

export async function readStatus(
  store: Store,
  queues: PipelineQueues | null,
  limit = DEFAULT_FAILURES_LISTED,
): Promise<StatusReport> {
  const byStatus = await store.db
    .select({ status: documents.status, n: count(), pages: sum(sql`coalesce(${documents.pages}, 1)`) })
    .from(documents)
    .groupBy(documents.status);
  const counts = { queued: 0, processing: 0, done: 0, failed: 0 };
  let pagesDone = 0;
  for (const row of byStatus) {
    counts[row.status] = Number(row.n);
    if (row.status === 'done') pagesDone = Number(row.pages ?? 0);
  }
  const failures = await store.db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      reason: documents.error,
      stage: documents.errorStage,
      page: documents.errorPage,
    })
    .from(documents)
    .where(eq(documents.status, 'failed'))
    .orderBy(desc(documents.updatedAt))
    .limit(limit);
  return {
    documents: counts,
    pagesDone,
    failures: failures.map((f) => ({ ...f, reason: f.reason ?? 'unknown error' })),
    queues: queues ? await queues.counts() : null,
    workers: queues ? await queues.workerCounts() : null,
  };
}

export function formatStatus(s: StatusReport): string {
  const d = s.documents;
  const total = d.queued + d.processing + d.done + d.failed;
  const lines = [
    `documents: ${total} (done ${d.done}, failed ${d.failed}, queued ${d.queued}, processing ${d.processing}); pages done: ${s.pagesDone}`,
  ];
  if (s.queues && s.workers) {
    lines.push('queues:');
    for (const [name, c] of Object.entries(s.queues)) {
      const parts = ['waiting', 'active', 'waiting-children', 'delayed', 'failed', 'completed']
        .map((k) => `${k} ${c[k] ?? 0}`)
        .join(', ');
      lines.push(`  ${name.padEnd(6)} ${parts}; workers ${s.workers[name as QueueName]}`);
    }
  }
  if (s.failures.length > 0) {
    lines.push(`failed (latest ${s.failures.length}):`);
    for (const f of s.failures) {
      lines.push(
        `  ${f.fileName} [${f.id}]: ${f.page === null ? '' : `page ${f.page}: `}${f.reason}${f.stage ? ` (stage ${f.stage})` : ''}`,
      );
    }
    lines.push('Run `iki retry` to process them again.');
  }
  return lines.join('\n');
}
