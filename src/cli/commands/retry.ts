/** `iki retry [DOCUMENT...]`: process failed documents again. */
import type { Command } from 'commander';
import { describeError } from '../../errors.js';
import { createProgress } from '../../ingest/progress.js';
import { retryDocuments, retryTargets } from '../../ingest/retry.js';
import { openRuntime } from '../../ingest/runtime.js';
import { exitStatusOf, formatSummary } from '../../ingest/summary.js';
import { onStopSignals } from '../../runner/shutdown.js';
import { parsePositiveInt } from './ingest.js';

export interface RetryCliOptions {
  unfinished?: boolean;
  threads?: number;
  inProcess?: boolean;
  json?: boolean;
}

export async function runRetry(names: string[], opts: RetryCliOptions): Promise<number> {
  const progress = createProgress(process.stderr, { label: 'retry' });
  const note = (line: string) => progress.note(`iki retry: ${line}`);
  const stop = new AbortController();
  const release = onStopSignals(stop, note, 'finishing the running documents');
  let runtime;
  try {
    runtime = await openRuntime({
      ...(opts.threads ? { threads: opts.threads } : {}),
      ...(opts.inProcess ? { inProcess: true } : {}),
      signal: stop.signal,
      onNote: note,
    });
  } catch (err) {
    release();
    process.stderr.write(`iki retry: ${describeError(err)}\n`);
    return 2;
  }
  try {
    const targets = await retryTargets(runtime.store, names, opts.unfinished);
    if (targets.length === 0) {
      process.stderr.write(`iki retry: ${names.length ? 'no such document' : 'no failed documents'}\n`);
      return names.length ? 1 : 0;
    }
    const report = await retryDocuments(runtime, targets, {
      onNote: note,
      onStart: (n) => n > 0 && progress.start(n),
      onEvent: (e) => progress.event(e),
      onProgress: (id, p) => progress.stage(id, p),
    });
    progress.stop();
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`${formatSummary(report, 'retry')}\n`);
    return exitStatusOf(report);
  } catch (err) {
    progress.stop();
    process.stderr.write(`iki retry: ${describeError(err)}\n`);
    return err instanceof RangeError ? 2 : 1;
  } finally {
    release();
    await runtime.close();
  }
}

export function register(program: Command): void {
  program
    .command('retry')
    .description('Process failed documents again (all of them, or the ones named by id or sha256).')
    .argument('[document...]', 'document ids or sha256 hashes (default: every failed document)')
    .option('--unfinished', 'also re-run documents left queued or processing')
    .option('--threads <n>', 'worker threads of the in-process runner (default: CPU count)', parsePositiveInt)
    .option('--in-process', 'run here even when REDIS_URL is set')
    .option('--json', 'print the full report as JSON on stdout')
    .addHelpText(
      'after',
      '\nExit status: 0 when every retried document is done, 1 when any failed again, 2 on bad usage.',
    )
    .action(async (names: string[], opts: RetryCliOptions) => {
      process.exitCode = await runRetry(names, opts);
    });
}
