/**
 * SPELLING_VARIANT against the gold files: spellingFlags over each gold section (its own flags
 * dropped, its rows' text kept), compared as (path, suggestion) pairs with the gold's
 * SPELLING_VARIANT flags. Prints precision and recall; fails when either drops below its floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../src/contract/schema.js';
import { emptyMeta, type SectionDraft } from '../../src/ir/section.js';
import {
  buildDocumentVocabulary,
  createSpellChecker,
  spellingFlags,
  type SpellChecker,
} from '../../src/spelling/index.js';

const GOLD_DIR = join(import.meta.dirname, '../../fixtures/gold');

/** Floors under the measured figures (1.00 / 0.86 when written): a drop means a regression. */
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.8;

function draft(section: Section): SectionDraft {
  const { flags: _flags, ...rest } = section;
  return { ...rest, meta: emptyMeta() };
}

/** Every text of a document, as the pipeline would pass it to buildDocumentVocabulary. */
function documentTexts(sections: Section[]): string[] {
  const out: string[] = [];
  for (const s of sections) {
    out.push(s.title ?? '', s.jabatan ?? '', s.unitKerja ?? '', ...s.tugas, ...s.fungsi);
    for (const r of s.indikator) {
      out.push(r.sasaran ?? '', r.indikator ?? '', r.formulasi ?? '', r.penanggungJawab ?? '');
      out.push(...r.penjelasan, ...r.sumberData);
    }
  }
  return out;
}

describe('SPELLING_VARIANT vs gold', () => {
  let checker: SpellChecker;
  beforeAll(() => {
    checker = createSpellChecker();
  });

  it('finds the gold misspellings with their corrections', () => {
    expect(checker.warnings).toEqual([]); // the hunspell-id dictionary must be installed for this test
    let tp = 0;
    const falsePositives: string[] = [];
    const misses: string[] = [];
    for (const name of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json'))) {
      // Read as is (not schema-parsed): only the row texts and flags are used here.
      const gold = JSON.parse(readFileSync(join(GOLD_DIR, name), 'utf8')) as { sections: Section[] };
      const vocabulary = buildDocumentVocabulary(documentTexts(gold.sections));
      gold.sections.forEach((section, si) => {
        const want = new Set(
          section.flags.filter((f) => f.code === 'SPELLING_VARIANT').map((f) => `${f.path}|${f.suggestion}`),
        );
        const got = spellingFlags(draft(section), checker, vocabulary);
        for (const f of got) {
          expect(f).toMatchObject({ code: 'SPELLING_VARIANT', severity: 'info' });
          const key = `${f.path}|${f.suggestion}`;
          if (want.has(key)) tp++;
          else falsePositives.push(`${name} s${si} ${key}: ${f.message}`);
        }
        const gotKeys = new Set(got.map((f) => `${f.path}|${f.suggestion}`));
        for (const key of want) if (!gotKeys.has(key)) misses.push(`${name} s${si} ${key}`);
      });
    }
    const precision = tp / (tp + falsePositives.length);
    const recall = tp / (tp + misses.length);
    console.log(
      `spelling vs gold: tp=${tp} fp=${falsePositives.length} fn=${misses.length} ` +
        `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`,
    );
    if (falsePositives.length) console.log(`false positives:\n  ${falsePositives.join('\n  ')}`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
