#!/usr/bin/env node
// Spend-report benchmark (issue 9): generates spend logs and their daily rollups in a private database, then times
// the ledger calls behind `/global/spend/report` and `/spend/logs` for one key over 30 days. See ../README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openLedgerDatabase } from '@tollgate/ledger';
import { sql } from 'kysely';
import { describeDatabase, openBenchDatabase } from './bench-database.mjs';
import { DAYS, KEYS, MODELS } from './bench-shape.mjs';
import { loadSpendData } from './load-spend-data.mjs';
import { renderTable, TABLE_LEGEND } from './render-table.mjs';
import { parseReportBenchArgs, REPORT_BENCH_USAGE } from './report-bench-options.mjs';
import { reportScenarios } from './report-scenarios.mjs';
import { timeScenario } from './time-scenario.mjs';

const TOOL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.log(line);

/** Databases to drop if the run is interrupted: each entry disposes one. */
const pendingDisposals = new Set();
let exiting = false;
async function exitAfterCleanup(code, message) {
  if (exiting) return;
  exiting = true;
  if (message) console.error(message);
  for (const dispose of pendingDisposals) await dispose().catch((error) => console.error(`cleanup failed: ${error.message}`));
  process.exit(code);
}
process.on('SIGINT', () => exitAfterCleanup(130, '\ninterrupted: dropping the bench database'));
process.on('SIGTERM', () => exitAfterCleanup(143, 'terminated: dropping the bench database'));

async function benchEngine(engine, options) {
  const database = await openBenchDatabase({ engine, databaseUrl: options.databaseUrl, reuse: options.reuse });
  const dispose = () => database.dispose({ keep: options.keep });
  pendingDisposals.add(dispose);
  let db;
  try {
    log(`\n${engine}: ${database.created ? 'created' : 'reusing'} ${database.name}`);
    db = await openLedgerDatabase({ url: database.url });
    let load = null;
    if (database.created) {
      log(`loading ${options.rows.toLocaleString('en-US')} spend-log rows (${DAYS} days x ${KEYS} keys x ${MODELS.length} models) and their daily rollups`);
      const started = performance.now();
      const phases = await loadSpendData(db, { engine, rows: options.rows, log });
      load = { seconds: Math.round(performance.now() - started) / 1000, phases };
      log(`  loaded in ${load.seconds.toFixed(1)} s`);
    }
    const rows = Number((await sql`select count(*) as count from spend_logs`.execute(db)).rows[0].count);
    const rollupRows = Number((await sql`select count(*) as count from daily_spend`.execute(db)).rows[0].count);
    const described = await describeDatabase(db, engine);
    log(`${described.version}: ${rows.toLocaleString('en-US')} spend_logs rows, ${rollupRows.toLocaleString('en-US')} daily_spend rows`);
    const scenarios = [];
    for (const scenario of reportScenarios()) {
      const timing = await timeScenario(db, scenario, { iterations: options.iterations });
      scenarios.push({ name: scenario.name, route: scenario.route, target: scenario.target, ...timing });
      log(`  ${scenario.name}: p50 ${timing.total.median.toFixed(1)} ms, p95 ${timing.total.p95.toFixed(1)} ms (${timing.calls} calls), check ${timing.check}`);
    }
    log(`\n${engine}, ${rows.toLocaleString('en-US')} rows\n${renderTable(scenarios)}`);
    return { engine, database: { name: database.name, ...described }, rows, rollupRows, load, scenarios };
  } finally {
    await db?.destroy();
    pendingDisposals.delete(dispose);
    await dispose();
    log(options.keep ? `kept ${database.name} (reuse it with --reuse ${database.name})` : `dropped ${database.name}`);
  }
}

async function main() {
  const options = parseReportBenchArgs(process.argv.slice(2));
  if (options.help) {
    log(REPORT_BENCH_USAGE);
    return;
  }
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const engines = [];
  for (const engine of options.engines) engines.push(await benchEngine(engine, options));
  log(`\n${TABLE_LEGEND}\nload average (1 min) at start ${loadAverageAtStart[0]}, at end ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  const results = {
    startedAt: startedAt.toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version },
    // The machine is shared: a load average above the core count means the timings include waiting for a CPU.
    loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    options: { rows: options.rows, iterations: options.iterations, reuse: options.reuse ?? null },
    engines,
    targetsMet: engines.every((engine) => engine.scenarios.every((scenario) => !scenario.target || scenario.total.p95 < 100)),
    checksPassed: engines.every((engine) => engine.scenarios.every((scenario) => scenario.check === 'ok')),
  };
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const out = options.out ?? path.join(TOOL_DIR, 'results', `${stamp}-${options.engines.join('-')}-${engines[0]?.rows ?? options.rows}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results: ${path.relative(process.cwd(), out)}`);
  if (!results.checksPassed) process.exitCode = 1;
}

main().catch((error) => exitAfterCleanup(1, `fatal: ${error?.stack ?? error}`));
