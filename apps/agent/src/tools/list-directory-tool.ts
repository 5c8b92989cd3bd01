import { tool, type Tool } from '@tollgate/agent';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Workspace } from './workspace.js';

const MAX_ENTRIES = 500;

/** `list_directory`: the entries of a directory of the working directory, directories first, with file sizes. */
export function listDirectoryTool(workspace: Workspace): Tool {
  return tool({
    name: 'list_directory',
    description: 'List the files and subdirectories of a directory in the working directory (directories end with "/").',
    parameters: z.object({ path: z.string().default('.').describe('Directory path, relative to the working directory') }),
    execute: async ({ path: requested }) => {
      const absolute = await workspace.resolve(requested);
      const entries = await readdir(absolute, { withFileTypes: true });
      entries.sort((left, right) => Number(right.isDirectory()) - Number(left.isDirectory()) || left.name.localeCompare(right.name));
      const lines: string[] = [];
      for (const entry of entries.slice(0, MAX_ENTRIES)) {
        if (entry.isDirectory()) lines.push(`${entry.name}/`);
        else if (entry.isFile()) lines.push(`${entry.name} (${(await stat(path.join(absolute, entry.name))).size} bytes)`);
        else lines.push(entry.isSymbolicLink() ? `${entry.name} (link)` : entry.name);
      }
      if (entries.length > MAX_ENTRIES) lines.push(`[… ${entries.length - MAX_ENTRIES} more entries]`);
      return lines.length > 0 ? lines.join('\n') : `"${workspace.display(absolute)}" is empty.`;
    },
  });
}
