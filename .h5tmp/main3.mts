import { Piscina } from 'piscina';
import { readFileSync } from 'node:fs';
const n = Number(process.argv[2] ?? 1);
let t = performance.now();
const pool = new Piscina({ filename: new URL('./thread.mjs', import.meta.url).href, maxThreads: n, minThreads: n });
const b = readFileSync('fixtures/seeds/000_7b2aa8f5eb30b1d2.txt');
const r = await Promise.all(Array.from({length:n}, () => pool.run({ bytes: b, name: 'x.txt' })));
console.log(n, r, (performance.now() - t).toFixed(0));
await pool.close();
