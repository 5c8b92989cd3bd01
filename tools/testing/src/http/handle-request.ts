import type { IncomingMessage, ServerResponse } from 'node:http';
import { anthropicMessagesReply } from '../anthropic/anthropic-routes.js';
import type { MockBehaviour } from '../behaviour/mock-behaviour.js';
import { parseBehaviour } from '../behaviour/parse-behaviour.js';
import { geminiEmbedReply, geminiGenerateReply } from '../gemini/gemini-routes.js';
import { openAIChatReply, openAIEmbeddingsReply } from '../openai/openai-routes.js';
import { openAIResponsesReply } from '../openai/openai-responses-reply.js';
import { controlReply } from './control-reply.js';
import { replyToClient } from './reply-to-client.js';
import { authErrorReply, errorReply } from './error-reply.js';
import { errorJson, jsonReply, jsonType, rawReply, type Exchange, type PreparedReply } from './exchange.js';
import type { MockServerState } from './mock-server-state.js';
import { countArrival } from './mock-stats.js';
import { modelListing } from './model-listing.js';
import { parseJsonBody, readBody } from './read-body.js';
import type { MockRoute, RecordedRequest } from './recorded-request.js';
import { presentedApiKey } from './request-identity.js';
import { routeRequest, type RouteMatch } from './route-request.js';

const NO_QUERY: Readonly<Record<string, string>> = Object.freeze({});
const ANSWER_ROUTES: Partial<Record<MockRoute, (exchange: Exchange) => PreparedReply>> = {
  'openai.chat': openAIChatReply,
  'openai.embeddings': openAIEmbeddingsReply,
  'openai.responses': openAIResponsesReply,
  'anthropic.messages': anthropicMessagesReply,
  'gemini.generate': geminiGenerateReply,
  'gemini.stream': geminiGenerateReply,
  'gemini.embed': geminiEmbedReply,
  'gemini.batchEmbed': geminiEmbedReply,
};

/** The server's request listener: route, record, authenticate, choose a behaviour, answer. */
export function createRequestHandler(state: MockServerState): (request: IncomingMessage, response: ServerResponse) => void {
  let lastHeader: { text: string; behaviour: MockBehaviour } | undefined;
  // A benchmark sends the same `x-mock-behaviour` on every request: parse it once.
  const headerBehaviour = (text: string): MockBehaviour => {
    if (lastHeader?.text !== text) lastHeader = { text, behaviour: parseBehaviour(JSON.parse(text)) };
    return lastHeader.behaviour;
  };
  return (request, response) => {
    handle({ state, request, response, headerBehaviour }).catch(() => {
      // Only a bug in the mock lands here: cut the connection rather than leave the client hanging.
      response.destroy();
    });
  };
}

interface HandleContext {
  state: MockServerState;
  request: IncomingMessage;
  response: ServerResponse;
  headerBehaviour: (text: string) => MockBehaviour;
}

async function handle(context: HandleContext): Promise<void> {
  const { state, request, response } = context;
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const method = request.method ?? 'GET';
  const replay = state.settings.mode === 'replay';
  const match = routeRequest(method, path, request.headers);
  // Node discards an unread request body once the reply ends, so control routes need not read theirs.
  if (!replay && controlReply(state, match.route, response)) return;
  trackInflight(state, response);
  const rawBody = method === 'GET' || method === 'HEAD' ? '' : await readBody(request);
  const query = queryStart === -1 ? NO_QUERY : Object.fromEntries(new URLSearchParams(url.slice(queryStart + 1)));
  const parsed = parseJsonBody(rawBody);
  const recorded = recordedRequest({ request, method, path, url, query, match, rawBody, body: 'value' in parsed ? parsed.value : parsed.invalid });
  countArrival(state.stats, match.route, recorded.stream);
  if (state.settings.recordRequests) record(state, recorded);
  const reply = (prepared: PreparedReply, behaviour?: MockBehaviour): Promise<void> =>
    replyToClient({ state, response, prepared, behaviour, format: match.format });

  if (!replay) {
    if (match.route === 'unknown') return reply(errorJson('openai', errorReply('openai', 404, `Invalid URL (${method} ${path})`)));
    if ('invalid' in parsed) return reply(errorJson(match.format, errorReply(match.format, 400, 'The request body is not valid JSON.')));
    const required = state.settings.requireApiKey;
    if (required !== undefined && recorded.apiKey !== required) return reply(errorJson(match.format, authErrorReply(match.format, recorded.apiKey)));
    const listing = modelListing(state.settings.models, match.route, match.pathModel);
    if (listing) return reply(listing);
  }

  let fromHeader: MockBehaviour | undefined;
  let behaviour: MockBehaviour;
  try {
    const header = request.headers['x-mock-behaviour'];
    fromHeader = typeof header === 'string' ? context.headerBehaviour(header) : undefined;
  } catch (error) {
    return reply(errorJson(match.format, errorReply(match.format, 400, `x-mock-behaviour: ${messageOf(error)}`)));
  }
  try {
    behaviour = state.behaviours.pick(recorded, fromHeader);
  } catch (error) {
    // A test's behaviour function threw: say so in the reply instead of hanging up without a word.
    return reply(errorJson(match.format, errorReply(match.format, 500, `mock behaviour function threw: ${messageOf(error)}`)));
  }
  if (behaviour.reply === 'error') return reply(errorBehaviourReply(match, behaviour), behaviour);
  if (behaviour.reply === 'raw') return reply(rawReply(behaviour), behaviour);
  const answer = ANSWER_ROUTES[match.route];
  if (!answer) return reply(errorJson(match.format, errorReply(match.format, 404, `Invalid URL (${method} ${path})`)));
  const body = recorded.body;
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const exchange = { request: recorded, body: fields, behaviour, defaultCompletionTokens: state.settings.completionTokens, ids: state.ids };
  return reply(answer(exchange), behaviour);
}

function recordedRequest(options: {
  request: IncomingMessage;
  method: string;
  path: string;
  url: string;
  query: Readonly<Record<string, string>>;
  match: RouteMatch;
  rawBody: string;
  body: unknown;
}): RecordedRequest {
  const { match, body } = options;
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    method: options.method,
    path: options.path,
    url: options.url,
    query: options.query,
    headers: options.request.headers,
    body,
    bodyText: options.rawBody,
    route: match.route,
    format: match.format,
    model: match.pathModel ?? (typeof fields.model === 'string' ? fields.model : undefined),
    stream: match.route === 'gemini.stream' || fields.stream === true,
    apiKey: presentedApiKey(match.format, options.request.headers, options.query),
  };
}

function errorBehaviourReply(match: RouteMatch, behaviour: Extract<MockBehaviour, { reply: 'error' }>): PreparedReply {
  const custom = behaviour.body;
  const body = custom === undefined
    ? JSON.stringify(errorReply(match.format, behaviour.status, behaviour.message).body)
    : typeof custom === 'string' ? custom : JSON.stringify(custom);
  return jsonReply(behaviour.status, body, jsonType(match.format));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function trackInflight(state: MockServerState, response: ServerResponse): void {
  const { stats } = state;
  stats.inflight += 1;
  if (stats.inflight > stats.maxInflight) stats.maxInflight = stats.inflight;
  response.once('close', () => {
    stats.inflight -= 1;
  });
}

function record(state: MockServerState, request: RecordedRequest): void {
  state.requests.push(request);
  const excess = state.requests.length - state.settings.maxRecordedRequests;
  if (excess > 0) state.requests.splice(0, excess);
}
