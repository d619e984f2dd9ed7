/** `iki ingest`: placeholder registered by the CLI until its implementation lands. */
import type { Command } from 'commander';

export function register(_program: Command): void {}
