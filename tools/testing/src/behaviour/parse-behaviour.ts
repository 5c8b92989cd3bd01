import type { MockBehaviour, MockToolCall } from './mock-behaviour.js';

const REPLIES = new Set(['text', 'tool_calls', 'reasoning', 'error', 'raw']);
const NUMBER_KNOBS = ['delayMs', 'chunkDelayMs', 'disconnectAfterChunks', 'completionTokens', 'status'] as const;
const USAGE_FIELDS = ['promptTokens', 'completionTokens', 'cachedTokens', 'cacheWriteTokens', 'reasoningTokens'];

/**
 * Checks a behaviour that arrived as JSON (the `x-mock-behaviour` header, the CLI's `--behaviour`). Hand-written
 * rather than zod so that a dependency-free mock stays cheap on the benchmark's hot path.
 * @throws Error naming the first bad field.
 */
export function parseBehaviour(value: unknown): MockBehaviour {
  if (!isRecord(value)) throw new Error('behaviour must be a JSON object');
  if (typeof value.reply !== 'string' || !REPLIES.has(value.reply)) {
    throw new Error('behaviour.reply must be one of text, tool_calls, reasoning, error, raw');
  }
  for (const knob of NUMBER_KNOBS) {
    const knobValue = value[knob];
    if (knobValue !== undefined && !isNonNegativeInteger(knobValue)) {
      throw new Error(`behaviour.${knob} must be a non-negative integer`);
    }
  }
  for (const field of ['text', 'reasoning', 'message', 'contentType'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') throw new Error(`behaviour.${field} must be a string`);
  }
  checkUsage(value.usage);
  checkHeaders(value.headers);
  if (value.reply === 'error' && value.status === undefined) throw new Error('behaviour.status is required for an error');
  if (value.reply === 'reasoning' && (typeof value.reasoning !== 'string' || typeof value.text !== 'string')) {
    throw new Error('behaviour.reasoning and behaviour.text are required for reasoning');
  }
  if (value.reply === 'tool_calls') checkCalls(value.calls);
  if (value.reply === 'raw') checkRawBody(value.body);
  return value as unknown as MockBehaviour;
}

function checkUsage(usage: unknown): void {
  if (usage === undefined) return;
  if (!isRecord(usage)) throw new Error('behaviour.usage must be an object');
  for (const [key, count] of Object.entries(usage)) {
    if (!USAGE_FIELDS.includes(key)) throw new Error(`behaviour.usage.${key} is not a known field`);
    if (!isNonNegativeInteger(count)) throw new Error(`behaviour.usage.${key} must be a non-negative integer`);
  }
}

function checkHeaders(headers: unknown): void {
  if (headers === undefined) return;
  if (!isRecord(headers) || Object.values(headers).some((header) => typeof header !== 'string')) {
    throw new Error('behaviour.headers must map names to strings');
  }
}

function checkCalls(calls: unknown): asserts calls is MockToolCall[] {
  if (!Array.isArray(calls) || calls.length === 0) throw new Error('behaviour.calls must be a non-empty array');
  calls.forEach((call: unknown, index) => {
    if (!isRecord(call) || typeof call.name !== 'string') throw new Error(`behaviour.calls[${index}].name must be a string`);
    if (typeof call.arguments !== 'string' && !isRecord(call.arguments)) {
      throw new Error(`behaviour.calls[${index}].arguments must be a string or an object`);
    }
  });
}

function checkRawBody(body: unknown): void {
  const isText = typeof body === 'string' || (Array.isArray(body) && body.every((piece) => typeof piece === 'string'));
  if (!isText) throw new Error('behaviour.body must be a string or an array of strings for raw');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
