import { tool, type Tool } from '@tollgate/agent';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Workspace } from './workspace.js';

/** The most bytes read from one file; the rest is reported as cut. */
const MAX_BYTES = 100_000;

/** `read_file`: a text file of the working directory, optionally a range of lines. */
export function readFileTool(workspace: Workspace): Tool {
  return tool({
    name: 'read_file',
    description: 'Read a text file in the working directory. Optionally give a 1-based start line and a number of lines.',
    parameters: z.object({
      path: z.string().min(1).describe('File path, relative to the working directory'),
      startLine: z.number().int().positive().optional().describe('First line to return (1-based)'),
      lineCount: z.number().int().positive().optional().describe('How many lines to return'),
    }),
    execute: async ({ path, startLine, lineCount }) => {
      const absolute = await workspace.resolve(path);
      const info = await stat(absolute);
      if (!info.isFile()) throw new Error(`"${path}" is not a file.`);
      const handle = await open(absolute, 'r');
      const buffer = Buffer.alloc(Math.min(info.size, MAX_BYTES));
      try {
        await handle.read(buffer, 0, buffer.length, 0);
      } finally {
        await handle.close();
      }
      if (buffer.includes(0)) return `"${path}" is a binary file (${info.size} bytes); not shown.`;
      let text = buffer.toString('utf8');
      if (startLine !== undefined || lineCount !== undefined) {
        const lines = text.split('\n');
        const first = (startLine ?? 1) - 1;
        text = lines.slice(first, lineCount === undefined ? undefined : first + lineCount).join('\n');
      }
      const cut = info.size > MAX_BYTES ? `\n[file truncated: first ${MAX_BYTES} of ${info.size} bytes read]` : '';
      return text + cut;
    },
  });
}
