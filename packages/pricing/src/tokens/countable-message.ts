import type { ChatMessage, ChatTool } from '@tollgate/core';

/** A chat message as token counting reads it: core's request message, so a parsed request is counted as it is. */
export type CountableMessage = ChatMessage;

/** One content part of a {@link CountableMessage}. */
export type CountableContentPart = Exclude<NonNullable<CountableMessage['content']>, string>[number];

/** A JSON-schema node as tools declare parameters; only what the rendering reads. */
export interface ToolSchemaNode {
  type?: string | readonly string[];
  description?: string;
  enum?: readonly unknown[];
  properties?: Readonly<Record<string, ToolSchemaNode>>;
  required?: readonly string[];
  items?: ToolSchemaNode;
  anyOf?: readonly ToolSchemaNode[];
  oneOf?: readonly ToolSchemaNode[];
}

/** A tool in OpenAI's `tools` format: core's request tool. */
export type CountableTool = ChatTool;
