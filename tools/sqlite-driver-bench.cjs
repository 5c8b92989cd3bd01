#!/usr/bin/env node
// Compares better-sqlite3 (the ledger's driver) with Node's built-in node:sqlite (Node >= 22.13) on the ledger's
// settings: WAL, synchronous=NORMAL, a file on disk. Measures single-row commits and 100-row commits.
// Usage: node tools/sqlite-driver-bench.cjs [rows]   (node:sqlite is skipped where this Node has none)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const rows = Number(process.argv[2] ?? 20000);
const BetterSqlite = require(require.resolve('better-sqlite3', { paths: [path.join(__dirname, '..', 'packages', 'ledger')] }));
let nodeSqlite;
try {
  nodeSqlite = require('node:sqlite');
} catch {
  nodeSqlite = undefined;
}

function open(kind, file) {
  const db = kind === 'better-sqlite3' ? new BetterSqlite(file) : new nodeSqlite.DatabaseSync(file);
  for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000']) db.exec(`pragma ${pragma}`);
  db.exec('create table spend (id integer primary key, key_id text not null, cost_nano integer not null, at text not null)');
  return db;
}

function run(kind) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-driver-bench-'));
  try {
    const db = open(kind, path.join(dir, 'bench.db'));
    const insert = db.prepare('insert into spend (key_id, cost_nano, at) values (?, ?, ?)');
    const begin = db.prepare('begin');
    const commit = db.prepare('commit');
    const timed = (perCommit) => {
      const started = process.hrtime.bigint();
      for (let row = 0; row < rows; row += perCommit) {
        begin.run();
        for (let index = 0; index < perCommit; index += 1) insert.run(`key-${row % 97}`, 1234567 + index, '2026-12-07T00:00:00Z');
        commit.run();
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return Math.round(rows / seconds);
    };
    const single = timed(1);
    const batched = timed(100);
    db.close();
    console.log(`${kind.padEnd(14)} ${String(single).padStart(8)} rows/s one row per commit, ${String(batched).padStart(8)} rows/s 100 rows per commit`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Node ${process.version}, ${rows} rows, WAL + synchronous=NORMAL`);
run('better-sqlite3');
if (nodeSqlite) run('node:sqlite');
else console.log('node:sqlite    not available on this Node');
