import { jsonReply, SSE_TYPE, type Exchange, type PreparedReply } from '../http/exchange.js';
import { planReply } from '../plan/reply-plan.js';
import { openAIChatBody } from './openai-chat-body.js';
import { openAIChatFrames } from './openai-chat-frames.js';
import { openAIError } from './openai-errors.js';
import { openAIEmbeddingsBody } from './openai-embeddings-body.js';

/** `POST …/chat/completions`: JSON, or SSE when `stream: true`. */
export function openAIChatReply(exchange: Exchange): PreparedReply {
  const { body, request } = exchange;
  if (typeof body.model !== 'string') return invalid('you must provide a model parameter', 'model');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return invalid("'messages' must be a non-empty array.", 'messages');
  const plan = planReply({
    behaviour: exchange.behaviour,
    body,
    format: 'openai',
    model: request.model,
    defaultCompletionTokens: exchange.defaultCompletionTokens,
  });
  if (!request.stream) return jsonReply(200, openAIChatBody(plan, exchange.ids));
  const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
  const frames = openAIChatFrames({ plan, ids: exchange.ids, includeUsage: streamOptions?.include_usage === true });
  return { kind: 'frames', status: 200, frames, contentType: SSE_TYPE };
}

/** `POST …/embeddings`. */
export function openAIEmbeddingsReply(exchange: Exchange): PreparedReply {
  const outcome = openAIEmbeddingsBody(exchange.body, exchange.request.model);
  if ('invalid' in outcome) return invalid(outcome.invalid, 'input');
  return jsonReply(200, outcome.body);
}

function invalid(message: string, param: string): PreparedReply {
  const reply = openAIError(400, message, param);
  return jsonReply(reply.status, JSON.stringify(reply.body));
}

