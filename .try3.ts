import { normaliseFormula, latexToPlain } from './src/formula/index.js';
import { tokenize } from './src/formula/tokens.js';
const SIZE = 100_000;
const fill = (u: string) => u.repeat(Math.ceil(SIZE / u.length)).slice(0, SIZE);
for (const [n, s] of [['balanced', fill('\\frac{a}{b} ')], ['slashes', fill('a/')], ['words', fill('kata lain ')]] as const) {
  let t = performance.now(); latexToPlain(s); const a = performance.now() - t;
  t = performance.now(); tokenize(s); const b = performance.now() - t;
  t = performance.now(); normaliseFormula(s); const c = performance.now() - t;
  console.log(n, a.toFixed(1), b.toFixed(1), c.toFixed(1));
}
