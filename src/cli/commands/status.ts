/** `iki status`: documents by status, recent failures, and the queues when REDIS_URL is set. */
import type { Command } from 'commander';
import { describeError } from '../../errors.js';
import { openDefaultStore } from '../../ingest/runtime.js';
import { formatStatus, readStatus } from '../../ingest/status.js';
import { queueConfigFromEnv } from '../../queue/connection.js';
import { PipelineQueues } from '../../queue/queues.js';
import { parsePositiveInt } from './ingest.js';

export async function runStatus(opts: { json?: boolean; failures?: number }): Promise<number> {
  const config = queueConfigFromEnv();
  let store;
  try {
    store = await openDefaultStore();
  } catch (err) {
    process.stderr.write(`iki status: ${describeError(err)}\n`);
    return 2;
  }
  const queues = config ? new PipelineQueues(config) : null;
  try {
    const report = await readStatus(store, queues, opts.failures);
    process.stdout.write(`${opts.json ? JSON.stringify(report, null, 2) : formatStatus(report)}\n`);
    return report.documents.failed > 0 ? 1 : 0;
  } finally {
    await queues?.close();
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('status')
    .description('Show documents by status, the latest failures, and the queues (with REDIS_URL).')
    .option('--json', 'print the report as JSON')
    .option('--failures <n>', 'how many of the latest failures to list (default 20)', parsePositiveInt)
    .addHelpText('after', '\nExit status: 0 when no document has failed, 1 otherwise, 2 on bad setup.')
    .action(async (opts: { json?: boolean; failures?: number }) => {
      process.exitCode = await runStatus(opts);
    });
}
