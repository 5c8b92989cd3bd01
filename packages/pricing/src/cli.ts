#!/usr/bin/env node
import { runPriceCli } from './cli/run-price-cli.js';

// Entry point of the `tollgate-price` bin: prints a model's catalogue entry and the cost of a call.
process.exitCode = runPriceCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
});
