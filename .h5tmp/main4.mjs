import { Worker } from 'node:worker_threads';
const w = new Worker(new URL('./thread2.mjs', import.meta.url));
w.on('exit', () => console.log('exit'));
