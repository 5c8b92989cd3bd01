import type { MockReasoningBehaviour, MockTextBehaviour, MockToolCallsBehaviour } from '../behaviour/mock-behaviour.js';
import type { WireFormat } from '../http/recorded-request.js';
import { estimatePromptTokens } from './estimate-prompt-tokens.js';
import { generatedPieces, splitIntoFragments, splitIntoPieces } from './text-pieces.js';

/** Why the mock model stopped, in neutral terms each format maps to its own value. */
export type FinishKind = 'stop' | 'length' | 'tool_calls';

/** A behaviour that produces an answer (every behaviour except `error`). */
export type AnswerBehaviour = MockTextBehaviour | MockToolCallsBehaviour | MockReasoningBehaviour;

/** One function call, ready for every format. */
export interface PlannedToolCall {
  name: string;
  /** The arguments as the OpenAI format carries them (a string). */
  argumentsText: string;
  /** The arguments as Anthropic and Gemini carry them (an object; `{}` when the string is not a JSON object). */
  input: Readonly<Record<string, unknown>>;
  /** `argumentsText` cut into streamed fragments. */
  fragments: readonly string[];
}

/** Token counts in OpenAI's convention (prompt includes cache, completion includes reasoning). */
export interface PlannedUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/** A format-neutral answer: what the model "says"; the format writers only dress it. */
export interface ReplyPlan {
  model: string;
  reasoningPieces: readonly string[];
  textPieces: readonly string[];
  toolCalls: readonly PlannedToolCall[];
  finish: FinishKind;
  usage: PlannedUsage;
}

/** Inputs of {@link planReply}. */
export interface PlanReplyOptions {
  behaviour: AnswerBehaviour;
  body: unknown;
  format: WireFormat;
  model: string | undefined;
  /** Length of the generated answer when the behaviour gives none. */
  defaultCompletionTokens: number;
}

/** Decides the answer's content and token counts; the request's output limit truncates text (finish `length`). */
export function planReply(options: PlanReplyOptions): ReplyPlan {
  const { behaviour } = options;
  let reasoningPieces: readonly string[] = [];
  let textPieces: readonly string[] = [];
  let toolCalls: readonly PlannedToolCall[] = [];
  let finish: FinishKind = 'stop';
  let completionTokens: number;
  if (behaviour.reply === 'text') {
    textPieces = behaviour.text === undefined
      ? generatedPieces(behaviour.completionTokens ?? options.defaultCompletionTokens)
      : splitIntoPieces(behaviour.text);
    completionTokens = behaviour.text === undefined ? textPieces.length : behaviour.completionTokens ?? textPieces.length;
    const limit = maxOutputTokens(options.body, options.format);
    if (limit !== undefined && textPieces.length > limit) {
      textPieces = textPieces.slice(0, limit);
      completionTokens = limit;
      finish = 'length';
    }
  } else if (behaviour.reply === 'tool_calls') {
    textPieces = behaviour.text === undefined ? [] : splitIntoPieces(behaviour.text);
    toolCalls = behaviour.calls.map(planToolCall);
    completionTokens = textPieces.length;
    for (const call of toolCalls) completionTokens += Math.ceil((call.name.length + call.argumentsText.length) / 4);
    finish = 'tool_calls';
  } else {
    reasoningPieces = splitIntoPieces(behaviour.reasoning);
    textPieces = splitIntoPieces(behaviour.text);
    completionTokens = reasoningPieces.length + textPieces.length;
  }
  const overrides = behaviour.usage ?? {};
  return {
    model: options.model ?? 'mock-model',
    reasoningPieces,
    textPieces,
    toolCalls,
    finish,
    usage: {
      promptTokens: overrides.promptTokens ?? estimatePromptTokens(options.body, options.format),
      completionTokens: overrides.completionTokens ?? completionTokens,
      cachedTokens: overrides.cachedTokens ?? 0,
      cacheWriteTokens: overrides.cacheWriteTokens ?? 0,
      reasoningTokens: overrides.reasoningTokens ?? reasoningPieces.length,
    },
  };
}

function planToolCall(call: { name: string; arguments: string | Readonly<Record<string, unknown>> }): PlannedToolCall {
  const argumentsText = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
  const input = typeof call.arguments === 'string' ? parseObject(call.arguments) : call.arguments;
  return { name: call.name, argumentsText, input, fragments: splitIntoFragments(argumentsText) };
}

function parseObject(text: string): Readonly<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A deliberately malformed argument string (testing a client's repair path) has no object form.
    return {};
  }
}

/** The request's output limit: OpenAI `max_completion_tokens`/`max_tokens`, Anthropic `max_tokens`, Gemini `maxOutputTokens`. */
function maxOutputTokens(body: unknown, format: WireFormat): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const value = format === 'gemini'
    ? (fields.generationConfig as Record<string, unknown> | undefined)?.maxOutputTokens
    : format === 'openai' ? fields.max_completion_tokens ?? fields.max_tokens : fields.max_tokens;
  return typeof value === 'number' && value >= 0 ? value : undefined;
}
