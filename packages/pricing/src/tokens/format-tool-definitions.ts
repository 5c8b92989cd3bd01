import type { CountableTool, ToolSchemaNode } from './countable-message.js';

/*
 * OpenAI does not document how `tools` reach the model. Observed prompt_tokens match a TypeScript-like rendering
 * that the model sees inside the system message:
 *
 *   namespace functions {
 *
 *   // Get the weather
 *   type get_weather = (_: {
 *   // City name
 *   city: string,
 *   unit?: "c" | "f",
 *   }) => any;
 *
 *   } // namespace functions
 *
 * We render the same text and count it. Descriptions of nested properties are left out, as OpenAI appears to do.
 * For schemas beyond plain types, enums, arrays and objects the count is an approximation.
 */

function renderUnion(nodes: readonly ToolSchemaNode[], indent: number): string {
  return nodes.map((node) => renderType(node, indent)).join(' | ');
}

function renderType(node: ToolSchemaNode, indent: number): string {
  if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.anyOf !== undefined) return renderUnion(node.anyOf, indent);
  if (node.oneOf !== undefined) return renderUnion(node.oneOf, indent);
  if (Array.isArray(node.type)) return renderUnion(node.type.map((type: string) => ({ type })), indent);
  switch (node.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return node.items === undefined ? 'any[]' : `${renderType(node.items, indent)}[]`;
    case 'object': {
      const pad = ' '.repeat(indent);
      return `{\n${renderProperties(node, indent + 2)}\n${pad}}`;
    }
    default:
      return 'any';
  }
}

function renderProperties(node: ToolSchemaNode, indent: number): string {
  const required = new Set(node.required ?? []);
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    if (property.description !== undefined && indent === 0) lines.push(`${pad}// ${property.description}`);
    lines.push(`${pad}${name}${required.has(name) ? '' : '?'}: ${renderType(property, indent)},`);
  }
  return lines.join('\n');
}

/** The text OpenAI is understood to add to the prompt for `tools`. */
export function formatToolDefinitions(tools: readonly CountableTool[]): string {
  const lines = ['namespace functions {', ''];
  for (const { function: definition } of tools) {
    if (typeof definition.description === 'string' && definition.description !== '') lines.push(`// ${definition.description}`);
    const parameters = definition.parameters as ToolSchemaNode | null | undefined;
    if (parameters?.properties === undefined || Object.keys(parameters.properties).length === 0) {
      lines.push(`type ${definition.name} = () => any;`);
    } else {
      lines.push(`type ${definition.name} = (_: {`, renderProperties(parameters, 0), '}) => any;');
    }
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}
