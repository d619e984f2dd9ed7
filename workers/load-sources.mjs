/* global process, URL */
// Loads a module of src/ for the entry points (bin/iki.js, workers/queue-worker.mjs): the
// compiled JavaScript under dist/ (`npm run build`) when it is there and no older than its
// TypeScript source, else the TypeScript itself through tsx, so a fresh checkout works without
// a build step. The compiled code is the lighter: tsx's hooks cost every thread that loads
// pdfjs-dist ~200 MB and each process some CPU to transform the sources.
//
// IKI_FROM_SOURCE=1 forces the TypeScript sources, IKI_FROM_SOURCE=0 the compiled code however old
// (when it is there: a benchmark that built it first, while the sources are being edited).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Whether importSource would load the compiled code: every .ts file under src/ has its .js under
 * dist/src/, written after the source's last change (or IKI_FROM_SOURCE says which).
 */
export function compiledIsFresh() {
  if (process.env.IKI_FROM_SOURCE === '1') return false;
  if (process.env.IKI_FROM_SOURCE === '0') return existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
  try {
    for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
      const source = join(entry.parentPath ?? entry.path, entry.name);
      const compiled = join(root, 'dist', source.slice(root.length).replace(/\.ts$/, '.js'));
      if (statSync(compiled).mtimeMs < statSync(source).mtimeMs) return false;
    }
    return true;
  } catch {
    return false; // no build, or a source without its compiled file
  }
}

let fromDist;
let registered = false;

/** Imports `src/<path>.ts` (path given without extension, e.g. 'cli/main'), compiled when fresh. */
export async function importSource(path) {
  fromDist ??= compiledIsFresh();
  if (fromDist) return import(pathToFileURL(join(root, 'dist', 'src', `${path}.js`)).href);
  if (!registered) {
    const { register } = await import('tsx/esm/api');
    register();
    registered = true;
  }
  return import(pathToFileURL(join(root, 'src', `${path}.ts`)).href);
}
