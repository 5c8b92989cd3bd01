import type { ChatCompletion, ChatCompletionChunk, ChatCompletionDelta } from '@tollgate/core';

/** Characters per content chunk when a finished completion is replayed as a stream. */
const CHUNK_CHARACTERS = 16;

/**
 * Replays a finished completion as the chunks OpenAI would have streamed: the role, reasoning and content in small
 * pieces, each tool call as a first fragment (id, name) plus its arguments, the finish reason, and the usage on a
 * last `choices: []` chunk. Used for local answers (mock provider, `mockResponse`).
 */
export function completionToChunks(completion: ChatCompletion): ChatCompletionChunk[] {
  const chunks: ChatCompletionChunk[] = [];
  const chunk = (index: number, delta: ChatCompletionDelta, finishReason: ChatCompletionChunk['choices'][number]['finish_reason'] = null): void => {
    chunks.push({
      id: completion.id,
      object: 'chat.completion.chunk',
      created: completion.created,
      model: completion.model,
      choices: [{ index, delta, finish_reason: finishReason }],
    });
  };
  for (const choice of completion.choices) {
    const { message } = choice;
    chunk(choice.index, { role: 'assistant', content: '' });
    for (const piece of pieces(message.reasoning_content)) chunk(choice.index, { reasoning_content: piece });
    for (const piece of pieces(message.content)) chunk(choice.index, { content: piece });
    message.tool_calls?.forEach((call, index) => {
      chunk(choice.index, {
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }],
      });
      for (const piece of pieces(call.function.arguments)) {
        chunk(choice.index, { tool_calls: [{ index, function: { arguments: piece } }] });
      }
    });
    chunk(choice.index, {}, choice.finish_reason);
  }
  if (completion.usage) {
    chunks.push({
      id: completion.id,
      object: 'chat.completion.chunk',
      created: completion.created,
      model: completion.model,
      choices: [],
      usage: completion.usage,
    });
  }
  return chunks;
}

function pieces(text: string | null | undefined): string[] {
  if (!text) return [];
  const result: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK_CHARACTERS) result.push(text.slice(start, start + CHUNK_CHARACTERS));
  return result;
}
