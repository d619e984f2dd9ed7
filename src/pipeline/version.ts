/**
 * The extractor's version, recorded with every extraction run. In a module of its own so that
 * processes which only store results or drive the queue (a queue worker's main thread, the CLI)
 * need not load the extractor to know it.
 */
export const EXTRACTOR_VERSION = '0.1.0';
