import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSseStream } from '../sse/decode-sse-stream.js';
import { chatCompletionChunkSchema, type ChatCompletionChunk } from './chat-completion-chunk.js';

async function readChunks(name: string): Promise<{ chunks: ChatCompletionChunk[]; raw: unknown[]; done: boolean }> {
  const bytes = readFileSync(join(__dirname, '__fixtures__', name));
  // Feed the body in 7-byte pieces so chunk boundaries fall mid-line and mid-character.
  async function* pieces(): AsyncGenerator<Uint8Array> {
    for (let offset = 0; offset < bytes.length; offset += 7) yield bytes.subarray(offset, offset + 7);
  }
  const raw: unknown[] = [];
  let done = false;
  for await (const event of decodeSseStream(pieces())) {
    if (event.data === '[DONE]') done = true;
    else raw.push(JSON.parse(event.data));
  }
  return { chunks: raw.map((chunk) => chatCompletionChunkSchema.parse(chunk)), raw, done };
}

describe('chatCompletionChunkSchema', () => {
  it('round-trips every chunk of a text stream and carries usage on the last one', async () => {
    const { chunks, raw, done } = await readChunks('stream-text-usage.sse.txt');
    expect(done).toBe(true);
    expect(chunks).toEqual(raw);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Buongiorno ☀️!');
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason ?? null)).toEqual([null, null, null, null, 'stop', null]);
    const last = chunks[chunks.length - 1];
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.total_tokens).toBe(28);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('assembles parallel tool calls from fragments by index', async () => {
    const { chunks, raw } = await readChunks('stream-parallel-tool-calls.sse.txt');
    expect(chunks).toEqual(raw);
    const calls: Array<{ id?: string; name?: string; arguments: string }> = [];
    for (const fragment of chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []))) {
      const call = (calls[fragment.index] ??= { arguments: '' });
      if (fragment.id) call.id = fragment.id;
      if (fragment.function?.name) call.name = fragment.function.name;
      call.arguments += fragment.function?.arguments ?? '';
    }
    expect(calls.map((call) => ({ ...call, arguments: JSON.parse(call.arguments) }))).toEqual([
      { id: 'call_Wd6Zt1MhOw8XjB3uYn0Ls4PaEyF9', name: 'get_weather', arguments: { city: 'São Paulo' } },
      { id: 'call_Xe7Au2NiPx9YkC4vZo1Mt5QbFzG0', name: 'get_time', arguments: { tz: 'America/Sao_Paulo' } },
    ]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)?.usage?.prompt_tokens_details?.cached_tokens).toBe(64);
  });

  it('accepts reasoning deltas and usage on the finishing chunk (DeepSeek, Z.ai)', () => {
    const chunk = {
      id: '0a1b2c',
      object: 'chat.completion.chunk',
      created: 1782400300,
      model: 'glm-4.7',
      choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: 'Thinking…' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30, completion_tokens_details: { reasoning_tokens: 15 } },
    };
    expect(chatCompletionChunkSchema.parse(chunk)).toEqual(chunk);
  });

  it('rejects a tool call fragment without its index', () => {
    const result = chatCompletionChunkSchema.safeParse({
      id: 'x',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta: { tool_calls: [{ function: { arguments: '{' } }] }, finish_reason: null }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['choices', 0, 'delta', 'tool_calls', 0, 'index']);
  });
});
