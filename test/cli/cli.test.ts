import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/iki.js');
const seed = join(root, 'fixtures/seeds/001_5e37c471fde3e7ca.txt');

async function iki(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('iki extract', () => {
  it('--json prints one document as contract JSON and exits 0', async () => {
    const r = await iki(['extract', seed, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; sections: unknown[] };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.sections.length).toBeGreaterThan(5);
  });

  it('--out writes one file per input; a failed file is reported and the others still processed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iki-cli-'));
    const empty = join(dir, 'kosong.txt');
    writeFileSync(empty, '');
    const out = join(dir, 'out');
    const r = await iki(['extract', seed, empty, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kosong\.txt: .*empty/);
    expect(readdirSync(out)).toEqual(['001_5e37c471fde3e7ca.json']);
    expect(
      JSON.parse(readFileSync(join(out, '001_5e37c471fde3e7ca.json'), 'utf8')).sections.length,
    ).toBeGreaterThan(5);
  });

  it('help reads like a Unix tool and lists the flag codes', async () => {
    const r = await iki(['extract', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: iki extract');
    expect(r.stdout).toContain('TARGET_EXCEEDS_100_PERCENT');
    expect((await iki(['--help'])).stdout).toContain('extract');
  });

  it('bad usage exits 2', async () => {
    const r = await iki(['extract']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
