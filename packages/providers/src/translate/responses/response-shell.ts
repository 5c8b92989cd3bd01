import type { ParsedResponsesRequest, ResponseObject } from '@tollgate/core';

/** Who a Response is and what it echoes, fixed before the model answers. */
export interface ResponseIdentity {
  /** `resp_…` */
  id: string;
  /** Unix time (seconds). */
  createdAt: number;
  /** Whether it will be kept (the request's `store`, default true). */
  store: boolean;
}

/**
 * A Response in progress for this request (no output, no usage), echoing the effective settings the way OpenAI
 * does, so clients that read them back (the Agents SDK, the AI SDK) see what they sent.
 */
export function responseShell(request: ParsedResponsesRequest, identity: ResponseIdentity): ResponseObject {
  return {
    id: identity.id,
    object: 'response',
    created_at: identity.createdAt,
    status: 'in_progress',
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: request.model,
    output: [],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: request.reasoning?.summary ?? null },
    store: identity.store,
    temperature: request.temperature ?? 1,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? 1,
    truncation: request.truncation ?? 'disabled',
    usage: null,
    user: request.user ?? null,
    metadata: request.metadata ?? {},
  };
}
