// The agent CLI as a library: the bin (main.ts) calls runCli; tests and embedders can too.
export { runCli } from './cli/run-cli.js';
export { processIo, type CliIo } from './cli/cli-io.js';
export { parseCliArgs, CliUsageError, USAGE, type CliArgs } from './cli/cli-args.js';
export { systemPrompt, type SystemPromptInput } from './cli/system-prompt.js';

// Built-in tools, confined to a working directory.
export { builtinTools, type BuiltinToolsOptions } from './tools/builtin-tools.js';
export { Workspace } from './tools/workspace.js';
export { approveAll, type Confirm } from './tools/confirm.js';
export { readFileTool } from './tools/read-file-tool.js';
export { listDirectoryTool } from './tools/list-directory-tool.js';
export { writeFileTool } from './tools/write-file-tool.js';
export { runCommandTool, type RunCommandToolOptions } from './tools/run-command-tool.js';
export { fetchUrlTool } from './tools/fetch-url-tool.js';
