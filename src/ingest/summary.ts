/** The table printed at the end of `iki ingest` / `iki retry`, and the exit status it implies. */
import type { FileOutcome, FileStatus, IngestReport } from './ingest.js';
import { describeFailure } from '../runner/handlers.js';

const ROWS: { status: FileStatus; label: string }[] = [
  { status: 'done', label: 'processed' },
  { status: 'skipped', label: 'already done' },
  { status: 'duplicate', label: 'duplicate' },
  { status: 'failed', label: 'failed' },
  { status: 'interrupted', label: 'not finished' },
];

/** Failures listed in full; the rest are counted. */
export const MAX_LISTED_FAILURES = 200;

export function formatSummary(report: IngestReport, label = 'ingest'): string {
  const o = report.outcomes;
  const seconds = report.elapsedMs / 1000;
  const lines = [`${label}: ${o.length} files in ${seconds.toFixed(1)} s (${report.runner} runner)`];
  const rows = ROWS.map(({ status, label: name }) => {
    const of = o.filter((x) => x.status === status);
    return [name, of.length, of.reduce((s, x) => s + x.pages, 0)] as const;
  });
  rows.push(['total', o.length, rows.reduce((s, r) => s + r[2], 0)]);
  lines.push(`  ${'result'.padEnd(14)}${'files'.padStart(7)}${'pages'.padStart(8)}`);
  for (const [name, files, pages] of rows) {
    lines.push(`  ${name.padEnd(14)}${String(files).padStart(7)}${String(pages).padStart(8)}`);
  }
  const processed = o.filter((x) => x.status === 'done');
  if (processed.length > 0 && seconds > 0) {
    const pages = processed.reduce((s, x) => s + x.pages, 0);
    lines.push(
      `  throughput: ${(processed.length / seconds).toFixed(1)} files/s, ${(pages / seconds).toFixed(1)} pages/s`,
    );
  }
  const failures = o.filter((x) => x.status === 'failed');
  if (failures.length > 0) {
    lines.push('', `Failed (${failures.length}):`);
    for (const f of failures.slice(0, MAX_LISTED_FAILURES)) lines.push(`  ${failureLine(f)}`);
    if (failures.length > MAX_LISTED_FAILURES) {
      lines.push(`  … and ${failures.length - MAX_LISTED_FAILURES} more (see \`iki status\`)`);
    }
    if (failures.some((f) => f.documentId))
      lines.push('Run `iki retry` to process the failed documents again.');
  }
  const unfinished = o.filter((x) => x.status === 'interrupted').length;
  if (unfinished > 0) lines.push('', `${unfinished} not finished: run the same command again to continue.`);
  return lines.join('\n');
}

export function failureLine(f: FileOutcome): string {
  const why = f.failure ? describeFailure(f.failure) : 'unknown error';
  return `${f.display}: ${why}${f.earlier ? ' [earlier run]' : ''}`;
}

/** 0 when every file ended done (or was done already); 1 otherwise. */
export function exitStatusOf(report: IngestReport): number {
  return report.outcomes.every(
    (x) => x.status === 'done' || x.status === 'skipped' || x.status === 'duplicate',
  )
    ? 0
    : 1;
}
