/**
 * The parts of OpenAI chat messages and tools that token counting reads. Structural on purpose: core's request types
 * (and plain objects) fit without conversion.
 */
export interface CountableContentPart {
  type: string;
  text?: string;
  image_url?: { url?: string; detail?: string | null } | string;
}

/** A chat message in OpenAI's format. */
export interface CountableMessage {
  role: string;
  content?: string | readonly CountableContentPart[] | null;
  name?: string | null;
  tool_calls?: readonly { function: { name: string; arguments: string } }[] | null;
  /** Legacy single function call on an assistant message. */
  function_call?: { name: string; arguments: string } | null;
}

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

/** A tool in OpenAI's `tools` format. */
export interface CountableTool {
  type?: string;
  function: { name: string; description?: string; parameters?: ToolSchemaNode | Readonly<Record<string, unknown>> };
}
