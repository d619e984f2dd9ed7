import { register } from 'tsx/esm/api';
const t0 = performance.now();
register();
const mod = await import('./task.ts');
console.error('thread import ms', (performance.now() - t0).toFixed(0));
export default mod.default;
