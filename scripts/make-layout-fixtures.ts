/**
 * fixtures/layout/*.txt: `pdftotext -layout` renderings of the generated PDF fixtures (poppler's
 * space-aligned text, a format archives hold). Needs Debian's poppler-utils.
 *   npx tsx scripts/make-layout-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pdfDir = join(root, 'fixtures/pdf');
const outDir = join(root, 'fixtures/layout');
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(pdfDir)) {
  if (!f.endsWith('.pdf') || f.includes('encrypted')) continue;
  execFileSync('pdftotext', ['-layout', join(pdfDir, f), join(outDir, f.replace(/\.pdf$/, '.txt'))]);
}
