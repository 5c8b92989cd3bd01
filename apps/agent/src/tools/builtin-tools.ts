import type { Tool } from '@tollgate/agent';
import type { Confirm } from './confirm.js';
import { fetchUrlTool } from './fetch-url-tool.js';
import { listDirectoryTool } from './list-directory-tool.js';
import { readFileTool } from './read-file-tool.js';
import { runCommandTool } from './run-command-tool.js';
import { writeFileTool } from './write-file-tool.js';
import type { Workspace } from './workspace.js';

/** What the built-in tools need. */
export interface BuiltinToolsOptions {
  readonly workspace: Workspace;
  /** Asked before every command and file write. */
  readonly confirm: Confirm;
  /** Time limit of `run_command`. */
  readonly commandTimeoutMs: number;
  /** Adds `fetch_url`. */
  readonly allowFetch: boolean;
}

/** The CLI's tools: read, list and write files in the working directory, run commands, and optionally fetch URLs. */
export function builtinTools(options: BuiltinToolsOptions): Tool[] {
  const tools = [
    readFileTool(options.workspace),
    listDirectoryTool(options.workspace),
    writeFileTool(options.workspace, options.confirm),
    runCommandTool({ workspace: options.workspace, confirm: options.confirm, timeoutMs: options.commandTimeoutMs }),
  ];
  if (options.allowFetch) tools.push(fetchUrlTool());
  return tools;
}
