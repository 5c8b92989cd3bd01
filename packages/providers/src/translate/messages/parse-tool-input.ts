/**
 * Tool-call arguments (a JSON string) → the `input` object of a `tool_use` block. Arguments a model produced that
 * are not a JSON object are kept as `{}`: a Messages client cannot be given anything but an object.
 */
export function parseToolInput(argumentsJson: string): Record<string, unknown> {
  if (argumentsJson.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(argumentsJson);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
