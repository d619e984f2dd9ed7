import { readFileSync } from 'node:fs';
import { extractFile } from '../src/pipeline/extract-file.js';
const full = readFileSync('fixtures/seeds/001_5e37c471fde3e7ca.txt', 'utf8');
for (const n of [1500, 3000, 6000]) {
  const b = Buffer.from(full.slice(0, n));
  for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await extractFile(b, { fileName: 'x.txt' }); console.log(n, i, (performance.now()-t).toFixed(0), r.sections.length, r.sections[0]?.indikator.length); }
}
