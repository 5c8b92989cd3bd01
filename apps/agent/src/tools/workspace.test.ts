import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workspace } from './workspace.js';

let sandbox: string;
let workspace: Workspace;

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), 'tollgate-agent-ws-'));
  await mkdir(path.join(sandbox, 'root', 'docs'), { recursive: true });
  await writeFile(path.join(sandbox, 'secret.txt'), 'outside');
  await symlink(path.join(sandbox, 'secret.txt'), path.join(sandbox, 'root', 'escape.txt'));
  await symlink(sandbox, path.join(sandbox, 'root', 'up'));
  workspace = await Workspace.open(path.join(sandbox, 'root'));
});

afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describe('Workspace', () => {
  it('resolves paths inside the working directory, existing or not', async () => {
    await expect(workspace.resolve('docs')).resolves.toBe(path.join(workspace.root, 'docs'));
    await expect(workspace.resolve('./docs/../docs/new/file.md')).resolves.toBe(path.join(workspace.root, 'docs', 'new', 'file.md'));
    await expect(workspace.resolve('.')).resolves.toBe(workspace.root);
  });

  it.each([
    ['a parent path', '../secret.txt'],
    ['a deep traversal', 'docs/../../secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a symbolic link to a file outside', 'escape.txt'],
    ['a path through a symbolic link to a directory outside', 'up/secret.txt'],
    ['a new file under a symbolic link outside', 'up/new.txt'],
  ])('refuses %s', async (_case, requested) => {
    await expect(workspace.resolve(requested)).rejects.toThrow(/^Access denied: ".*" is outside the working directory/);
  });

  it('shows paths relative to the root', async () => {
    expect(workspace.display(path.join(workspace.root, 'docs', 'a.md'))).toBe(path.join('docs', 'a.md'));
    expect(workspace.display(workspace.root)).toBe('.');
  });
});
