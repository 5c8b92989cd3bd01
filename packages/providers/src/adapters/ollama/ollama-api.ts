import { z } from 'zod';

// Wire schemas of Ollama's native API (https://github.com/ollama/ollama/blob/main/docs/api.md), minimal and
// tolerant: only the fields we read, every one `.nullish()`, unknown fields ignored.

/** A tool call: no id in most versions, and `arguments` is an object, not a JSON string. */
export const ollamaToolCallSchema = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({
    name: z.string().nullish(),
    arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).nullish(),
  }),
});

/** A `/api/chat` response object, and each NDJSON line of a stream (`done: false` lines, then one `done: true`). */
export const ollamaChatResponseSchema = z.looseObject({
  model: z.string().nullish(),
  /** RFC 3339 time, e.g. `2025-03-14T09:26:53.589793Z`. */
  created_at: z.string().nullish(),
  message: z
    .looseObject({
      content: z.string().nullish(),
      /** Reasoning text of thinking models (with `think: true`). */
      thinking: z.string().nullish(),
      tool_calls: z.array(ollamaToolCallSchema).nullish(),
    })
    .nullish(),
  done: z.boolean().nullish(),
  /** `stop`, `length`, `load`, `unload`; absent on older servers. */
  done_reason: z.string().nullish(),
  /** Input tokens evaluated; omitted when the whole prompt came from Ollama's cache. */
  prompt_eval_count: z.number().nullish(),
  /** Output tokens. */
  eval_count: z.number().nullish(),
});

/** `/api/embed` response. */
export const ollamaEmbedResponseSchema = z.looseObject({
  model: z.string().nullish(),
  embeddings: z.array(z.array(z.number())),
  prompt_eval_count: z.number().nullish(),
});

export type OllamaToolCall = z.infer<typeof ollamaToolCallSchema>;
export type OllamaChatResponse = z.infer<typeof ollamaChatResponseSchema>;
