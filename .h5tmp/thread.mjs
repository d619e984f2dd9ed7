import { register } from 'tsx/esm/api';
register();
const mod = await import('./task.ts');
export default mod.default;
