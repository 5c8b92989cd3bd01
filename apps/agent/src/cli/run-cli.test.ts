import { answerAs, startFakeOpenAIServer, type FakeOpenAIServer } from '@tollgate/testing';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliForTest } from '../testing-internal/cli-harness.js';

let root: string;
let server: FakeOpenAIServer | undefined;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tollgate-agent-cli-'));
  await writeFile(path.join(root, 'README.md'), '# Demo\nA demo project.\n');
  await mkdir(path.join(root, 'src'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(root, { recursive: true, force: true });
});

/** The mock provider calls these tools until a tool result arrives, then answers quoting the results. */
function mockCalls(...calls: { name: string; arguments: Record<string, unknown> }[]): string[] {
  return ['--param', `mock_tool_calls=${JSON.stringify(calls)}`];
}

describe('tollgate-agent one-shot, direct mode against the mock provider', () => {
  it('lists the directory with its tool, prints the answer on stdout and the calls and cost on stderr', async () => {
    const run = await runCliForTest(['--model', 'mock/gpt-4o', ...mockCalls({ name: 'list_directory', arguments: { path: '.' } }), 'list the files here'], { cwd: root });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('Mock reply from gpt-4o after the tool results: src/\nREADME.md (23 bytes)\n');
    expect(run.stderr).toContain('⚙ list_directory {"path":"."}');
    expect(run.stderr).toMatch(/ {2}↳ src\/ \(\+1 lines\) \d+ ms/);
    expect(run.stderr).toMatch(/· turn 1 · [\d,]+ → [\d,]+ tokens · \$0\.\d+ · total \$0\.\d+/);
    expect(run.stderr).toMatch(/── 2 turns · [\d,]+ in \/ [\d,]+ out tokens · cost \$0\.\d+\n/);
  });

  it('sends the runtime environment in the system prompt', async () => {
    // The mock quotes the last user message; ask for nothing and read the prompt from a proxy-mode request instead.
    server = await startFakeOpenAIServer((request) =>
      answerAs(request, { message: { content: 'ok' }, usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }, finishReason: 'stop' }),
    );
    await runCliForTest(['--model', 'gpt-4o', '--base-url', server.baseURL, '--api-key', 'sk-test', 'hi'], { cwd: root });
    const system = (server.requests[0]?.body['messages'] as { role: string; content: string }[])[0];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain(`- Working directory: ${root}`);
    expect(system?.content).toMatch(/- Operating system: .+\(linux|darwin|win32/);
    expect(system?.content).toMatch(/- Date: \d{4}-\d{2}-\d{2} \(\w+day\)/);
    expect(system?.content).toContain('- Tools: read_file, list_directory, write_file, run_command');
  });

  it('refuses a path outside the working directory and tells the model', async () => {
    const run = await runCliForTest(['-m', 'mock/gpt-4o', ...mockCalls({ name: 'read_file', arguments: { path: '../../etc/passwd' } }), 'read it'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/after the tool results: Error running tool "read_file": Access denied: "..\/..\/etc\/passwd" is outside the working directory/);
    expect(run.stderr).toMatch(/✗ Error running tool "read_file": Access denied/);
  });

  it('asks before running a command, and a "no" means it does not run', async () => {
    const run = await runCliForTest(['-m', 'mock/gpt-4o', ...mockCalls({ name: 'run_command', arguments: { command: 'touch ran.txt' } }), 'do it'], { cwd: root, input: 'n\n' });
    expect(run.stderr).toContain('? Run `touch ran.txt`? [y/N]');
    expect(existsSync(path.join(root, 'ran.txt'))).toBe(false);
    expect(run.stdout).toMatch(/The user declined to run this command/);
  });

  it('runs the command when the user answers yes, and without asking with --yes', async () => {
    const asked = await runCliForTest(['-m', 'mock/gpt-4o', ...mockCalls({ name: 'run_command', arguments: { command: 'touch ran.txt && echo made' } }), 'do it'], { cwd: root, input: 'y\n' });
    expect(asked.stdout).toContain('after the tool results: exit code 0\nmade');
    expect(existsSync(path.join(root, 'ran.txt'))).toBe(true);

    const auto = await runCliForTest(['-m', 'mock/gpt-4o', '--yes', ...mockCalls({ name: 'write_file', arguments: { path: 'out/a.txt', content: 'x' } }), 'write'], { cwd: root });
    expect(auto.stderr).not.toContain('[y/N]');
    expect(existsSync(path.join(root, 'out', 'a.txt'))).toBe(true);
  });

  it('stops at --max-turns with exit code 3 and still prints the cost', async () => {
    // A tool call whose result never satisfies the mock would loop; one turn allowed, so the second call is refused.
    const run = await runCliForTest(['-m', 'mock/gpt-4o', '--max-turns', '1', ...mockCalls({ name: 'list_directory', arguments: {} }), 'x'], { cwd: root });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('The agent stopped after 1 model calls (maxTurns) without a final answer.');
    expect(run.stderr).toMatch(/── 1 turn · .* · cost \$0\.\d+/);
  });

  it('stops before a call that could pass --max-cost', async () => {
    const run = await runCliForTest(['-m', 'mock/gpt-4o', '--max-cost', '0.000001', 'hello'], { cwd: root });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/Stopped before the next model call: it could cost up to \$0\.\d+, and the session has \$0\.000001 left of --max-cost \$0\.000001\./);
    expect(run.stdout).toBe('');
  });

  it('answers several questions in a REPL read from stdin', async () => {
    const run = await runCliForTest(['-m', 'mock/gpt-4o', '--param', 'mock_response=noted'], { cwd: root, input: 'first question\n/cost\nsecond question\n/exit\n' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('noted\nnoted\n');
    expect(run.stderr).toMatch(/Session cost: \$0\.\d+/);
  });
});

describe('tollgate-agent one-shot, proxy mode (OpenAI client and a key)', () => {
  it('talks to the endpoint with the key and a session trace id, runs the tool, and adds up the reported cost', async () => {
    server = await startFakeOpenAIServer((request, index) =>
      index === 0
        ? answerAs(request, {
            headers: { 'x-litellm-response-cost': '0.003' },
            message: { content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"README.md"}' } }] },
            usage: { prompt_tokens: 300, completion_tokens: 20, total_tokens: 320 },
            finishReason: 'tool_calls',
          })
        : answerAs(request, {
            headers: { 'x-litellm-response-cost': '0.002' },
            message: { content: 'It is a demo project.' },
            usage: { prompt_tokens: 350, completion_tokens: 8, total_tokens: 358 },
            finishReason: 'stop',
          }),
    );
    const run = await runCliForTest(['--model', 'team-model', '--base-url', server.baseURL, 'summarise README.md'], { cwd: root, env: { TOLLGATE_API_KEY: 'sk-virtual' } });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('It is a demo project.\n');
    expect(run.stderr).toMatch(/── 2 turns · 650 in \/ 28 out tokens · cost \$0\.005\n/);
    const [first, second] = server.requests;
    expect(first?.headers.authorization).toBe('Bearer sk-virtual');
    expect(first?.headers['x-litellm-trace-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers['x-litellm-trace-id']).toBe(first?.headers['x-litellm-trace-id']);
    expect(first?.body).toMatchObject({ model: 'team-model', stream: true });
    expect(second?.body['messages']).toContainEqual({ role: 'tool', tool_call_id: 'call_1', content: '# Demo\nA demo project.\n' });
  });

  it('keeps the conversation across REPL questions, and /reset forgets it', async () => {
    server = await startFakeOpenAIServer((request) =>
      answerAs(request, { message: { content: 'ok' }, usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 }, finishReason: 'stop' }),
    );
    await runCliForTest(['-m', 'm', '--base-url', server.baseURL, '--api-key', 'k'], { cwd: root, input: 'I am Ana\nwho am I?\n/reset\nhello\n' });
    const roles = server.requests.map((request) => (request.body['messages'] as { role: string }[]).map((message) => message.role).join(','));
    expect(roles).toEqual(['system,user', 'system,user,assistant,user', 'system,user']);
  });

  it('applies --max-cost to the whole REPL session', async () => {
    server = await startFakeOpenAIServer((request) =>
      answerAs(request, {
        headers: { 'x-litellm-response-cost': '0.01' },
        message: { content: 'ok' },
        usage: { prompt_tokens: 900, completion_tokens: 5, total_tokens: 905 },
        finishReason: 'stop',
      }),
    );
    const argv = ['-m', 'gpt-4o', '--base-url', server.baseURL, '--api-key', 'k', '--max-cost', '0.0105', '--max-tokens', '10'];
    const run = await runCliForTest(argv, { cwd: root, input: 'first\nsecond\n' });
    expect(server.requests).toHaveLength(1);
    expect(run.stdout).toBe('ok\n');
    expect(run.stderr).toMatch(/Stopped before the next model call: it could cost up to \$0\.00\d+, and the session has \$0\.0005 left of --max-cost \$0\.0105\./);
    expect(run.stderr).toContain('Session cost: $0.01');
  });

  it('stops the current turn on Ctrl-C, prints the cost so far and exits with 130', async () => {
    server = await startFakeOpenAIServer((request) => ({
      ...answerAs(request, { message: { content: 'too late' }, usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 }, finishReason: 'stop' }),
      delayMs: 10_000,
    }));
    const started = Date.now();
    const run = await runCliForTest(['-m', 'm', '--base-url', server.baseURL, '--api-key', 'k', 'slow question'], { cwd: root, interruptAfterMs: 100 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.exitCode).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Stopped.');
    expect(run.stderr).toMatch(/── 0 turns · 0 in \/ 0 out tokens · cost \$0\n/);
  });

  it('reports an error from the endpoint and exits with 1', async () => {
    server = await startFakeOpenAIServer(() => ({ status: 401, json: { error: { message: 'Invalid proxy server token passed.', type: 'auth_error', param: null, code: '401' } } }));
    const run = await runCliForTest(['-m', 'm', '--base-url', server.baseURL, '--api-key', 'sk-wrong', 'x'], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/Error: 401 Invalid proxy server token passed\./);
  });

  it('needs a key with --base-url', async () => {
    const run = await runCliForTest(['--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', 'x'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--base-url needs a key: pass --api-key or set TOLLGATE_API_KEY.');
  });
});

describe('tollgate-agent command line', () => {
  it('prints help', async () => {
    const run = await runCliForTest(['--help'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tollgate-agent \[options\] \[question\]/);
  });

  it.each([
    [['x'], /No model: pass --model/],
    [['-m', 'm', '--max-turns', 'lots', 'x'], /--max-turns must be a whole number/],
    [['-m', 'm', '--max-cost', '0', 'x'], /--max-cost must be an amount in USD above 0/],
    [['-m', 'm', '--max-cost', 'cheap', 'x'], /--max-cost must be an amount in USD above 0/],
    [['-m', 'm', '--param', 'novalue', 'x'], /--param needs key=value/],
    [['-m', 'm', '--cwd', 'missing-dir', 'x'], /--cwd: .*missing-dir is not a directory/],
    [['-m', 'm', '--frobnicate', 'x'], /Unknown option '--frobnicate'/],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const run = await runCliForTest(argv, { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
