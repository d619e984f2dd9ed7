/** `iki ingest PATH... [--recursive]`: register files and folders (and zip archives) and process them. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { describeError } from '../../errors.js';
import { ingest } from '../../ingest/ingest.js';
import { createProgress } from '../../ingest/progress.js';
import { openRuntime } from '../../ingest/runtime.js';
import { exitStatusOf, formatSummary } from '../../ingest/summary.js';
import { onStopSignals } from '../../runner/shutdown.js';

export interface IngestCliOptions {
  recursive?: boolean;
  threads?: number;
  inProcess?: boolean;
  json?: boolean;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('needs a positive whole number');
  return n;
}

export async function runIngest(paths: string[], opts: IngestCliOptions): Promise<number> {
  const progress = createProgress(process.stderr);
  const note = (line: string) => progress.note(`iki ingest: ${line}`);
  const stop = new AbortController();
  const release = onStopSignals(
    stop,
    note,
    'finishing the running documents; the rest stay queued for the next run',
  );
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
    process.stderr.write(`iki ingest: ${describeError(err)}\n`);
    return 2;
  }
  try {
    const report = await ingest(paths, {
      store: runtime.store,
      runner: runtime.runner,
      run: runtime.run,
      ...(opts.recursive ? { recursive: true } : {}),
      onRegistered: ({ pending, skipped }) => {
        if (skipped > 0) note(`${skipped} file(s) already done, skipped`);
        if (pending > 0) progress.start(pending);
      },
      onEvent: (e) => progress.event(e),
      onProgress: (id, p) => progress.stage(id, p),
    });
    progress.stop();
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`${formatSummary(report)}\n`);
    return exitStatusOf(report);
  } catch (err) {
    progress.stop();
    process.stderr.write(`iki ingest: ${describeError(err)}\n`);
    return 1;
  } finally {
    release();
    await runtime.close();
  }
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('Process every document in the given files, folders and zip archives into the store.')
    .argument('<path...>', 'files, folders or .zip archives')
    .option('-r, --recursive', 'also read sub-folders')
    .option('--threads <n>', 'worker threads of the in-process runner (default: CPU count)', parsePositiveInt)
    .option('--in-process', 'run here even when REDIS_URL is set')
    .option('--json', 'print the full report (every file and its outcome) as JSON on stdout')
    .addHelpText(
      'after',
      `
Runs in this process on a thread pool with the embedded store under .data/ (IKI_DATA_DIR) by
default; with REDIS_URL and DATABASE_URL set, documents go through the queue to \`iki worker\`s.
Run it again after a crash or Ctrl-C: finished files are skipped, unfinished ones continue.
Exit status: 0 when every file is done; 1 when any failed or did not finish; 2 on bad setup.

Examples:
  iki ingest fixtures/seeds
  iki ingest arsip/ lampiran-2023.zip --recursive`,
    )
    .action(async (paths: string[], opts: IngestCliOptions) => {
      process.exitCode = await runIngest(paths, opts);
    });
}
