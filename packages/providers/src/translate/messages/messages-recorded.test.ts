// The Messages translations against real traffic: what Claude Code sends, and Anthropic's recorded replies and
// streams (shared/fixtures beside the repository, read in place).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatCompletionSchema, chatCompletionRequestSchema, messagesResponseSchema, messagesStreamEventSchema, parseMessagesRequest, type MessagesStreamEvent } from '@tollgate/core';
import {
  accumulateMessagesEvents,
  ChatChunksToMessagesEvents,
  chatCompletionToMessagesResponse,
  chatToMessagesRequest,
  MessagesEventsToChatChunks,
  messagesResponseToChatCompletion,
  messagesToChatRequest,
} from '../../index.js';
import { SHARED_FIXTURES_ROOT } from '../../testing-internal/native-adapter-test-kit.js';
import { toAnthropicRequest } from '../../adapters/anthropic/to-anthropic-request.js';
import { testContext } from '../../testing-internal/native-adapter-test-kit.js';

const ANTHROPIC = join(SHARED_FIXTURES_ROOT, 'anthropic');
const CLAUDE_CODE = join(SHARED_FIXTURES_ROOT, '..', 'clients', 'claude-code');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const sseEvents = (path: string): MessagesStreamEvent[] =>
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => messagesStreamEventSchema.parse(JSON.parse(line.slice(5))));

it('finds the recordings', () => {
  expect(existsSync(ANTHROPIC) && existsSync(CLAUDE_CODE)).toBe(true);
});

describe('what Claude Code sends → chat', () => {
  const tools = parseMessagesRequest(readJson(join(CLAUDE_CODE, '02-tools-first-turn.json')).body);
  const afterToolResult = parseMessagesRequest(readJson(join(CLAUDE_CODE, '03-after-tool-result.json')).body);

  it('is a valid chat request, the system blocks first with their cache markers, the mid-conversation system turn in place', () => {
    const chat = chatCompletionRequestSchema.parse(messagesToChatRequest(tools, { nativeAnthropic: false }));
    expect(chat.messages.map((message) => message.role)).toEqual(['system', 'user', 'system']);
    const system = chat.messages[0]!.content as { text: string; cache_control?: unknown }[];
    expect(system).toHaveLength(3);
    expect(system.map((part) => part.cache_control ?? null)).toEqual([null, { type: 'ephemeral' }, { type: 'ephemeral' }]);
    expect(chat.max_tokens).toBe(32000);
    expect(chat.stream_options).toEqual({ include_usage: true });
    // A placeholder tool without parameters still gets an object schema.
    expect(chat.tools?.map((tool) => tool.function.name)).toEqual(['DeferredToolPlaceholder', 'Read']);
    // Adaptive thinking, context management and output config are Anthropic's: not sent to another provider.
    expect(chat).not.toHaveProperty('thinking');
    expect(chat).not.toHaveProperty('context_management');
    expect(chat).not.toHaveProperty('output_config');
    expect(chat.user).toContain('device_id');
  });

  it('reaches an Anthropic deployment with thinking, cache_control and the failed tool result as sent', () => {
    const chat = messagesToChatRequest(afterToolResult, { nativeAnthropic: true });
    const wire = toAnthropicRequest(chat, testContext({ providerId: 'anthropic', model: 'claude-sonnet-4-5', apiBase: 'https://api.anthropic.com' }));
    const body = wire.body as any;
    expect(body.thinking).toEqual({ type: 'adaptive', display: 'omitted' });
    expect(body.max_tokens).toBe(32000);
    expect(body.system.filter((block: any) => block.cache_control).length).toBeGreaterThanOrEqual(2);
    const lastTurn = body.messages.at(-1);
    expect(lastTurn.role).toBe('user');
    expect(lastTurn.content).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_2',
        content: 'File does not exist. Note: your current working directory is /home/user/project.',
        is_error: true,
        cache_control: { type: 'ephemeral' },
      },
    ]);
    expect(body.messages.find((turn: any) => turn.role === 'assistant').content).toEqual([
      { type: 'tool_use', id: 'toolu_2', name: 'Read', input: { file_path: 'Oslo' } },
    ]);
  });
});

describe.each(['chat-basic', 'chat-thinking', 'chat-tool-call', 'chat-tool-result'])('recorded reply %s', (name) => {
  const recorded = messagesResponseSchema.parse(readJson(join(ANTHROPIC, name, 'response.json')));

  it('→ chat → Messages gives the same blocks, stop reason and usage', () => {
    const chat = chatCompletionSchema.parse(messagesResponseToChatCompletion(recorded));
    const back = chatCompletionToMessagesResponse(chat);
    const strip = (block: any) => {
      const { caller: _caller, citations: _citations, ...rest } = block;
      return rest;
    };
    expect(back.content).toEqual(recorded.content.map(strip));
    expect(back.stop_reason).toBe(recorded.stop_reason);
    expect(back.usage).toEqual({
      input_tokens: recorded.usage.input_tokens,
      output_tokens: recorded.usage.output_tokens,
      cache_creation_input_tokens: recorded.usage.cache_creation_input_tokens ?? 0,
      cache_read_input_tokens: recorded.usage.cache_read_input_tokens ?? 0,
    });
    expect(back.id).toBe(recorded.id);
  });
});

describe('recorded request chat-tool-result', () => {
  it('Messages → chat → Messages gives the same conversation', () => {
    const recorded = parseMessagesRequest(readJson(join(ANTHROPIC, 'chat-tool-result', 'request.json')).body);
    const back = chatToMessagesRequest(messagesToChatRequest(recorded, { nativeAnthropic: true }));
    // Text content is the same as a string or as text blocks, at any depth (tool results included).
    const asBlocks = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(asBlocks);
      if (typeof value !== 'object' || value === null) return value;
      const record = Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asBlocks(entry)]));
      if (typeof record['content'] === 'string') record['content'] = [{ type: 'text', text: record['content'] }];
      return record;
    };
    expect(asBlocks(back.messages)).toEqual(asBlocks(recorded.messages));
    expect(back.tools?.map((tool) => tool.name)).toEqual(recorded.tools?.map((tool) => tool.name));
  });
});

describe.each(['stream-text-usage', 'stream-thinking', 'stream-tool-call', 'stream-parallel-tool-calls', 'stream-tool-call-sdk-fixture'])(
  'recorded stream %s',
  (name) => {
    const events = sseEvents(join(ANTHROPIC, name, 'response.sse'));

    it('→ chat chunks → Messages events folds into the same message', () => {
      const toChat = new MessagesEventsToChatChunks({ model: 'claude' });
      const chunks = events.flatMap((event) => toChat.push(event));
      const toMessages = new ChatChunksToMessagesEvents({ model: 'claude' });
      const usage = chunks.findLast((chunk) => chunk.usage)?.usage;
      const translated = [...chunks.filter((chunk) => chunk.choices.length > 0).flatMap((chunk) => toMessages.push(chunk)), ...toMessages.finish(usage)];
      for (const event of translated) expect(messagesStreamEventSchema.safeParse(event).error).toBeUndefined();
      expect(translated[0]?.type).toBe('message_start');
      expect(translated.at(-1)?.type).toBe('message_stop');
      const original = accumulateMessagesEvents(events);
      const folded = accumulateMessagesEvents(translated);
      const strip = (block: any) => {
        const { caller: _caller, citations: _citations, ...rest } = block;
        return rest;
      };
      expect(folded.content).toEqual(original.content.map(strip));
      expect(folded.stop_reason).toBe(original.stop_reason);
      expect(folded.usage.output_tokens).toBe(original.usage.output_tokens);
      expect(folded.usage.input_tokens).toBe(original.usage.input_tokens);
      expect(folded.id).toBe(original.id);
    });
  },
);
