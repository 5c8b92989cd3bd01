/** A tool definition the model could not be given: bad name, non-object parameters, a schema JSON cannot express. */
export class ToolDefinitionError extends Error {
  /** Name of the tool at fault (as given). */
  readonly toolName: string;

  constructor(toolName: string, message: string, options: { cause?: unknown } = {}) {
    super(`Invalid tool "${toolName}": ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolDefinitionError';
    this.toolName = toolName;
  }
}
