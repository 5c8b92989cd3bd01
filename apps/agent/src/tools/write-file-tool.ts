import { tool, type Tool } from '@tollgate/agent';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Confirm } from './confirm.js';
import type { Workspace } from './workspace.js';

/** `write_file`: creates or replaces a file inside the working directory, after the user approves. */
export function writeFileTool(workspace: Workspace, confirm: Confirm): Tool {
  return tool({
    name: 'write_file',
    description: 'Create or overwrite a text file in the working directory (parent directories are created). The user must approve.',
    parameters: z.object({
      path: z.string().min(1).describe('File path, relative to the working directory'),
      content: z.string().describe('The complete new content of the file'),
    }),
    execute: async ({ path: requested, content }) => {
      const absolute = await workspace.resolve(requested);
      const bytes = Buffer.byteLength(content);
      if (!(await confirm(`Write ${bytes} bytes to ${workspace.display(absolute)}?`))) {
        throw new Error('The user declined this file write. Do not retry it; ask the user what to do instead.');
      }
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content);
      return `Wrote ${bytes} bytes to ${workspace.display(absolute)}.`;
    },
  });
}
