import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROXY_MAIN = join(__dirname, '..', 'main.ts');
// The worker's loader for running TypeScript sources in a child process (tests only).
const REGISTER_TS = require.resolve('@tollgate/testing/register-ts.cjs');

const DUPLICATE_IDS = `
model_list:
  - model_name: a
    litellm_params: { model: mock/gpt-4o }
    model_info: { id: x }
  - model_name: b
    litellm_params: { model: mock/gpt-4o }
    model_info: { id: y }
  - model_name: c
    litellm_params: { model: mock/gpt-4o-mini }
    model_info: { id: x }
general_settings:
  master_key: sk-config-error-test
`;

/** Runs the proxy's main with a config file; answers its exit code and output (it is killed after 20 s). */
async function runProxy(configText: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-config-error-'));
  try {
    const configPath = join(dir, 'bad.yaml');
    await writeFile(configPath, configText);
    // Embedded mode in the temp dir: whatever Redis or PostgreSQL the test run has is not this proxy's.
    const { REDIS_URL: _redis, DATABASE_URL: _database, ...env } = process.env;
    const child = spawn(process.execPath, ['--conditions=@tollgate/source', '-r', REGISTER_TS, PROXY_MAIN, '--config', configPath, '--port', '0'], {
      cwd: dir,
      env: { ...env, TOLLGATE_DB: join(dir, 'tollgate.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return { code, stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a config with a duplicate deployment id', () => {
  it('stops the proxy with one clean line naming the field, and a non-zero exit', async () => {
    const { code, stdout, stderr } = await runProxy(DUPLICATE_IDS);
    expect({ code, stdout, stderr: stderr.trim() }).toEqual({
      code: 1,
      stdout: '',
      stderr: 'invalid config: model_list[2].model_info.id: duplicate deployment id "x" (also model_list[0])',
    });
  }, 30_000);
});
