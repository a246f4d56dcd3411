#!/usr/bin/env node
// Runs the TypeScript CLI with Node's own type stripping (Node >= 22.18).
import '../src/cli/main.ts';
