/**
 * A queue worker process for fault tests: `startWorkers` with the settings given as JSON in
 * argv[2], configured from REDIS_URL / IKI_QUEUE_PREFIX / DATABASE_URL / IKI_DATA_DIR. Prints
 * `ready <worker name>` once it consumes the queues; SIGTERM closes it gracefully.
 */
import { hostname } from 'node:os';
import { queueConfigFromEnv } from '../../../src/queue/connection.js';
import { startWorkers } from '../../../src/queue/worker.js';
import { openStore } from '../../../src/store/repository.js';

const settings = JSON.parse(process.argv[2] ?? '{}');
const config = queueConfigFromEnv();
if (!config) throw new Error('REDIS_URL is not set');
const store = (settings.queues ?? ['store']).includes('store') ? await openStore({}) : undefined;
const running = await startWorkers({ ...settings, config, ...(store ? { store } : {}) });
process.stdout.write(`ready ${hostname()}:${process.pid}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await running.close();
    await store?.close();
    process.stdout.write('closed\n');
    process.exit(0);
  })();
});
