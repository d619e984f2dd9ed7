/**
 * String distance from `natural` (Damerau-Levenshtein), loaded through require: natural ships
 * TypeScript sources that do not compile under this project's strict ESM settings, so its
 * types are declared here for the one function we use.
 */
import { createRequire } from 'node:module';

interface NaturalDistance {
  DamerauLevenshteinDistance(a: string, b: string, opts?: { transposition_cost?: number }): number;
  JaroWinklerDistance(a: string, b: string): number;
}

// natural loads dotenv, which would print a banner on stdout and corrupt `iki extract --json`.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const natural = createRequire(import.meta.url)('natural') as NaturalDistance;

export function damerauLevenshtein(a: string, b: string): number {
  return natural.DamerauLevenshteinDistance(a, b);
}

export function jaroWinkler(a: string, b: string): number {
  return natural.JaroWinklerDistance(a, b);
}
