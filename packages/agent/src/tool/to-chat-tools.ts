import type { ChatTool } from '@tollgate/core';
import type { Tool } from './tool.js';

/** The agent's tools in OpenAI's `tools` format. */
export function toChatTools(tools: readonly Tool[]): ChatTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: { ...tool.jsonSchema } },
  }));
}
