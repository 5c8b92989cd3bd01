import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { usdPerTokenToNanoUsdPerMillion } from '../units/usd-per-token.js';

/* Runs tools/sync-pricing as a black box: the script is plain Node, run the way `pnpm sync-pricing` runs it. */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const script = path.join(repoRoot, 'tools', 'sync-pricing', 'sync-pricing.cjs');
// The upstream price list is committed beside the script, so the freshness check runs in any clone.
const sharedSource = path.join(repoRoot, 'tools', 'sync-pricing', 'source', 'model_prices_and_context_window.json');
const committedCatalogue = path.join(__dirname, 'catalogue.generated.json');
const committedNotices = path.resolve(__dirname, '..', '..', 'THIRD_PARTY_NOTICES.md');

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'sync-pricing-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function sync(...argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [script, ...argv], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeSource(name: string, content: unknown): string {
  const file = path.join(workDir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function outputs(name: string): string[] {
  return ['--out', path.join(workDir, `${name}.json`), '--notices', path.join(workDir, `${name}.md`)];
}

describe('the committed catalogue', () => {
  beforeAll(() => {
    // Never skipped: without its input the check would pass while checking nothing.
    if (!existsSync(sharedSource)) throw new Error(`the catalogue's source ${sharedSource} is missing: restore it (tools/sync-pricing/source/README.md)`);
  });

  it('is exactly what sync-pricing generates from the source data', () => {
    const result = sync(sharedSource, ...outputs('fresh'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(workDir, 'fresh.json'), 'utf8')).toBe(readFileSync(committedCatalogue, 'utf8'));
    expect(readFileSync(path.join(workDir, 'fresh.md'), 'utf8')).toBe(readFileSync(committedNotices, 'utf8'));
  });

  it('passes --check, and --check notices a stale file', () => {
    expect(sync(sharedSource, '--check').status).toBe(0);
    expect(sync('--check').status).toBe(0); // the default source is the committed copy
    const stale = path.join(workDir, 'stale.json');
    writeFileSync(stale, '{}\n');
    const result = sync(sharedSource, '--check', '--out', stale, '--notices', committedNotices);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('out of date');
  });

  it('keeps every model but sample_spec, and names the MIT source in the notices', () => {
    const catalogue = JSON.parse(readFileSync(committedCatalogue, 'utf8')) as { models: Record<string, unknown> };
    const source = JSON.parse(readFileSync(sharedSource, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(catalogue.models).sort()).toEqual(Object.keys(source).filter((key) => key !== 'sample_spec').sort());
    const notices = readFileSync(committedNotices, 'utf8');
    expect(notices).toContain('model_prices_and_context_window.json — Copyright (c) 2023 Berri AI, MIT License');
    expect(notices).toContain('4c1b15d6854c9ccad7e4348ed6f45edc45f8039d');
  });
});

describe('sync-pricing conversion', () => {
  it('converts prices exactly, tiers and flags included, and skips sample_spec', () => {
    const source = writeSource('small.json', {
      sample_spec: { litellm_provider: 'one of ...', input_cost_per_token: 0 },
      'zeta/model': {
        litellm_provider: 'zeta',
        mode: 'chat',
        max_input_tokens: 1000,
        max_output_tokens: 100,
        max_tokens: 100,
        input_cost_per_token: 1.5e-10,
        output_cost_per_token: 0.0000029999900000000002, // float noise: snapped, and reported
        input_cost_per_token_above_200k_tokens: 3e-10,
        input_cost_per_token_above_200k_tokens_priority: 9e-10, // service tiers are not kept
        supports_vision: true,
        supports_function_calling: false,
        source: 'https://example.com',
      },
      'alpha/tiered': {
        litellm_provider: 'dashscope',
        tiered_pricing: [
          { range: [32000, 128000], input_cost_per_token: 2e-7, output_cost_per_token: 4e-7 },
          { range: [0, 32000], input_cost_per_token: 1e-7, output_cost_per_token: 2e-7 },
        ],
      },
    });
    const result = sync(source, '--verbose', ...outputs('small'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('float noise 0.0000029999900000000002');
    const written = JSON.parse(readFileSync(path.join(workDir, 'small.json'), 'utf8')) as { models: Record<string, unknown> };
    expect(Object.keys(written.models)).toEqual(['alpha/tiered', 'zeta/model']);
    expect(written.models['zeta/model']).toEqual({
      p: 'zeta',
      m: 'chat',
      mi: 1000,
      mo: 100,
      c: { i: 150_000, o: 2_999_990_000 },
      t: [{ a: 200_000, c: { i: 300_000 } }],
      f: '!fc vis',
    });
    expect(written.models['alpha/tiered']).toEqual({
      p: 'dashscope',
      c: { i: 100_000_000, o: 200_000_000 },
      t: [{ a: 32_000, c: { i: 200_000_000, o: 400_000_000 } }],
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{"gpt-4o": ', /not valid JSON/],
    ['an array', [{ litellm_provider: 'openai' }], /must be a JSON object keyed by model name/],
    ['no models', { sample_spec: {} }, /contains no models/],
    ['a missing provider', { m: { input_cost_per_token: 1e-6 } }, /m: litellm_provider must be a non-empty string/],
    ['a price finer than 1e-15 USD', { m: { litellm_provider: 'x', input_cost_per_token: 1.23e-16 } }, /m\.input_cost_per_token: .*cannot be stored exactly/],
    ['a negative price', { m: { litellm_provider: 'x', output_cost_per_token: -1e-6 } }, /m\.output_cost_per_token: must be a finite, non-negative number/],
    ['a price as a word', { m: { litellm_provider: 'x', input_cost_per_token: 'free' } }, /m\.input_cost_per_token: must be a non-negative decimal/],
    ['a fractional token limit', { m: { litellm_provider: 'x', max_input_tokens: 12.5 } }, /m\.max_input_tokens: must be a non-negative integer/],
    ['a non-boolean flag', { m: { litellm_provider: 'x', supports_vision: 'yes' } }, /m\.supports_vision: must be a boolean/],
    [
      'tier ranges with a gap',
      { m: { litellm_provider: 'x', tiered_pricing: [{ range: [0, 10], input_cost_per_token: 1e-6 }, { range: [20, 30], input_cost_per_token: 2e-6 }] } },
      /ranges must be contiguous/,
    ],
  ])('fails on %s', (name, content, message) => {
    const result = sync(writeSource(`${name.replace(/\W+/g, '-')}.json`, content), ...outputs('bad'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(path.join(workDir, 'bad.json'))).toBe(false);
  });

  it('reads the source from an http(s) URL', async () => {
    const body = JSON.stringify({ 'web/model': { litellm_provider: 'web', input_cost_per_token: 2.5e-6 } });
    const server = createServer((_request, response) => response.end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prices.json`;
      // Asynchronous on purpose: the server answers from this process's event loop.
      await new Promise<void>((resolve, reject) =>
        execFile(process.execPath, [script, url, ...outputs('web')], (error) => (error ? reject(error) : resolve())),
      );
      const written = JSON.parse(readFileSync(path.join(workDir, 'web.json'), 'utf8')) as { models: object };
      expect(written.models).toEqual({ 'web/model': { p: 'web', c: { i: 2_500_000_000 } } });
    } finally {
      server.close();
    }
  });

  it('exits 2 with the usage for bad arguments', () => {
    const result = sync('--frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: sync-pricing');
  });

  it('converts prices the same way as the run-time converter', () => {
    const prices = [2.5e-6, 1.5e-10, 4.6875e-9, 0.0000029999900000000002, 3.0001999999999996e-7, 0, 0.54, 1e-16, -1];
    const program = `const { usdPerTokenToNanoUsdPerMillion } = require(${JSON.stringify(path.join(repoRoot, 'tools', 'sync-pricing', 'exact-price.cjs'))});
      process.stdout.write(JSON.stringify(${JSON.stringify(prices)}.map((p) => usdPerTokenToNanoUsdPerMillion(p).value ?? null)));`;
    const generator = JSON.parse(spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' }).stdout) as (number | null)[];
    const runtime = prices.map((price) => {
      const result = usdPerTokenToNanoUsdPerMillion(price);
      return result.ok ? result.nanoUsdPerMillionTokens : null;
    });
    expect(generator).toEqual(runtime);
    expect(runtime.filter((value) => value === null)).toHaveLength(2);
  });
});
