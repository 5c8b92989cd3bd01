import { jsonReply, SSE_TYPE, type Exchange, type PreparedReply } from '../http/exchange.js';
import { planReply } from '../plan/reply-plan.js';
import { anthropicError } from './anthropic-errors.js';
import { anthropicMessageBody } from './anthropic-message-body.js';
import { anthropicStreamFrames } from './anthropic-stream-frames.js';

/** `POST /v1/messages`: JSON, or SSE events when `stream: true`. `max_tokens` is required, as upstream. */
export function anthropicMessagesReply(exchange: Exchange): PreparedReply {
  const { body, request } = exchange;
  const missing = typeof body.model !== 'string' ? 'model' : !Array.isArray(body.messages) ? 'messages' : typeof body.max_tokens !== 'number' ? 'max_tokens' : undefined;
  if (missing) {
    const reply = anthropicError(400, `${missing}: Field required`);
    return jsonReply(reply.status, JSON.stringify(reply.body));
  }
  const plan = planReply({
    behaviour: exchange.behaviour,
    body,
    format: 'anthropic',
    model: request.model,
    defaultCompletionTokens: exchange.defaultCompletionTokens,
  });
  if (!request.stream) return jsonReply(200, anthropicMessageBody(plan, exchange.ids));
  return { kind: 'frames', status: 200, frames: anthropicStreamFrames(plan, exchange.ids), contentType: SSE_TYPE };
}
