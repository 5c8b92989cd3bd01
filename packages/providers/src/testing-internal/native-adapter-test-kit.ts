// Test helpers shared by the native adapters' tests (anthropic, gemini, cohere, ollama): replaying a body through
// the shared stream decoder under many chunkings, and an aggregator that also folds `thinking_blocks` and
// `provider_specific_fields`. Lives under `testing-internal/` so it never ships in the build; names no provider.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SseDecoder, type ChatCompletionChunk, type OpenAIUsage, type ThinkingBlock } from '@tollgate/core';
import type { AdapterCallContext } from '../adapter/adapter-call-context.js';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import { decodeProviderStream } from '../completion/decode-provider-stream.js';
import { readFixture } from './fixtures.js';
import { seededRandom } from '@tollgate/testing';

export { readFixture };

/** A call context with fixed id and time, so outputs are deterministic. */
export function testContext(overrides: Partial<AdapterCallContext> & Pick<AdapterCallContext, 'providerId' | 'model' | 'apiBase'>): AdapterCallContext {
  return {
    apiKey: 'test-key',
    apiVersion: undefined,
    stream: false,
    includeUsage: false,
    requestId: 'req-test',
    created: 1_700_000_000,
    ...overrides,
  };
}

/** A JSON fixture, parsed. */
export function readJsonFixture(directory: string, name: string): unknown {
  return JSON.parse(readFixture(directory, name));
}

/** How to cut a byte stream: whole, one byte at a time, or at random offsets from a seed. */
export type Chunking = 'whole' | 'bytewise' | { readonly seed: number };

/** The bytes cut as `chunking` says (random cuts land mid-line, mid-`\r\n` and mid-UTF-8 character alike). */
export function cutBytes(bytes: Uint8Array, chunking: Chunking): Uint8Array[] {
  if (chunking === 'whole') return [bytes];
  if (chunking === 'bytewise') return Array.from(bytes, (byte) => Uint8Array.of(byte));
  const random = seededRandom(chunking.seed);
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; ) {
    const length = 1 + Math.floor(random() * 24);
    pieces.push(bytes.subarray(start, start + length));
    start += length;
  }
  return pieces;
}

async function* asStream(pieces: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield piece;
}

/** Feeds a recorded body through the shared stream decoder into the adapter's parser, cut as `chunking` says. */
export async function replayStream(
  adapter: ProviderAdapter,
  body: string,
  context: AdapterCallContext,
  chunking: Chunking = 'whole',
): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of decodeProviderStream(asStream(cutBytes(Buffer.from(body, 'utf8'), chunking)), adapter, context)) {
    chunks.push(chunk);
  }
  return chunks;
}

/** Synthesized tool-call ids (`call_` + 24 random characters) made comparable across runs. */
export function withStableIds<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/call_[A-Za-z0-9]{24}/g, 'call_<synthesized>')) as T;
}

/**
 * Replays a stream whole, byte by byte and cut at 20 random places, and expects identical chunks each time;
 * returns the chunks of the whole replay.
 */
export async function replayUnderRechunking(
  adapter: ProviderAdapter,
  body: string,
  context: AdapterCallContext,
): Promise<ChatCompletionChunk[]> {
  const whole = await replayStream(adapter, body, context, 'whole');
  const chunkings: Chunking[] = ['bytewise', ...Array.from({ length: 20 }, (_, seed) => ({ seed: seed + 1 }))];
  for (const chunking of chunkings) {
    const replayed = await replayStream(adapter, body, context, chunking);
    if (JSON.stringify(withStableIds(replayed)) !== JSON.stringify(withStableIds(whole))) {
      throw new Error(`stream output changed under chunking ${JSON.stringify(chunking)}`);
    }
  }
  return whole;
}

/** A streamed choice put back together, the way OpenAI clients aggregate deltas. */
export interface AggregatedChoice {
  index: number;
  message: {
    role: string | undefined;
    content: string | null;
    reasoning_content?: string;
    tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
    thinking_blocks?: ThinkingBlock[];
    provider_specific_fields?: Record<string, unknown>;
  };
  finish_reason: string | null;
  native_finish_reason: unknown;
}

/** The aggregate of a chunk list: id, model, choices and the last usage reported. */
export interface AggregatedStream {
  id: string | undefined;
  model: string | undefined;
  choices: AggregatedChoice[];
  usage: OpenAIUsage | undefined;
}

/** Aggregates chunks: texts concatenated, tool-call fragments joined by index, last finish reason and usage kept. */
export function aggregateChunks(chunks: readonly ChatCompletionChunk[]): AggregatedStream {
  const choices = new Map<number, AggregatedChoice & { contentPieces: string[]; reasoningPieces: string[] }>();
  let usage: OpenAIUsage | undefined;
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      let aggregate = choices.get(choice.index);
      if (!aggregate) {
        aggregate = {
          index: choice.index,
          message: { role: undefined, content: null },
          finish_reason: null,
          native_finish_reason: undefined,
          contentPieces: [],
          reasoningPieces: [],
        };
        choices.set(choice.index, aggregate);
      }
      const delta = choice.delta;
      if (delta.role) aggregate.message.role = delta.role;
      if (delta.content) aggregate.contentPieces.push(delta.content);
      if (delta.reasoning_content) aggregate.reasoningPieces.push(delta.reasoning_content);
      if (delta.thinking_blocks) aggregate.message.thinking_blocks = [...(aggregate.message.thinking_blocks ?? []), ...delta.thinking_blocks];
      const extra = delta['provider_specific_fields'];
      if (extra && typeof extra === 'object') aggregate.message.provider_specific_fields = { ...aggregate.message.provider_specific_fields, ...extra };
      for (const fragment of delta.tool_calls ?? []) {
        const toolCalls = (aggregate.message.tool_calls ??= []);
        let toolCall = toolCalls[fragment.index];
        if (!toolCall) {
          toolCall = { id: '', type: 'function', function: { name: '', arguments: '' } };
          toolCalls[fragment.index] = toolCall;
        }
        if (fragment.id) toolCall.id = fragment.id;
        if (fragment.type) toolCall.type = fragment.type;
        if (fragment.function?.name) toolCall.function.name = fragment.function.name;
        if (fragment.function?.arguments) toolCall.function.arguments += fragment.function.arguments;
      }
      if (choice.finish_reason) aggregate.finish_reason = choice.finish_reason;
      const native = (choice['provider_specific_fields'] as Record<string, unknown> | undefined)?.['native_finish_reason'];
      if (native !== undefined) aggregate.native_finish_reason = native;
    }
  }
  return {
    id: chunks[0]?.id,
    model: chunks[0]?.model,
    usage,
    choices: [...choices.values()]
      .sort((a, b) => a.index - b.index)
      .map(({ contentPieces, reasoningPieces, ...choice }) => {
        choice.message.content = contentPieces.length > 0 ? contentPieces.join('') : null;
        if (reasoningPieces.length > 0) choice.message.reasoning_content = reasoningPieces.join('');
        return choice;
      }),
  };
}

/** Compares tool-call argument strings as JSON values (key order and spacing follow the provider). */
export function parsedArguments(toolCalls: readonly { function: { arguments: string } }[] | null | undefined): unknown[] {
  return (toolCalls ?? []).map((toolCall) => JSON.parse(toolCall.function.arguments));
}

// ---- The shared reference recordings (/work/shared/fixtures/providers), read in place, never copied. ----

/** Where the shared recordings live; tests that read them skip (with a printed reason) when it is absent. */
export const SHARED_FIXTURES_ROOT = '/work/shared/fixtures/providers';

/** One recorded case: its directory, meta.json and the names of the files it holds. */
export interface SharedFixtureCase {
  readonly name: string;
  readonly directory: string;
  readonly meta: {
    readonly response: { readonly status: number; readonly body_file: string };
    readonly openai_input?: Record<string, unknown> | null;
    readonly expected: Record<string, unknown>;
  };
  readonly request: { readonly url?: string; readonly body?: Record<string, unknown> } | undefined;
}

/**
 * Declares the checks of a provider's adapter against its shared recordings, or one skipped test (the reason is
 * printed by `sharedFixtureCases`) where the recordings are not on this machine.
 */
export function describeSharedRecordings(provider: string, body: (cases: readonly SharedFixtureCase[]) => void): void {
  const cases = (sharedFixtureCases(provider) ?? []).filter(isChatRecording);
  const title = `${provider} adapter vs shared recordings`;
  if (cases.length === 0) it.skip(`${title}: the recordings are not on this machine`, () => undefined);
  else describe(title, () => body(cases));
}

/**
 * Whether a recording is of the chat API (an OpenAI-format answer with `choices`, or an error): the chat adapters'
 * checks take only those. Recordings of other endpoints (Anthropic's count_tokens, Cohere's rerank) belong to the
 * code that serves those endpoints.
 */
export function isChatRecording(fixture: SharedFixtureCase): boolean {
  return fixture.name.startsWith('error-') || Array.isArray((fixture.meta.expected as { choices?: unknown } | undefined)?.choices);
}

/** The recorded cases of a provider, or undefined (after a console warning) when the recordings are not here. */
export function sharedFixtureCases(provider: string): SharedFixtureCase[] | undefined {
  const directory = join(SHARED_FIXTURES_ROOT, provider);
  if (!existsSync(directory)) {
    console.warn(`Skipping the ${provider} shared-fixture checks: ${directory} does not exist on this machine.`);
    return undefined;
  }
  return readdirSync(directory)
    .filter((name) => existsSync(join(directory, name, 'meta.json')))
    .sort()
    .map((name) => {
      const caseDirectory = join(directory, name);
      const requestPath = join(caseDirectory, 'request.json');
      return {
        name,
        directory: caseDirectory,
        meta: JSON.parse(readFileSync(join(caseDirectory, 'meta.json'), 'utf8')) as SharedFixtureCase['meta'],
        request: existsSync(requestPath) ? (JSON.parse(readFileSync(requestPath, 'utf8')) as SharedFixtureCase['request']) : undefined,
      };
    });
}

/** An expected OpenAI-format result of a recording's meta.json. */
interface ExpectedResult {
  readonly model?: string;
  readonly choices: readonly {
    readonly message: {
      readonly content?: string | null;
      readonly reasoning_content?: string;
      readonly thinking_blocks?: unknown[];
      readonly tool_calls?: readonly { readonly id: string; readonly function: { readonly name: string; readonly arguments: string } }[];
    };
    readonly finish_reason: string;
  }[];
  readonly usage?: Record<string, unknown>;
}

/** What an adapter produced, non-stream or aggregated from a stream. */
interface ActualResult {
  readonly model?: string | undefined;
  readonly choices: readonly {
    readonly message: {
      readonly content?: string | null | undefined;
      readonly reasoning_content?: string | null | undefined;
      readonly thinking_blocks?: unknown[] | null | undefined;
      readonly tool_calls?: readonly { readonly id: string; readonly function: { readonly name: string; readonly arguments: string } }[] | null | undefined;
    };
    readonly finish_reason: string | null;
  }[];
  readonly usage?: unknown;
}

/**
 * Checks an adapter's result against a recording's `expected`: model, content, reasoning, thinking blocks, finish
 * reason and usage (as a subset); tool calls by name and parsed arguments, and by id unless the expected id is
 * `<generated …>` (then any unique non-empty id). `baseIdOf` strips what an adapter adds to ids (Gemini signatures).
 */
export function expectMatchesRecording(
  actual: ActualResult,
  expected: ExpectedResult,
  baseIdOf: (id: string) => string = (id) => id,
): void {
  if (expected.model) expect(actual.model).toBe(expected.model);
  expect(actual.choices).toHaveLength(expected.choices.length);
  expected.choices.forEach((expectedChoice, index) => {
    const choice = actual.choices[index];
    expect(choice?.finish_reason).toBe(expectedChoice.finish_reason);
    const message = choice?.message;
    expect(message?.content ?? null).toBe(expectedChoice.message.content ?? null);
    if (expectedChoice.message.reasoning_content !== undefined) {
      expect(message?.reasoning_content).toBe(expectedChoice.message.reasoning_content);
    }
    if (expectedChoice.message.thinking_blocks !== undefined) {
      expect(message?.thinking_blocks).toEqual(expectedChoice.message.thinking_blocks);
    }
    const expectedCalls = expectedChoice.message.tool_calls ?? [];
    const actualCalls = message?.tool_calls ?? [];
    expect(actualCalls.map((call) => call.function.name)).toEqual(expectedCalls.map((call) => call.function.name));
    expect(parsedArguments(actualCalls)).toEqual(parsedArguments(expectedCalls));
    expectedCalls.forEach((expectedCall, callIndex) => {
      const id = actualCalls[callIndex]?.id ?? '';
      if (expectedCall.id.startsWith('<generated')) expect(id).toMatch(/^call_[A-Za-z0-9]{24}/);
      else expect(baseIdOf(id)).toBe(expectedCall.id);
    });
    expect(new Set(actualCalls.map((call) => call.id)).size).toBe(actualCalls.length);
  });
  if (expected.usage) expect(actual.usage).toMatchObject(expected.usage);
}

/** The number of SSE events in a recorded body, counted with core's decoder. */
export function countSseEvents(body: string): number {
  const decoder = new SseDecoder();
  return decoder.push(body).length + decoder.flush().length;
}
