// Command-line options of the report benchmark.
import { parseArgs } from 'node:util';

export const REPORT_BENCH_USAGE = `usage: node tools/report-bench/src/run-report-bench.mjs [options]
  --rows N               spend-log rows to generate (default 10000000)
  --engines LIST         postgres, sqlite or both, comma-separated (default postgres)
  --iterations N         timed calls per scenario, after 3 warm-up calls (default 20)
  --database-url URL     PostgreSQL server to create the bench database on, loopback only
                         (default $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
  --reuse NAME|PATH      skip creating and loading: use a database kept by an earlier --keep run
                         (PostgreSQL database name, or SQLite file path); pending migrations still run
  --keep                 don't drop the database (or delete the SQLite file) at the end
  --out FILE             results JSON (default tools/report-bench/results/<time>-<engine>-<rows>.json)
  --help`;

/** Parsed and checked options. */
export function parseReportBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rows: { type: 'string', default: '10000000' },
      engines: { type: 'string', default: 'postgres' },
      iterations: { type: 'string', default: '20' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
      reuse: { type: 'string' },
      keep: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const rows = positiveInteger(values.rows, 'rows');
  const iterations = positiveInteger(values.iterations, 'iterations');
  const engines = values.engines.split(',').map((engine) => engine.trim()).filter(Boolean);
  for (const engine of engines) if (engine !== 'postgres' && engine !== 'sqlite') throw new Error(`--engines: unknown engine ${JSON.stringify(engine)}`);
  if (engines.length === 0) throw new Error('--engines names no engine');
  if (values.reuse !== undefined && engines.length !== 1) throw new Error('--reuse needs exactly one engine');
  return { rows, iterations, engines, databaseUrl: values['database-url'], reuse: values.reuse, keep: values.keep, out: values.out, help: values.help };
}

function positiveInteger(text, name) {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}
