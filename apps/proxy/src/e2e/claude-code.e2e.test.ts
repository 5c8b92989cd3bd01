// Claude Code, unmodified, pointed at the proxy (ANTHROPIC_BASE_URL, a virtual key with a budget as
// ANTHROPIC_AUTH_TOKEN): one non-interactive tool-using session (`claude -p`) against a mock upstream that answers
// with a Read tool call, then with text once the tool result is back. The spend booked must equal the costs the
// proxy reported. Claude Code is the workspace's devDependency, started through its own wrapper (pnpm does not run
// its postinstall, which only copies the native binary into place), or CLAUDE_CODE_BIN.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockUpstream, type MockBehaviour, type RecordedRequest } from '@tollgate/testing';
import { manage, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

const CLAUDE_COMMAND: [string, string[]] = process.env['CLAUDE_CODE_BIN']
  ? [process.env['CLAUDE_CODE_BIN'], []]
  : [process.execPath, [require.resolve('@anthropic-ai/claude-code/cli-wrapper.cjs')]];

let testProxy: TestProxy;
let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
let home: string;

/** The last message of a recorded upstream request is a tool result (chat `tool` role or an Anthropic block). */
function answersATool(request: RecordedRequest): boolean {
  const messages = (request.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  const last = messages.at(-1);
  if (last?.role === 'tool') return true;
  return Array.isArray(last?.content) && last.content.some((block: { type?: string }) => block.type === 'tool_result');
}

function offersRead(request: RecordedRequest): boolean {
  const tools = (request.body as { tools?: { name?: string; function?: { name?: string } }[] } | undefined)?.tools ?? [];
  return tools.some((tool) => (tool.name ?? tool.function?.name) === 'Read');
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'tollgate-claude-code-'));
  await writeFile(join(home, 'notes.txt'), 'The meeting is in Oslo, room 4.\n');
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  upstream.setBehaviour((request): MockBehaviour | undefined => {
    if (answersATool(request)) return { reply: 'text', text: 'The meeting is in Oslo, room 4.' };
    if (offersRead(request)) return { reply: 'tool_calls', calls: [{ name: 'Read', arguments: { file_path: join(home, 'notes.txt') } }] };
    return { reply: 'text', text: 'ok' };
  });
  testProxy = await startTestProxy({
    upstream,
    extraModels: `
  - model_name: claude-sonnet
    litellm_params:
      model: anthropic/claude-sonnet-4-5
      api_base: ${upstream.url}
      api_key: os.environ/E2E_UPSTREAM_KEY`,
  });
});
afterAll(async () => {
  await testProxy.stop();
  await upstream.close();
  await rm(home, { recursive: true, force: true });
});

function runClaude(model: string, key: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = execFile(
      CLAUDE_COMMAND[0],
      [...CLAUDE_COMMAND[1], '-p', 'Read notes.txt and tell me where the meeting is.', '--model', model, '--output-format', 'json', '--allowedTools', 'Read'],
      {
        cwd: home,
        timeout: 60_000,
        env: {
          PATH: process.env['PATH'],
          HOME: home,
          ANTHROPIC_BASE_URL: testProxy.proxy.url,
          ANTHROPIC_AUTH_TOKEN: key,
          ANTHROPIC_SMALL_FAST_MODEL: model,
          ANTHROPIC_DEFAULT_HAIKU_MODEL: model,
          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
          DISABLE_AUTOUPDATER: '1',
          DISABLE_TELEMETRY: '1',
        },
      },
      (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? ((error as { code?: number }).code ?? 1) : 0 }),
    );
    child.stdin?.end();
  });
}

describe.each(['gpt-4o-mini', 'claude-sonnet'])('Claude Code → proxy → %s', (model) => {
  it('runs a tool-using session, and the spend booked equals the costs reported', async () => {
    const generated = await manage(testProxy, '/key/generate', { max_budget: 1, models: [model] });
    const first = upstream.requests.length;
    const run = await runClaude(model, generated.key);
    if (run.code !== 0) throw new Error(`claude exited ${run.code}: ${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(run.stdout) as {
      result?: string;
      is_error?: boolean;
      usage: { input_tokens: number; output_tokens: number; cache_read_input_tokens: number; cache_creation_input_tokens: number };
    };
    expect(result.is_error).toBe(false);
    expect(result.result).toContain('Oslo');
    const calls = upstream.requests.slice(first);
    // The tool call went out, and its result came back in the next turn.
    expect(calls.some(answersATool)).toBe(true);
    const logs = await manage(testProxy, `/spend/logs?api_key=${encodeURIComponent(generated.key)}&summarize=false`);
    const entries = (Array.isArray(logs) ? logs : logs.data) as { spend: number; prompt_tokens: number; completion_tokens: number; call_type: string }[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(entries.map((entry) => entry.call_type))).toEqual(new Set(['anthropic_messages']));
    // What Claude Code was told it used (its own dollar figure is priced by its own table, for Claude models) is
    // what was booked.
    const told = result.usage;
    expect(entries.reduce((sum, entry) => sum + entry.prompt_tokens, 0)).toBe(told.input_tokens + told.cache_read_input_tokens + told.cache_creation_input_tokens);
    expect(entries.reduce((sum, entry) => sum + entry.completion_tokens, 0)).toBe(told.output_tokens);
    const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
    const logged = entries.reduce((sum, entry) => sum + entry.spend, 0);
    expect(info.info.spend).toBeGreaterThan(0);
    expect(info.info.spend).toBeCloseTo(logged, 12);
  }, 90_000);
});
