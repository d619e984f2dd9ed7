// Entry of a pool thread (src/runner/pool.ts). A worker thread does not inherit the parent's
// module hooks, so it registers tsx itself before importing the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { runThreadTask } = await import('../src/runner/thread-task.ts');

export default runThreadTask;
