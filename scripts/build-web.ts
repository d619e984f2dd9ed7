/**
 * Builds the reviewer's workbench (web/, Vite + Preact) into dist/web, which `iki serve` serves
 * at `/`. The web code is type-checked first (web/tsconfig.json: DOM types, Preact JSX), and
 * every text asset gets .br and .gz twins so slow connections download a fraction of it.
 *
 *   npm run build:web            # or: npx tsx scripts/build-web.ts [outDir]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = join(ROOT, 'web');
export const DEFAULT_OUT_DIR = join(ROOT, 'dist', 'web');
/** Files smaller than this are not worth a compressed twin. */
const MIN_COMPRESS_BYTES = 512;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/** Type-checks web/ with its own tsconfig (the root one has no DOM types). */
export function typecheckWeb(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(WEB_DIR, 'tsconfig.json')], {
    stdio: 'inherit',
  });
}

export async function buildWeb(
  outDir = DEFAULT_OUT_DIR,
  opts: { typecheck?: boolean } = {},
): Promise<string> {
  if (opts.typecheck !== false) typecheckWeb();
  await build({
    root: WEB_DIR,
    base: '/',
    configFile: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      sourcemap: false,
      reportCompressedSize: false,
      // One small bundle: a reviewer on a slow line waits for one request, not twenty.
      modulePreload: { polyfill: false },
    },
  });
  compressTree(outDir);
  return outDir;
}

function compressTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      compressTree(full);
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const body = readFileSync(full);
    if (body.length < MIN_COMPRESS_BYTES) continue;
    writeFileSync(
      `${full}.br`,
      brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }),
    );
    writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR);
  const size = (f: string) => statSync(f).size;
  const assets = readdirSync(join(out, 'assets'));
  for (const a of assets.filter((n) => !n.endsWith('.br') && !n.endsWith('.gz'))) {
    const f = join(out, 'assets', a);
    const br = assets.includes(`${a}.br`) ? ` (${size(`${f}.br`)} B brotli)` : '';
    process.stdout.write(`dist/web/assets/${a}: ${size(f)} B${br}\n`);
  }
}
