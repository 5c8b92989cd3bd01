import { BadRequestError } from '@tollgate/core';
import type { CountableContentPart, CountableMessage, CountableTool } from './countable-message.js';
import { encodingForModel, type EncodingName } from './encoding-for-model.js';
import { formatToolDefinitions } from './format-tool-definitions.js';
import { tokenCounterFor, type StringTokenCounter } from './load-encoding.js';

/** Count the tokens of a whole chat request, or of one string. */
export type CountTokensOptions =
  | { model: string; messages: readonly CountableMessage[]; tools?: readonly CountableTool[] | null; text?: undefined }
  | { model: string; text: string; messages?: undefined; tools?: undefined };

/** A token count and how it was obtained. */
export interface TokenCount {
  tokens: number;
  /** The BPE encoding used. */
  encoding: EncodingName;
  /** False for OpenAI models counted with their own tokenizer; true for the o200k estimate used for others. */
  estimated: boolean;
}

/*
 * Chat overhead, from OpenAI's cookbook ("How to count tokens with tiktoken", gpt-3.5-turbo-0613 and later, GPT-4,
 * GPT-4o): every message costs 3 tokens besides its role and content, a `name` 1 more, and the reply is primed with
 * 3 (`<|start|>assistant<|message|>`).
 */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING_TOKENS = 3;

/* Tools (see format-tool-definitions.ts): the rendered definitions plus a fixed wrapper; when a system message exists
 * the definitions join it, which saves that wrapper's own message overhead. Calibrated on OpenAI-measured counts. */
const TOOLS_OVERHEAD = 9;
const TOOLS_WITH_SYSTEM_DISCOUNT = 4;
/* A tool call the assistant made: its name and arguments plus a few tokens of framing (approximation). */
const TOKENS_PER_TOOL_CALL = 3;

/*
 * Images: the cost depends on the image's size, which a URL does not tell. `detail: "low"` is a flat 85 tokens; any
 * other detail is counted as a 1024×1024 image at high detail (85 + 4 tiles × 170 = 765), a common size, so budget
 * estimates lean high rather than low. Audio and file parts are not counted (their size is unknown here).
 */
const LOW_DETAIL_IMAGE_TOKENS = 85;
const DEFAULT_IMAGE_TOKENS = 765;

function contentTokens(content: CountableMessage['content'], count: StringTokenCounter): number {
  if (content === undefined || content === null) return 0;
  if (typeof content === 'string') return count(content);
  return content.reduce((sum: number, part: CountableContentPart) => {
    if (part.type === 'text') return sum + count(part.text ?? '');
    if (part.type === 'image_url') {
      const detail = typeof part.image_url === 'object' ? part.image_url.detail : undefined;
      return sum + (detail === 'low' ? LOW_DETAIL_IMAGE_TOKENS : DEFAULT_IMAGE_TOKENS);
    }
    return sum;
  }, 0);
}

function messageTokens(message: CountableMessage, count: StringTokenCounter, padSystem: boolean): number {
  let tokens = TOKENS_PER_MESSAGE + count(message.role);
  if (padSystem && typeof message.content === 'string' && !message.content.endsWith('\n')) {
    tokens += count(`${message.content}\n`);
  } else {
    tokens += contentTokens(message.content, count);
  }
  const name = 'name' in message ? message.name : undefined;
  if (typeof name === 'string' && name !== '') {
    tokens += count(name) + TOKENS_PER_NAME;
  }
  if (message.role !== 'assistant') return tokens;
  const calls = [...(message.tool_calls ?? []).map((call) => call.function)];
  if (message.function_call !== undefined && message.function_call !== null) calls.push(message.function_call);
  for (const call of calls) tokens += count(call.name) + count(call.arguments) + TOKENS_PER_TOOL_CALL;
  return tokens;
}

function chatTokens(
  messages: readonly CountableMessage[],
  tools: readonly CountableTool[],
  count: StringTokenCounter,
): number {
  const hasTools = tools.length > 0;
  // With tools, OpenAI appends the definitions to the first system message, after a newline.
  const firstSystem = hasTools ? messages.findIndex((message) => message.role === 'system') : -1;
  let tokens = REPLY_PRIMING_TOKENS;
  messages.forEach((message, index) => {
    tokens += messageTokens(message, count, index === firstSystem);
  });
  if (hasTools) {
    tokens += count(formatToolDefinitions(tools)) + TOOLS_OVERHEAD;
    if (firstSystem >= 0) tokens -= TOOLS_WITH_SYSTEM_DISCOUNT;
  }
  return tokens;
}

/**
 * Counts the prompt tokens of a chat request (`messages`, optional `tools`) or of plain `text`. OpenAI models use
 * their own encoding (o200k_base for GPT-4o/4.1/5 and o-series, cl100k_base for GPT-4/3.5 and embeddings) and
 * OpenAI's message overhead; other models get the o200k_base estimate (`estimated: true`). Tool definitions and
 * images are approximations (see the constants above). Encodings load on first use.
 */
export function countTokens(options: CountTokensOptions): TokenCount {
  const { encoding, exact } = encodingForModel(options.model);
  return { tokens: countWith(options, tokenCounterFor(encoding)), encoding, estimated: !exact };
}

/* Every token of a byte-level BPE encoding stands for at least one UTF-8 byte, so a text has no more tokens than bytes. */
const utf8Bytes: StringTokenCounter = (text) => Buffer.byteLength(text, 'utf8');

/**
 * A bound no smaller than {@link countTokens} would return, without loading a tokenizer: the same message, tool and
 * image accounting with every text counted as its UTF-8 byte length. Cheap (no BPE, no rank tables in memory); a
 * budget or rate check that fits under the bound needs no exact count.
 */
export function tokenUpperBound(options: CountTokensOptions): number {
  return countWith(options, utf8Bytes);
}

function countWith(options: CountTokensOptions, count: StringTokenCounter): number {
  if (typeof options.text === 'string' && options.messages === undefined) return count(options.text);
  if (Array.isArray(options.messages) && options.text === undefined) return chatTokens(options.messages, options.tools ?? [], count);
  throw new BadRequestError('countTokens needs either messages or text, not both', { param: 'messages' });
}
