/**
 * OCR never touches the network: the engine runs in a child process where every network entry
 * point (net, tls, http, https, dns, fetch) throws, inherited by its worker thread, in an empty
 * working directory that must stay empty (no model cache written).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

describe('offline OCR', () => {
  it('loads worker, wasm core and models from node_modules with the network blocked', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'iki-offline-'));
    try {
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          pathToFileURL(join(root, 'test/ocr/no-network.mjs')).href,
          '--import',
          // tsx's loader by absolute URL: the child runs in an empty directory.
          pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
          join(root, 'test/ocr/offline-child.ts'),
        ],
        { cwd, encoding: 'utf8', timeout: 90_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
        guard: string;
        words: string[];
        attempts: string[];
      };
      // The guard is live (a real request fails)…
      expect(out.guard).toMatch(/network blocked/);
      // …and OCR read the page without a single network attempt.
      expect(out.words).toEqual(expect.arrayContaining(['INDIKATOR', 'KINERJA']));
      expect(out.attempts).toEqual(['fetch']);
      expect(r.stderr).not.toMatch(/NETWORK ATTEMPT: (?!fetch)/);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 120_000);
});
