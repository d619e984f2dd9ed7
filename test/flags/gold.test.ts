/**
 * The flag rules against the gold files: for every gold section, the (code, path) set of our
 * flags equals the gold's, leaving out SPELLING_VARIANT (src/spelling/) and UNPARSED_TEXT (which
 * depends on what the extractor could not place, not on the section's fields).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedFile } from '../../src/contract/schema.js';
import { flagSection } from '../../src/flags/index.js';
import { draftFromGold } from './gold-draft.js';

const GOLD_DIR = join(import.meta.dirname, '../../fixtures/gold');
const EXCLUDED = new Set(['SPELLING_VARIANT', 'UNPARSED_TEXT']);

/**
 * Gold flags we believe contradict the contract, as "file#section code path" with the reason.
 * Listed here rather than special-cased in the rules.
 */
const GOLD_DISAGREEMENTS: Record<string, string> = {};

/** Gold rows carry no provenance (it is not scored); the schema wants one. */
function withProvenance(raw: { sections: { indikator: Record<string, unknown>[] }[] }): unknown {
  for (const section of raw.sections) {
    for (const row of section.indikator) row.provenance ??= { page: null, bbox: null };
  }
  return raw;
}

const files = readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json'));

describe('flags agree with gold', () => {
  const tally = { gold: 0, ours: 0, agreed: 0 };

  for (const file of files) {
    it(file, () => {
      const gold = ExtractedFile.parse(
        withProvenance(JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8'))),
      );
      gold.sections.forEach((section, s) => {
        const key = (f: { code: string; path: string | null }) => `${file}#${s} ${f.code} ${f.path}`;
        const expected = section.flags.filter((f) => !EXCLUDED.has(f.code)).map(key);
        const actual = flagSection(draftFromGold(section)).map(key);
        const known = (k: string) => k in GOLD_DISAGREEMENTS;
        tally.gold += expected.length;
        tally.ours += actual.length;
        tally.agreed += actual.filter((k) => expected.includes(k)).length;
        expect(
          actual.filter((k) => !expected.includes(k) && !known(k)),
          'flags gold lacks',
        ).toEqual([]);
        expect(
          expected.filter((k) => !actual.includes(k) && !known(k)),
          'gold flags we miss',
        ).toEqual([]);
        // Gold lists a section's flags by row, then signature blocks, then the date line.
        const shared = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k));
        expect(shared(actual, expected), 'order').toEqual(shared(expected, actual));
      });
    });
  }

  it('reports the agreement', () => {
    console.log(`flags vs gold: ${tally.agreed} agreed; gold ${tally.gold}, ours ${tally.ours}`);
    expect(tally.gold).toBeGreaterThan(0);
    expect(tally.agreed).toBe(tally.gold - Object.keys(GOLD_DISAGREEMENTS).length);
  });
});
