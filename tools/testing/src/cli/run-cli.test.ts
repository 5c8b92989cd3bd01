import { json } from '../testing-internal/sse.js';
import { parseCliArgs } from './parse-cli-args.js';
import { runCli, type CliProcess } from './run-cli.js';

function fakeProcess(argv: string[], environment: NodeJS.ProcessEnv = {}) {
  const signals = new Map<string, () => void>();
  const output: string[] = [];
  const errors: string[] = [];
  let exitCode: number | undefined;
  let exited: () => void = () => undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    exited = resolve;
  });
  const cli: CliProcess = {
    argv,
    environment,
    log: (line) => output.push(line),
    error: (line) => errors.push(line),
    onSignal: (signal, handler) => signals.set(signal, handler),
    exit: (code) => {
      exitCode = code;
      exited();
    },
  };
  return { cli, signals, output, errors, exitedPromise, exitCode: () => exitCode };
}

describe('parseCliArgs', () => {
  it('reads flags, with environment variables as defaults', () => {
    const command = parseCliArgs(['--port', '0', '--chunk-delay-ms', '5', '--behaviour', '{"reply":"text","text":"hi"}'], {
      PORT: '9200', UPSTREAM_DELAY_MS: '20', MOCK_COMPLETION_TOKENS: '64',
    });

    expect(command).toEqual({
      help: false,
      options: { port: 0, delayMs: 20, chunkDelayMs: 5, completionTokens: 64, recordRequests: false, behaviour: { reply: 'text', text: 'hi' } },
    });
  });

  it('takes a bare number as the port and HOST as the interface, as the benchmark harness starts its mock', () => {
    expect(parseCliArgs(['9300'], { HOST: '127.0.0.2' })).toMatchObject({ options: { port: 9300, host: '127.0.0.2' } });
  });

  it('defaults to port 9100 and rejects bad values', () => {
    expect(parseCliArgs([], {})).toMatchObject({ options: { port: 9100 } });
    expect(() => parseCliArgs(['--tokens', 'many'], {})).toThrow('--tokens must be a non-negative integer');
    expect(() => parseCliArgs(['--frobnicate', '1'], {})).toThrow('unknown flag --frobnicate');
    expect(() => parseCliArgs([], { UPSTREAM_DELAY_MS: '-1' })).toThrow('UPSTREAM_DELAY_MS');
    expect(() => parseCliArgs(['--behaviour', '{"reply":"error"}'], {})).toThrow('--behaviour: behaviour.status is required');
  });
});

describe('runCli', () => {
  it('prints the listening line, serves requests, and exits 0 on SIGTERM', async () => {
    const fake = fakeProcess(['--port', '0', '--tokens', '2', '--host', '127.0.0.1']);
    const upstream = await runCli(fake.cli);

    expect(fake.output).toEqual([`mock-upstream listening on ${upstream?.url}`]);
    expect(fake.output[0]).toMatch(/^mock-upstream listening on http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${upstream?.url}/v1/chat/completions`, {
      method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect((await json(response)).choices[0].message.content).toBe('Hello from.');
    fake.signals.get('SIGTERM')?.();
    await fake.exitedPromise;
    expect(fake.exitCode()).toBe(0);
    await expect(fetch(`${upstream?.url}/__stats`)).rejects.toThrow();
  });

  it('prints the usage and exits 2 on a bad flag', async () => {
    const fake = fakeProcess(['--port']);

    await expect(runCli(fake.cli)).resolves.toBeUndefined();
    expect(fake.exitCode()).toBe(2);
    expect(fake.errors[0]).toContain('--port needs a value');
    expect(fake.errors[0]).toContain('usage: tollgate-mock-upstream');
  });
});
