// Types of load-sources.mjs (for the TypeScript scripts that use it).
export function compiledIsFresh(): boolean;
export function importSource(path: string): Promise<Record<string, unknown>>;
