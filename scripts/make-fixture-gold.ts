/**
 * Writes fixtures/pdf/<seed>-<variant>.gold.json: the seed's gold file restricted to the sections
 * that variant prints. Derived data, never edited by hand: `npx tsx scripts/make-fixture-gold.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VARIANTS } from './fixture-variants.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const v of VARIANTS) {
  // The encrypted PDF is a bad-input fixture: it must fail, so it has no gold.
  if (v.encrypt) continue;
  const gold = JSON.parse(readFileSync(join(root, 'fixtures/gold', `${v.seed}.json`), 'utf8')) as {
    sections: unknown[];
    flags: unknown[];
  };
  const subset = { ...gold, sections: v.sections.map((i) => gold.sections[i]), flags: [] };
  writeFileSync(
    join(root, 'fixtures/pdf', `${v.seed}-${v.name}.gold.json`),
    `${JSON.stringify(subset, null, 2)}\n`,
  );
}
