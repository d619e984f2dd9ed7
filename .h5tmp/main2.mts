import { Piscina } from 'piscina';
import { readFileSync } from 'node:fs';
let t = performance.now();
const pool = new Piscina({ filename: new URL('./thread.mjs', import.meta.url).href, maxThreads: 2, minThreads: 2 });
const b = readFileSync('fixtures/pdf/001_5e37c471fde3e7ca-borderless.pdf');
const s = readFileSync('fixtures/seeds/000_7b2aa8f5eb30b1d2.txt');
for (let round = 0; round < 4; round++) {
  t = performance.now();
  const r = await Promise.all([1,2].map(() => pool.run({ bytes: round % 2 ? s : b, name: round % 2 ? 'x.txt' : 'x.pdf' })));
  console.log(round, r, (performance.now() - t).toFixed(0));
}
await pool.close();
