import { jsonReply, type Exchange, type PreparedReply } from '../http/exchange.js';
import { planReply } from '../plan/reply-plan.js';
import { geminiBatchEmbedBody, geminiEmbedBody } from './gemini-embeddings-body.js';
import { geminiError } from './gemini-errors.js';
import { geminiGenerateBody, geminiStreamResponses } from './gemini-generate-responses.js';

/** Gemini's JSON content type. */
const GEMINI_JSON = 'application/json; charset=UTF-8';

/**
 * `:generateContent` and `:streamGenerateContent`. With `?alt=sse` the stream is SSE frames ending in CRLF CRLF
 * and no `[DONE]`; without it, Gemini answers one JSON array of the same responses.
 */
export function geminiGenerateReply(exchange: Exchange): PreparedReply {
  const { body, request } = exchange;
  if (!Array.isArray(body.contents) || body.contents.length === 0) {
    return invalid('* GenerateContentRequest.contents: contents is not specified');
  }
  const plan = planReply({
    behaviour: exchange.behaviour,
    body,
    format: 'gemini',
    model: request.model,
    defaultCompletionTokens: exchange.defaultCompletionTokens,
  });
  if (!request.stream) return jsonReply(200, geminiGenerateBody(plan, exchange.ids), GEMINI_JSON);
  const responses = geminiStreamResponses(plan, exchange.ids);
  if (request.query.alt !== 'sse') return jsonReply(200, JSON.stringify(responses), GEMINI_JSON);
  return { kind: 'frames', status: 200, frames: responses.map((response) => `data: ${JSON.stringify(response)}\r\n\r\n`), contentType: 'text/event-stream' };
}

/** `:embedContent` and `:batchEmbedContents`. */
export function geminiEmbedReply(exchange: Exchange): PreparedReply {
  const { request, body } = exchange;
  const outcome = request.route === 'gemini.batchEmbed' ? geminiBatchEmbedBody(body, request.model) : geminiEmbedBody(body, request.model);
  if ('invalid' in outcome) return invalid(outcome.invalid);
  return jsonReply(200, outcome.body, GEMINI_JSON);
}

function invalid(message: string): PreparedReply {
  const reply = geminiError(400, message);
  return jsonReply(reply.status, JSON.stringify(reply.body), GEMINI_JSON);
}
