/**
 * String distance from `natural`. Only its distance modules are loaded: the package's entry point
 * pulls in every classifier, corpus and storage backend (and dotenv, which prints on stdout),
 * which costs seconds at start-up for two small functions.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const levenshtein = require('natural/lib/natural/distance/levenshtein_distance.js') as {
  DamerauLevenshteinDistance(a: string, b: string, opts?: { transposition_cost?: number }): number;
};
const jaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (
  a: string,
  b: string,
) => number;

export function damerauLevenshtein(a: string, b: string): number {
  return levenshtein.DamerauLevenshteinDistance(a, b);
}

export function jaroWinkler(a: string, b: string): number {
  return jaroWinklerDistance(a, b);
}
