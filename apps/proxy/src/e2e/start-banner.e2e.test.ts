import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';

const PROXY_MAIN = join(__dirname, '..', 'main.ts');
// The worker's loader for running TypeScript sources in a child process (tests only).
const REGISTER_TS = require.resolve('@tollgate/testing/register-ts.cjs');

const configWithMasterKey = (masterKey: string) => `
model_list:
  - model_name: gpt-4o-mini
    litellm_params: { model: mock/gpt-4o-mini }
general_settings:
  master_key: ${masterKey}
`;

interface StartedProxy {
  child: ChildProcess;
  dir: string;
  /** Everything the proxy wrote to stderr until its start-up banner was complete. */
  banner: string;
}

/** Starts the proxy's main in embedded mode in a temp dir (database at its default path) and waits for the banner. */
async function startProxyProcess(configText: string, extraEnv: Record<string, string> = {}): Promise<StartedProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-start-banner-'));
  await writeFile(join(dir, 'config.yaml'), configText);
  // Embedded mode with the default database path: whatever Redis or PostgreSQL the test run has is not this proxy's.
  const { REDIS_URL: _redis, DATABASE_URL: _database, TOLLGATE_DB: _db, TOLLGATE_MASTER_KEY: _k1, LITELLM_MASTER_KEY: _k2, ...env } = process.env;
  const child = spawn(process.execPath, ['--conditions=@tollgate/source', '-r', REGISTER_TS, PROXY_MAIN, '--config', 'config.yaml', '--port', '0'], {
    cwd: dir,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const waitForBanner = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up banner within 20 s; stderr:\n${stderr}`)), 20_000);
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
      if (/master key:.*\n/.test(stderr)) {
        clearTimeout(timer);
        resolve(stderr);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited (${code}) before its banner; stderr:\n${stderr}`));
    });
  });
  try {
    return { child, dir, banner: await waitForBanner };
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function stop(proxy: StartedProxy): Promise<void> {
  const exited = new Promise((resolve) => proxy.child.once('exit', resolve));
  proxy.child.kill('SIGTERM');
  await exited;
  await rm(proxy.dir, { recursive: true, force: true });
}

function bannerField(banner: string, label: string): string | undefined {
  return new RegExp(`^\\s*${label}:\\s+(.+)$`, 'm').exec(banner)?.[1]?.trim();
}

describe('the start-up banner of `pnpm start`', () => {
  it('names the OpenAI base URL, the health route, the database file and the key, and the printed key and URL answer', async () => {
    const proxy = await startProxyProcess(configWithMasterKey('sk-banner-test-master-key'));
    try {
      const baseURL = bannerField(proxy.banner, 'OpenAI base URL');
      expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(bannerField(proxy.banner, 'health')).toBe(`${baseURL?.replace(/\/v1$/, '')}/health/liveliness`);
      expect(bannerField(proxy.banner, 'database')).toBe(`SQLite file ${join(proxy.dir, '.tollgate', 'tollgate.db')}`);
      const keyLine = bannerField(proxy.banner, 'master key');
      expect(keyLine).toBe('sk-banner-test-master-key (general_settings.master_key in config.yaml)');
      expect(bannerField(proxy.banner, 'API docs')).toBeDefined();

      const client = new OpenAI({ apiKey: keyLine?.split(' ')[0], baseURL, maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.choices[0]?.message.content).toEqual(expect.any(String));
      const health = await fetch(bannerField(proxy.banner, 'health') as string);
      expect(health.status).toBe(200);
    } finally {
      await stop(proxy);
    }
  }, 40_000);

  it('names the environment variable, never its value, when the key comes from the environment', async () => {
    const secret = 'sk-banner-secret-from-env';
    const proxy = await startProxyProcess(configWithMasterKey('os.environ/BANNER_TEST_KEY'), { BANNER_TEST_KEY: secret });
    try {
      expect(bannerField(proxy.banner, 'master key')).toBe('from BANNER_TEST_KEY (general_settings.master_key in config.yaml)');
      expect(proxy.banner).not.toContain(secret);
    } finally {
      await stop(proxy);
    }
  }, 40_000);

  it('names TOLLGATE_MASTER_KEY, never its value, when that variable overrides the config', async () => {
    const secret = 'sk-banner-secret-tollgate-env';
    const proxy = await startProxyProcess(configWithMasterKey('sk-banner-config-key'), { TOLLGATE_MASTER_KEY: secret });
    try {
      expect(bannerField(proxy.banner, 'master key')).toBe('from the TOLLGATE_MASTER_KEY environment variable');
      expect(proxy.banner).not.toContain(secret);
    } finally {
      await stop(proxy);
    }
  }, 40_000);
});
