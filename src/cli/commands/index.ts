/** Every `iki` sub-command beyond `extract`, each in its own module with a `register(program)`. */
import type { Command } from 'commander';
import { register as exportCmd } from './export.js';
import { register as ingest } from './ingest.js';
import { register as retry } from './retry.js';
import { register as serve } from './serve.js';
import { register as status } from './status.js';
import { register as worker } from './worker.js';

export function registerCommands(program: Command): void {
  for (const register of [ingest, status, retry, exportCmd, worker, serve]) register(program);
}
