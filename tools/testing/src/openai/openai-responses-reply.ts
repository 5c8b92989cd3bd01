import { jsonReply, SSE_TYPE, type Exchange, type PreparedReply } from '../http/exchange.js';
import { planReply, type ReplyPlan } from '../plan/reply-plan.js';
import type { IdSource } from '../http/id-source.js';
import { openAIError } from './openai-errors.js';
import { openAIResponsesFrames } from './openai-responses-frames.js';

/**
 * `POST …/responses`: OpenAI's Responses API. The answer is the behaviour's plan as output items (reasoning first,
 * with `encrypted_content` when `include` asks for `reasoning.encrypted_content`), and the request's settings echoed
 * as OpenAI does; with `stream: true`, as Responses events.
 */
export function openAIResponsesReply(exchange: Exchange): PreparedReply {
  const { body, request } = exchange;
  if (typeof body.model !== 'string') return invalid('you must provide a model parameter', 'model');
  if (body.input === undefined) return invalid("Missing required parameter: 'input'.", 'input');
  const plan = planReply({ behaviour: exchange.behaviour, body, format: 'openai', model: request.model, defaultCompletionTokens: exchange.defaultCompletionTokens });
  const include = Array.isArray(body.include) ? body.include : [];
  const response = responseBody(plan, body, exchange.ids, include.includes('reasoning.encrypted_content'));
  if (!request.stream) return jsonReply(200, JSON.stringify(response));
  return { kind: 'frames', status: 200, frames: openAIResponsesFrames(plan, response), contentType: SSE_TYPE };
}

function responseBody(plan: ReplyPlan, body: Record<string, unknown>, ids: IdSource, encryptedReasoning: boolean) {
  const output: (Record<string, unknown> & { type: string; id: string })[] = [];
  if (plan.reasoningPieces.length > 0 || encryptedReasoning) {
    const reasoning: Record<string, unknown> & { type: string; id: string } = { type: 'reasoning', id: ids.next('rs_', 24), summary: [] };
    if (plan.reasoningPieces.length > 0) reasoning.summary = [{ type: 'summary_text', text: plan.reasoningPieces.join('') }];
    if (encryptedReasoning) reasoning.encrypted_content = `gAAAA${ids.next('', 40)}`;
    output.push(reasoning);
  }
  if (plan.textPieces.length > 0 || plan.toolCalls.length === 0) {
    output.push({
      type: 'message',
      id: ids.next('msg_', 24),
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: plan.textPieces.join(''), annotations: [], logprobs: [] }],
    });
  }
  for (const call of plan.toolCalls) {
    output.push({ type: 'function_call', id: ids.next('fc_', 24), call_id: ids.next('call_', 24), name: call.name, arguments: call.argumentsText, status: 'completed' });
  }
  const created = Math.floor(Date.now() / 1000);
  const { usage } = plan;
  return {
    id: ids.next('resp_', 24),
    object: 'response',
    created_at: created,
    status: plan.finish === 'length' ? 'incomplete' : 'completed',
    completed_at: created,
    error: null,
    incomplete_details: plan.finish === 'length' ? { reason: 'max_output_tokens' } : null,
    instructions: typeof body.instructions === 'string' ? body.instructions : null,
    max_output_tokens: typeof body.max_output_tokens === 'number' ? body.max_output_tokens : null,
    model: plan.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls !== false,
    previous_response_id: typeof body.previous_response_id === 'string' ? body.previous_response_id : null,
    reasoning: { effort: null, summary: null },
    store: body.store !== false,
    temperature: typeof body.temperature === 'number' ? body.temperature : 1,
    text: { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: Array.isArray(body.tools) ? body.tools : [],
    top_p: typeof body.top_p === 'number' ? body.top_p : 1,
    truncation: body.truncation === 'auto' ? 'auto' : 'disabled',
    usage: {
      input_tokens: usage.promptTokens,
      input_tokens_details: { cached_tokens: usage.cachedTokens },
      output_tokens: usage.completionTokens,
      output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
      total_tokens: usage.promptTokens + usage.completionTokens,
    },
    user: null,
    metadata: typeof body.metadata === 'object' && body.metadata !== null ? body.metadata : {},
  };
}

function invalid(message: string, param: string): PreparedReply {
  const reply = openAIError(400, message, param);
  return jsonReply(reply.status, JSON.stringify(reply.body));
}
