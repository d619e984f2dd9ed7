/**
 * `npm run demo`: the main job on the bundled samples with the embedded defaults. Every sample
 * document (the users' seeds, PDFs made from them, pdftotext renderings) is extracted; results
 * go to out/<name>.json and a summary table is printed. Needs no Redis and no PostgreSQL.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../src/errors.js';
import { extractFile } from '../src/pipeline/extract-file.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out');
mkdirSync(outDir, { recursive: true });
const inputs = ['seeds', 'pdf', 'layout', 'scans'].flatMap((set) => {
  const dir = join(root, 'fixtures', set);
  try {
    return readdirSync(dir)
      .filter((f) => !f.endsWith('.json') && !f.endsWith('.md'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
});

const rows: string[][] = [];
let failed = 0;
for (const path of inputs) {
  const name = `${basename(dirname(path))}/${basename(path)}`;
  const t0 = performance.now();
  try {
    const r = await extractFile(readFileSync(path), { fileName: basename(path) });
    const ms = performance.now() - t0;
    const nRows = r.sections.reduce((n, s) => n + s.indikator.length, 0);
    const nFlags = r.sections.reduce((n, s) => n + s.flags.length, 0) + r.flags.length;
    writeFileSync(
      join(outDir, `${basename(path, extname(path))}.${basename(dirname(path))}.json`),
      JSON.stringify(r, null, 2),
    );
    rows.push([
      name,
      r.source.extraction,
      String(r.sections.length),
      String(nRows),
      String(nFlags),
      ms.toFixed(0),
      'ok',
    ]);
  } catch (err) {
    failed++;
    rows.push([
      name,
      '-',
      '-',
      '-',
      '-',
      (performance.now() - t0).toFixed(0),
      `FAILED: ${describeError(err)}`,
    ]);
  }
}
const head = ['file', 'read as', 'forms', 'rows', 'flags', 'ms', 'status'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(
  `\n${inputs.length} files, ${inputs.length - failed} extracted, ${failed} failed; results in out/`,
);
console.log('(the encrypted PDF is a bad-input sample: it is expected to fail with a clear reason)');
