/**
 * normaliseFormula against every row of every gold file: kind, numerator, denominator, scale, unit
 * and expression must match exactly, except where a gold value contradicts the contract (listed
 * below with the reason; for those rows the contract's value is asserted instead).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Formula } from '../../src/contract/schema.js';
import { normaliseFormula } from '../../src/formula/index.js';

const GOLD_DIR = new URL('../../fixtures/gold/', import.meta.url);

/** The part of a gold file this test reads (gold files carry no provenance, so not the full schema). */
const GoldFile = z.object({
  sections: z.array(
    z.object({
      indikator: z.array(z.object({ formulasi: z.string().nullable(), formula: Formula.nullable() })),
    }),
  ),
});

interface GoldRow {
  key: string;
  formulasi: string | null;
  formula: Formula | null;
}

function loadGoldRows(): GoldRow[] {
  const rows: GoldRow[] = [];
  for (const file of readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const gold = GoldFile.parse(JSON.parse(readFileSync(new URL(file, GOLD_DIR), 'utf8')));
    gold.sections.forEach((section, s) =>
      section.indikator.forEach((row, r) =>
        rows.push({ key: `${file} s${s} r${r}`, formulasi: row.formulasi, formula: row.formula }),
      ),
    );
  }
  return rows;
}

/**
 * Gold values that contradict the contract. The contract's canonical expression of an unscaled
 * ratio is "A / B" ("(A / B) × 100%" only wraps A / B because it is then multiplied), and ten other
 * unscaled ratios in the gold ("… dibanding (dengan) …") read "A / B"; these two rows, phrased
 * "Membandingkan A dan B", read "(A / B)". Nothing in the contract makes "membandingkan" differ
 * from "dibanding", so the contract's form is asserted for them.
 */
const CONTRADICTIONS: ReadonlyMap<string, { expression: string; reason: string }> = new Map([
  [
    '004_a55da81a764d711e.json s0 r1',
    { expression: 'A / B', reason: 'gold "(A / B)" for an unscaled "Membandingkan A dan B" ratio' },
  ],
  [
    '004_a55da81a764d711e.json s0 r2',
    { expression: 'A / B', reason: 'gold "(A / B)" for an unscaled "Membandingkan A dan B" ratio' },
  ],
]);

const rows = loadGoldRows();

function agrees(got: Formula | null, want: Formula | null): boolean {
  if (got === null || want === null) return got === want;
  return (
    got.kind === want.kind &&
    got.numerator === want.numerator &&
    got.denominator === want.denominator &&
    got.scale === want.scale &&
    got.unit === want.unit &&
    got.expression === want.expression
  );
}

describe('normaliseFormula against the gold files', () => {
  it('finds gold rows to check', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it.each(rows.map((r) => [r.key, r] as const))('%s', (_key, row) => {
    const got = normaliseFormula(row.formulasi);
    const contradiction = CONTRADICTIONS.get(row.key);
    if (row.formula === null || got === null) {
      expect(got).toEqual(row.formula);
      return;
    }
    expect({
      kind: got.kind,
      numerator: got.numerator,
      denominator: got.denominator,
      scale: got.scale,
      unit: got.unit,
    }).toEqual({
      kind: row.formula.kind,
      numerator: row.formula.numerator,
      denominator: row.formula.denominator,
      scale: row.formula.scale,
      unit: row.formula.unit,
    });
    expect(got.expression).toBe(contradiction?.expression ?? row.formula.expression);
  });

  it('agrees with every gold row except the listed contradictions', () => {
    const agreeing = rows.filter((r) => agrees(normaliseFormula(r.formulasi), r.formula)).length;
    console.info(`formula agreement with gold: ${agreeing}/${rows.length} rows`);
    expect(agreeing).toBe(rows.length - CONTRADICTIONS.size);
  });
});
