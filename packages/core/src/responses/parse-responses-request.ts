import { z } from 'zod';
import { BadRequestError } from '../errors/bad-request-error.js';
import { parseRequestBody } from '../validation/parse-request.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { responsesCreateRequestSchema } from './responses-create-request.js';
import { responsesFunctionToolSchema } from './responses-tool.js';

const _parsedRequestSchema = responsesCreateRequestSchema.extend({ tools: z.array(responsesFunctionToolSchema).nullish() });

/** A validated Responses request whose tools are all function tools. */
export type ParsedResponsesRequest = z.infer<typeof _parsedRequestSchema>;

/**
 * Validates a `POST /v1/responses` body. A built-in tool (`web_search`, `file_search`, `computer_use_preview`, …)
 * is refused with a 400 naming `tools[i].type`: the gateway serves function tools for every provider, and a tool
 * silently dropped would change what the model can do.
 */
export function parseResponsesCreateRequest(body: unknown): ParsedResponsesRequest {
  const request = parseRequestBody(responsesCreateRequestSchema, body);
  const tools = request.tools?.map((tool, index) => {
    if (tool.type !== 'function') {
      throw new BadRequestError(`Unsupported tool type '${tool.type}' in 'tools[${index}].type': this gateway serves 'function' tools only.`, {
        param: `tools[${index}].type`,
        code: 'unsupported_value',
      });
    }
    const parsed = responsesFunctionToolSchema.safeParse(tool, { reportInput: true });
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const { param, message } = issue ? describeZodIssue(issue, ['tools', index]) : { param: `tools[${index}]`, message: 'Invalid tool.' };
    throw new BadRequestError(message, { param });
  });
  refuseOrphanReasoning(request.input);
  return { ...request, tools };
}

/**
 * A reasoning item must be followed by the output item it produced — a function call, or the assistant message
 * with its `id` — as OpenAI requires (same message); a reasoning item alone carries no turn to translate.
 */
function refuseOrphanReasoning(input: ParsedResponsesRequest['input']): void {
  if (!Array.isArray(input)) return;
  input.forEach((item, index) => {
    if (item.type !== 'reasoning') return;
    const next = input[index + 1];
    const produced = next?.type === 'function_call' || (next !== undefined && 'role' in next && next.role === 'assistant' && typeof next.id === 'string');
    if (produced) return;
    throw new BadRequestError(`Item '${item.id ?? ''}' of type 'reasoning' was provided without its required following item.`, { param: 'input', code: null });
  });
}
