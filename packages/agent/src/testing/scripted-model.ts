import { nanoUsdToNumber, usdToNanoUsd, type FinishReason, type OpenAIUsage, type ResponseMessage, type ThinkingBlock } from '@tollgate/core';
import type { ModelCallOptions, ModelClient, ModelReply, ModelRequest, ModelStreamPart } from '../client/model-client.js';

/** A tool call a scripted turn makes. */
export interface ScriptedToolCall {
  /** Call id; default `call_<turn>_<index>`. */
  id?: string;
  name: string;
  /** A JSON string exactly as the model would write it (may be invalid on purpose), or an object to stringify. */
  arguments?: string | Record<string, unknown>;
}

/** One scripted model reply. */
export interface ScriptedTurn {
  text?: string;
  toolCalls?: readonly ScriptedToolCall[];
  /** Reasoning text (`reasoning_content`). */
  reasoning?: string;
  /** Signed thinking blocks (Anthropic style). */
  thinkingBlocks?: readonly ThinkingBlock[];
  /** Usage to report; default: about 4 characters per token of the request and the reply. */
  usage?: Pick<OpenAIUsage, 'prompt_tokens' | 'completion_tokens'> & Partial<OpenAIUsage>;
  /** Cost to report, USD; default none (the agent prices the usage from its catalogue). */
  costUsd?: number;
  /** Default: `tool_calls` with tool calls, else `stop`. */
  finishReason?: FinishReason;
  /** Thrown instead of answering. */
  error?: Error;
  /** Waits this long before answering (aborted by the call's signal). */
  delayMs?: number;
}

/** A turn, or a function of the request that returns one (to answer based on what the agent sent). */
export type ScriptStep = ScriptedTurn | ((request: ModelRequest, callIndex: number) => ScriptedTurn);

/** A call the scripted model received. */
export interface RecordedCall {
  /** A deep copy of the request as the agent sent it. */
  readonly request: ModelRequest;
  readonly streamed: boolean;
}

/** Options of {@link scriptedModel}. */
export interface ScriptedModelOptions {
  /** Replies, in order; a call after the last one fails. */
  turns: readonly ScriptStep[];
  /** Catalogue name the agent should price calls with (e.g. one registered with a test price). */
  pricingModel?: string;
  /** Characters per streamed text delta (default 8). */
  textChunkSize?: number;
}

const CHARACTERS_PER_TOKEN = 4;

/** A model client that replays scripted turns and records every call: the agent's test double. */
export class ScriptedModel implements ModelClient {
  /** Every call received, in order. */
  readonly calls: RecordedCall[] = [];
  private readonly options: ScriptedModelOptions;

  constructor(options: ScriptedModelOptions) {
    this.options = options;
  }

  /** Scripted turns not yet played. */
  get remainingTurns(): number {
    return this.options.turns.length - this.calls.length;
  }

  async complete(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelReply> {
    return this.play(request, false, options);
  }

  async *stream(request: ModelRequest, options: ModelCallOptions = {}): AsyncGenerator<ModelStreamPart> {
    const reply = await this.play(request, true, options);
    const size = this.options.textChunkSize ?? 8;
    for (const piece of pieces(reply.message.reasoning_content ?? '', size)) yield { type: 'reasoning-delta', text: piece };
    for (const piece of pieces(reply.message.content ?? '', size)) yield { type: 'text-delta', text: piece };
    yield { type: 'reply', reply };
  }

  pricingModels(model: string): readonly string[] {
    return [this.options.pricingModel ?? model];
  }

  private async play(request: ModelRequest, streamed: boolean, options: ModelCallOptions): Promise<ModelReply> {
    const callIndex = this.calls.length;
    this.calls.push({ request: structuredClone(request), streamed });
    const step = this.options.turns[callIndex];
    if (step === undefined) throw new Error(`ScriptedModel: no scripted turn left for call ${callIndex + 1}.`);
    const turn = typeof step === 'function' ? step(request, callIndex) : step;
    if (turn.delayMs) await delay(turn.delayMs, options.signal);
    options.signal?.throwIfAborted();
    if (turn.error) throw turn.error;
    return replyOf(turn, request, callIndex);
  }
}

/** A scripted model client (see {@link ScriptedModel}); pass the turns, or options. */
export function scriptedModel(turnsOrOptions: readonly ScriptStep[] | ScriptedModelOptions): ScriptedModel {
  return new ScriptedModel(Array.isArray(turnsOrOptions) ? { turns: turnsOrOptions } : (turnsOrOptions as ScriptedModelOptions));
}

function replyOf(turn: ScriptedTurn, request: ModelRequest, callIndex: number): ModelReply {
  const message: ResponseMessage = { role: 'assistant', content: turn.text ?? null };
  if (turn.reasoning) message.reasoning_content = turn.reasoning;
  if (turn.thinkingBlocks) message.thinking_blocks = [...turn.thinkingBlocks];
  if (turn.toolCalls && turn.toolCalls.length > 0) {
    message.tool_calls = turn.toolCalls.map((call, index) => ({
      id: call.id ?? `call_${callIndex + 1}_${index}`,
      type: 'function',
      function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}) },
    }));
  }
  const promptTokens = Math.ceil(JSON.stringify(request.messages).length / CHARACTERS_PER_TOKEN);
  const completionTokens = Math.ceil(((turn.text ?? '') + (turn.reasoning ?? '') + JSON.stringify(message.tool_calls ?? '')).length / CHARACTERS_PER_TOKEN);
  const usage: OpenAIUsage = turn.usage
    ? { total_tokens: turn.usage.prompt_tokens + turn.usage.completion_tokens, ...turn.usage }
    : { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  return {
    message,
    finishReason: turn.finishReason ?? (message.tool_calls ? 'tool_calls' : 'stop'),
    usage,
    costNanoUsd: turn.costUsd === undefined ? null : nanoUsdToNumber(usdToNanoUsd(turn.costUsd)),
    model: request.model,
    warnings: [],
  };
}

function pieces(text: string, size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < text.length; start += size) result.push(text.slice(start, start + size));
  return result;
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
