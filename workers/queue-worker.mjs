/* global process */
// Entry point of a queue worker process, the same as `iki worker` without the rest of the CLI:
//
//   node workers/queue-worker.mjs [--queues ocr,parse,store] [--concurrency parse=2,ocr=2,store=4]
//
// Configured by REDIS_URL, DATABASE_URL (for the store queue), IKI_DATA_DIR and IKI_QUEUE_PREFIX.
// Runs the compiled sources when up to date, else the TypeScript through tsx, like bin/iki.js.
import { Command } from 'commander';
import { importSource } from './load-sources.mjs';

const { register: registerWorker } = await importSource('cli/commands/worker');
const program = new Command().name('iki-worker');
registerWorker(program);
await program.parseAsync([process.argv[0], 'iki-worker', 'worker', ...process.argv.slice(2)]);
