/**
 * `npm run eval`: run the extractor on every fixture that has a gold file and print the
 * field-group scores of the shared scorer (../shared/tools/score.mjs; scripts/score.mjs is a
 * verbatim copy used when shared/ is absent).
 *
 *   npm run eval [-- --verbose] [-- --json] [-- --set=seeds,pdf,other,scans]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../src/pipeline/extract-file.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(root, 'fixtures/gold');
const sets = ['seeds', 'pdf', 'layout', 'office', 'other', 'scans'];
const only = process.argv.find((a) => a.startsWith('--set='))?.slice('--set='.length);
const inputDirs = sets
  .filter((s) => !only || only.split(',').includes(s))
  .map((s) => join(root, 'fixtures', s));
const shared = resolve(root, '../shared/tools/score.mjs');
const scorer = existsSync(shared) ? shared : join(root, 'scripts/score.mjs');

/**
 * The gold of a generated fixture: beside it, or that of the PDF it was made from
 * ("-bordered-mixed" is a scan of "-bordered"), the longest variant name first.
 */
function sidecarGold(dir: string, id: string, variant: string): string {
  const parts = variant.split('-').filter(Boolean);
  for (let k = parts.length; k > 0; k--) {
    const name = `${id}-${parts.slice(0, k).join('-')}.gold.json`;
    for (const d of [dir, join(root, 'fixtures/pdf')]) if (existsSync(join(d, name))) return join(d, name);
  }
  return join(dir, `${id}${variant}.gold.json`);
}

const out = mkdtempSync(join(tmpdir(), 'iki-eval-'));
const pairs: string[] = [];
for (const dir of inputDirs) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    // fixtures/other: forms in other offices' layouts, each with its gold beside it.
    if (basename(dir) === 'other') {
      const own = join(dir, f.replace(/\.[a-z]+$/, '.gold.json'));
      if (!f.endsWith('.json') && existsSync(own)) await extractAndPair(dir, f, own);
      continue;
    }
    const m = /^(\d{3}_[0-9a-f]{16})(-[a-z0-9-]+?)?\.[a-z]+$/.exec(f);
    const id = m?.[1];
    if (!id || f.endsWith('.json') || f.endsWith('.md') || !existsSync(join(goldDir, `${id}.json`))) continue;
    // A generated fixture prints only some sections: its sidecar gold says which.
    const sidecar = sidecarGold(dir, id, m?.[2] ?? '');
    if (m?.[2] && !dir.endsWith('seeds') && !existsSync(sidecar)) continue; // a bad-input fixture
    const goldPath = m?.[2] && existsSync(sidecar) ? sidecar : join(goldDir, `${id}.json`);
    await extractAndPair(dir, f, goldPath);
  }
}

/** Extracts `dir/f` and queues it for the scorer beside its gold. */
async function extractAndPair(dir: string, f: string, goldPath: string): Promise<void> {
  const bytes = readFileSync(join(dir, f));
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { source: { file: string } };
  let pred: unknown = null;
  try {
    pred = await extractFile(bytes, { fileName: gold.source.file });
  } catch (err) {
    process.stderr.write(`eval: ${f}: ${(err as Error).message}\n`);
  }
  const predPath = join(out, `${basename(dir)}-${f}.json`);
  writeFileSync(predPath, JSON.stringify(pred));
  pairs.push(goldPath, predPath);
  process.stdout.write(`${basename(dir)}/${f}\n`);
}
const extra = process.argv.slice(2).filter((a) => a === '--verbose' || a === '--json');
process.stdout.write(execFileSync(process.execPath, [scorer, ...pairs, ...extra], { encoding: 'utf8' }));
