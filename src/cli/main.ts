#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// The CLI loads some 300 modules, whose type stripping and compiling take about a third of a second
// of a check: kept in Node's compile cache, as Astro keeps its own, every later run starts that much
// sooner. Not in CI, as Astro does not: a fresh runner would write a cache it never reads.
if (!process.env['CI']) enableCompileCache();
await import('./command-line.ts');
