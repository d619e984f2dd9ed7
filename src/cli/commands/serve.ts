/** `iki serve`: the HTTP API on a port, with the store from DATABASE_URL (or PGlite under the data dir). */
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { ensureAdmin } from '../../api/bootstrap.js';
import { API_PREFIX, buildServer } from '../../api/server.js';
import { defaultDataDir } from '../../api/submit.js';
import { describeError } from '../../errors.js';
import { openStore } from '../../store/repository.js';

interface ServeOptions {
  port: number;
  host: string;
  cors?: string[];
  trustProxy?: boolean;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number (0–65535)');
  return n;
}

export async function runServe(opts: ServeOptions): Promise<number> {
  const dataDir = defaultDataDir();
  const store = await openStore({ dataDir: join(dataDir, 'pglite') });
  const admin = await ensureAdmin(store);
  if (admin?.generatedPassword) {
    process.stderr.write(
      `iki serve: created admin user ${admin.email} with one-time password ${admin.generatedPassword}\n` +
        '           log in (POST /api/v1/auth/login) and create real users; this is not shown again.\n',
    );
  } else if (admin) {
    process.stderr.write(
      `iki serve: created admin user ${admin.email} from IKI_ADMIN_EMAIL/IKI_ADMIN_PASSWORD\n`,
    );
  }
  const app = buildServer({
    store,
    dataDir,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: opts.trustProxy ?? false,
    ...(opts.cors?.length ? { cors: { origins: opts.cors.includes('*') ? '*' : opts.cors } } : {}),
  });
  const resumed = await app.iki.submitter.resumePending();
  if (resumed > 0) app.log.info({ resumed }, 'documents left queued by the previous run are scheduled again');
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ port: opts.port, host: opts.host });
  const runner =
    app.iki.submitter.runner === 'queue' ? 'Redis queue (run `iki worker` to extract)' : 'in-process pool';
  process.stderr.write(
    `iki serve: listening on ${address}${API_PREFIX} (store: ${store.driver}; uploads go to the ${runner})\n`,
  );
  return 0;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP API (see /api/v1/openapi.json once running).')
    .option('--port <n>', 'port to listen on', port, 8080)
    .option('--host <addr>', 'address to bind (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--cors <origin...>', "allow browser calls from these origins ('*' for any)")
    .option('--trust-proxy', 'trust X-Forwarded-* headers from a reverse proxy')
    .addHelpText(
      'after',
      `
Environment: DATABASE_URL (PostgreSQL; else embedded PGlite under IKI_DATA_DIR/pglite),
IKI_DATA_DIR (default .data: uploaded files under blobs/), IKI_ADMIN_EMAIL and
IKI_ADMIN_PASSWORD (first admin; without them a one-time password is printed), LOG_LEVEL.`,
    )
    .action(async (opts: ServeOptions) => {
      try {
        process.exitCode = await runServe(opts);
      } catch (err) {
        process.stderr.write(`iki serve: ${describeError(err)}\n`);
        process.exitCode = 1;
      }
    });
}
