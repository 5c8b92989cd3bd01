import type { Tool } from '@tollgate/agent';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinTools } from './builtin-tools.js';
import type { Confirm } from './confirm.js';
import { truncateText } from './truncate-text.js';
import { Workspace } from './workspace.js';

let root: string;
let questions: string[];

async function toolsWith(confirmAnswer: boolean, commandTimeoutMs = 10_000): Promise<Map<string, Tool>> {
  const confirm: Confirm = async (question) => {
    questions.push(question);
    return confirmAnswer;
  };
  const tools = builtinTools({ workspace: await Workspace.open(root), confirm, commandTimeoutMs, allowFetch: false });
  return new Map(tools.map((tool) => [tool.name, tool]));
}

async function call(tools: Map<string, Tool>, name: string, args: Record<string, unknown>): Promise<unknown> {
  const tool = tools.get(name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.execute(tool.parameters.parse(args), { callId: 'call_1', signal: new AbortController().signal });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tollgate-agent-tools-'));
  await mkdir(path.join(root, 'src'));
  await writeFile(path.join(root, 'README.md'), 'line 1\nline 2\nline 3\n');
  questions = [];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('built-in tools', () => {
  it('offers read_file, list_directory, write_file and run_command; fetch_url only when allowed', async () => {
    expect([...(await toolsWith(true)).keys()]).toEqual(['read_file', 'list_directory', 'write_file', 'run_command']);
    const withFetch = builtinTools({ workspace: await Workspace.open(root), confirm: async () => true, commandTimeoutMs: 1000, allowFetch: true });
    expect(withFetch.map((tool) => tool.name)).toContain('fetch_url');
  });

  it('read_file reads a file, or a range of its lines', async () => {
    const tools = await toolsWith(true);
    await expect(call(tools, 'read_file', { path: 'README.md' })).resolves.toBe('line 1\nline 2\nline 3\n');
    await expect(call(tools, 'read_file', { path: 'README.md', startLine: 2, lineCount: 1 })).resolves.toBe('line 2');
  });

  it('list_directory lists directories first, with file sizes', async () => {
    await expect(call(await toolsWith(true), 'list_directory', {})).resolves.toBe('src/\nREADME.md (21 bytes)');
  });

  it('refuses paths outside the working directory', async () => {
    const tools = await toolsWith(true);
    await expect(call(tools, 'read_file', { path: '../../etc/passwd' })).rejects.toThrow(/Access denied/);
    await expect(call(tools, 'list_directory', { path: '..' })).rejects.toThrow(/Access denied/);
    await expect(call(tools, 'write_file', { path: '../evil.txt', content: 'x' })).rejects.toThrow(/Access denied/);
    expect(existsSync(path.join(root, '..', 'evil.txt'))).toBe(false);
    expect(questions).toEqual([]);
  });

  it('write_file asks first, and writes only when approved', async () => {
    await expect(call(await toolsWith(false), 'write_file', { path: 'notes/plan.md', content: 'hello' })).rejects.toThrow(/declined this file write/);
    expect(existsSync(path.join(root, 'notes', 'plan.md'))).toBe(false);
    await expect(call(await toolsWith(true), 'write_file', { path: 'notes/plan.md', content: 'hello' })).resolves.toBe(`Wrote 5 bytes to ${path.join('notes', 'plan.md')}.`);
    await expect(readFile(path.join(root, 'notes', 'plan.md'), 'utf8')).resolves.toBe('hello');
    expect(questions).toEqual([`Write 5 bytes to ${path.join('notes', 'plan.md')}?`, `Write 5 bytes to ${path.join('notes', 'plan.md')}?`]);
  });

  it('run_command asks first and does not run a declined command', async () => {
    await expect(call(await toolsWith(false), 'run_command', { command: 'touch ran.txt' })).rejects.toThrow(/declined to run this command/);
    expect(existsSync(path.join(root, 'ran.txt'))).toBe(false);
    expect(questions).toEqual(['Run `touch ran.txt`?']);
  });

  it('run_command runs in the working directory and reports exit code and output', async () => {
    const tools = await toolsWith(true);
    await expect(call(tools, 'run_command', { command: 'ls; echo oops >&2; exit 3' })).resolves.toBe('exit code 3\nREADME.md\nsrc\noops\n');
  });

  it('run_command kills a command at its time limit', async () => {
    const started = Date.now();
    const output = await call(await toolsWith(true, 200), 'run_command', { command: 'echo started; sleep 30' });
    expect(output).toBe('killed after 200 ms (time limit)\nstarted\n');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cuts long output to its head and tail', () => {
    const text = `${'a'.repeat(100)}${'b'.repeat(100)}`;
    const cut = truncateText(text, 50);
    expect(cut).toMatch(/^a{35}\n\[… 150 characters omitted …\]\nb{15}$/);
    expect(truncateText('short', 50)).toBe('short');
  });
});
