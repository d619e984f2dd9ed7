/**
 * Formula normalisation: the `formulasi` text of one indicator row → the contract's `formula`
 * (output-contract.md, "Normalised formula kinds" and "Formula (`formula`)").
 *
 *   ratio  an explicit division (see division.ts), optionally scaled ("x 100 %", see scale.ts);
 *   sum    any other arithmetic;
 *   score  a value read from an assessment ("Nilai …", "Indeks …", "Hasil Survey …");
 *   count  a plain count ("Jumlah …", "Banyaknya …");
 *   text   anything else.
 *
 * The canonical expression of a ratio is "A / B", or "(A / B) × 100%" when scaled; when the formula
 * is printed in LaTeX, the rendered numerator and denominator stand in place of A and B (the gold
 * files do so: a LaTeX formula is a real expression, a prose one only a template).
 */
import type { Formula } from '../contract/schema.js';
import { findDivision } from './division.js';
import { focusFormula } from './focus.js';
import { hasArithmetic, isCount, isScore } from './kinds.js';
import { findSingleFraction, hasLatex, latexToPlain, type SingleFraction } from './latex.js';
import { findScale, stripUnitMarker } from './scale.js';
import { PLACEHOLDER, span, spanText, tokenize, trimSpan, type Span, type TokenList } from './tokens.js';
import { PERCENT_WORDS } from './vocabulary.js';

/** The scale that makes a ratio a percentage. */
export const PERCENT_SCALE = 100;

/** Stands in for a printed placeholder character, so that it stays text. */
const REPLACEMENT_CHARACTER = '\uFFFD';

const nothing = { numerator: null, denominator: null, scale: null, unit: null, expression: null } as const;

function ratio(
  numerator: string,
  denominator: string,
  scale: number | null,
  percentPrinted: boolean,
  latex: boolean,
): Formula {
  const unit = scale === PERCENT_SCALE || percentPrinted ? '%' : null;
  const base = latex ? `${numerator} / ${denominator}` : 'A / B';
  const expression = scale === null ? base : `(${base}) × ${scale}${scale === PERCENT_SCALE ? '%' : ''}`;
  return { kind: 'ratio', numerator, denominator, scale, unit, expression };
}

function hasPercent(list: TokenList): boolean {
  return list.tokens.some((t) => t.kind === 'percent' || (t.kind === 'word' && PERCENT_WORDS.has(t.lower)));
}

interface Parsed {
  readonly list: TokenList;
  /** The formula proper: without label, defined name and explanation of symbols. */
  readonly focused: Span;
  /** The formula without its scale, trimmed. */
  readonly core: Span;
  readonly scale: number | null;
}

function parse(plain: string): Parsed {
  const list = tokenize(plain);
  const focused = focusFormula(list, span(0, list.tokens.length));
  const scaled = findScale(list, focused);
  const core = trimSpan(list, stripUnitMarker(list, trimSpan(list, scaled?.rest ?? focused)));
  return { list, focused, core, scale: scaled?.scale ?? null };
}

/** A plain-text formula (LaTeX already rendered when `latex`). */
function normalisePlain(plain: string, latex: boolean): Formula {
  const { list, focused, core, scale } = parse(plain);
  const division = findDivision(list, core, { scaled: scale !== null });
  if (division !== null) {
    const numerator = spanText(list, division.numerator);
    const denominator = spanText(list, division.denominator);
    return ratio(numerator, denominator, scale, hasPercent(list), latex);
  }
  const text = spanText(list, focused);
  if (hasArithmetic(list, focused)) return { kind: 'sum', ...nothing, numerator: text, expression: text };
  if (isScore(list, focused)) return { kind: 'score', ...nothing };
  if (isCount(list, focused)) return { kind: 'count', ...nothing, numerator: text, expression: text };
  return { kind: 'text', ...nothing };
}

/**
 * A LaTeX formula built around one `\frac{A}{B}`: a ratio when all else is a scale, a label or a
 * defined name; null when something else (arithmetic, text) surrounds the fraction.
 */
function normaliseFraction(fraction: SingleFraction): Formula | null {
  const numerator = latexToPlain(fraction.numerator);
  const denominator = latexToPlain(fraction.denominator);
  if (numerator === '' || denominator === '') return null;
  const rest = `${latexToPlain(fraction.before)} ${PLACEHOLDER} ${latexToPlain(fraction.after)}`;
  const { list, core, scale } = parse(rest);
  if (core.to - core.from !== 1 || list.tokens[core.from]?.kind !== 'placeholder') return null;
  const percentPrinted = hasPercent(list) || numerator.endsWith('%') || denominator.endsWith('%');
  return ratio(numerator, denominator, scale, percentPrinted, true);
}

/**
 * Normalises the cleaned `formulasi` text of one row (markup removed, lines joined, LaTeX as
 * printed). Returns null when there is no formula text.
 */
export function normaliseFormula(formulasi: string | null): Formula | null {
  if (formulasi === null) return null;
  // The placeholder character is ours: one printed in the cell would pose as a fraction.
  const text = formulasi.replaceAll(PLACEHOLDER, REPLACEMENT_CHARACTER).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  if (!hasLatex(text)) return normalisePlain(text, false);
  const fraction = findSingleFraction(text);
  return (fraction === null ? null : normaliseFraction(fraction)) ?? normalisePlain(latexToPlain(text), true);
}
