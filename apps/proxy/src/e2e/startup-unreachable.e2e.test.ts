import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROXY_SRC = join(__dirname, '..');
const REGISTER_TS = require.resolve('@tollgate/testing/register-ts.cjs');
/**
 * How long the test waits for the proxy to give up before it kills it: the bound that matters is the proxy's own
 * (its message says "after 3 s"); the wall clock here also pays for compiling the sources, which a loaded machine
 * stretches, so it is only asserted as "gave up by itself".
 */
const PATIENCE_MS = 20_000;
const STARTUP_TIMEOUT_MS = 3_000;

interface Exit {
  code: number | null;
  afterMs: number;
  stdout: string;
  stderr: string;
  killed: boolean;
}

/** Runs the proxy program (its TypeScript sources) with `env` until it exits or PATIENCE_MS pass. */
async function runProxy(env: Record<string, string>): Promise<Exit> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-startup-'));
  const configPath = join(dir, 'config.yaml');
  await writeFile(configPath, 'model_list:\n  - model_name: offline\n    litellm_params:\n      model: mock/gpt-4o\ngeneral_settings:\n  master_key: sk-startup-test\n');
  const startedAt = Date.now();
  const child = spawn(
    process.execPath,
    ['--conditions=@tollgate/source', '-r', REGISTER_TS, join(PROXY_SRC, 'main.ts'), '--config', configPath, '--port', '0'],
    {
      env: { PATH: process.env['PATH'] ?? '', TOLLGATE_DB: join(dir, 'tollgate.db'), TOLLGATE_STARTUP_TIMEOUT_MS: String(STARTUP_TIMEOUT_MS), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  let killed = false;
  const patience = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, PATIENCE_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(patience);
  await rm(dir, { recursive: true, force: true });
  return { code, afterMs: Date.now() - startedAt, stdout, stderr, killed };
}

describe('start-up with a store that cannot be reached', () => {
  it('an unreachable Redis: one line on stderr and a non-zero exit after the bounded wait, no ioredis error spam', async () => {
    const exit = await runProxy({ REDIS_URL: 'redis://:hunter2@127.0.0.1:1' });
    console.log(`unreachable Redis: ${exit.killed ? `still running after ${PATIENCE_MS} ms` : `exited ${exit.code} after ${exit.afterMs} ms`}; stderr lines: ${exit.stderr.trim().split('\n').length}`);
    expect(exit.killed).toBe(false);
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tollgate proxy cannot start: Redis .*127\.0\.0\.1:1 is unreachable after 3 s: .*ECONNREFUSED/)]);
    expect(exit.stderr + exit.stdout).not.toMatch(/Unhandled error event|hunter2/);
  }, 30_000);

  it('an unreachable PostgreSQL: one line on stderr and a non-zero exit after the bounded wait', async () => {
    const exit = await runProxy({ DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/test' });
    console.log(`unreachable PostgreSQL: ${exit.killed ? `still running after ${PATIENCE_MS} ms` : `exited ${exit.code} after ${exit.afterMs} ms`}; stderr: ${exit.stderr.trim().slice(0, 300)}`);
    expect(exit.killed).toBe(false);
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tollgate proxy cannot start: the database at postgres:\/\/127\.0\.0\.1:1 is unreachable after 3 s/)]);
    expect(exit.stderr + exit.stdout).not.toMatch(/hunter2/);
  }, 30_000);
});
