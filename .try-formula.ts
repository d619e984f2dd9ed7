import { readFileSync, readdirSync } from 'node:fs';
import { normaliseFormula } from './src/formula/index.js';
let ok = 0, n = 0;
for (const f of readdirSync('/work/main/fixtures/gold')) {
  const j = JSON.parse(readFileSync('/work/main/fixtures/gold/' + f, 'utf8'));
  j.sections.forEach((s: any, si: number) => s.indikator.forEach((r: any, ri: number) => {
    n++;
    const got = normaliseFormula(r.formulasi);
    const norm = (x: any) => x === null ? null : JSON.stringify([x.kind, x.numerator, x.denominator, x.scale, x.unit, x.expression]);
    if (norm(got) === norm(r.formula)) ok++;
    else console.log(f, si, ri, JSON.stringify(r.formulasi), '\n  want', JSON.stringify(r.formula), '\n  got ', JSON.stringify(got));
  }));
}
console.log(ok, '/', n);
