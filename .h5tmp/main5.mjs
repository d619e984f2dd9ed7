let t0 = performance.now();
const { register } = await import('tsx/esm/api'); register();
console.error('register', (performance.now() - t0).toFixed(0)); t0 = performance.now();
await import('natural');
console.error('natural', (performance.now() - t0).toFixed(0)); t0 = performance.now();
await import('pdfjs-dist/legacy/build/pdf.mjs');
console.error('pdfjs', (performance.now() - t0).toFixed(0)); t0 = performance.now();
await import('./task.ts');
console.error('task', (performance.now() - t0).toFixed(0)); t0 = performance.now();
