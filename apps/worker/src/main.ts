#!/usr/bin/env node
// The `tollgate-worker` program (see README.md): everything but reading the process's arguments lives in run-worker-cli.
import { runWorkerCli } from './cli/run-worker-cli.js';

void runWorkerCli({ argv: process.argv.slice(2), env: process.env });
