#!/usr/bin/env node
// Runs the compiled sources (dist/, `npm run build`) when they are up to date, else the
// TypeScript sources through tsx, so a checkout works without a build step.
import { importSource } from '../workers/load-sources.mjs';

const { main } = await importSource('cli/main');
await main(process.argv);
