import { Piscina } from 'piscina';
import { readFileSync } from 'node:fs';
const pool = new Piscina({ filename: new URL('./thread.mjs', import.meta.url).href, maxThreads: 2, minThreads: 2 });
const b = readFileSync('fixtures/pdf/001_5e37c471fde3e7ca-borderless.pdf');
const t = performance.now();
const r = await Promise.all([1,2,3,4].map(() => pool.run({ bytes: b, name: 'x.pdf' })));
console.log(r, performance.now() - t);
await pool.close();
