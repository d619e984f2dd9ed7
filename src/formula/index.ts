/** Formula normalisation: `formulasi` text → the contract's `formula` (kind, numerator, denominator, …). */
export { normaliseFormula, PERCENT_SCALE } from './normalise.js';
export { latexToPlain, hasLatex } from './latex.js';
