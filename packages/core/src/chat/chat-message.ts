import { z } from 'zod';
import {
  assistantContentPartSchema,
  cacheControlSchema,
  textContentPartSchema,
  userContentPartSchema,
} from './chat-content-part.js';
import { chatToolCallSchema } from './chat-tool.js';
import { thinkingBlockSchema } from './chat-thinking-block.js';

const textOnlyContentSchema = z.union([z.string(), z.array(textContentPartSchema)]);

/** Instructions from the application (`system`). */
export const systemMessageSchema = z.looseObject({
  /** Message kind: system instructions. */
  role: z.literal('system'),
  /** The instructions: a string or text parts. */
  content: textOnlyContentSchema,
  /** Optional participant name. */
  name: z.string().nullish(),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** Instructions from the developer (`developer`, OpenAI's successor to `system` for reasoning models). */
export const developerMessageSchema = z.looseObject({
  /** Message kind: developer instructions. */
  role: z.literal('developer'),
  /** The instructions: a string or text parts. */
  content: textOnlyContentSchema,
  /** Optional participant name. */
  name: z.string().nullish(),
});

/** A user turn: text, images, audio and files. */
export const userMessageSchema = z.looseObject({
  /** Message kind: user turn. */
  role: z.literal('user'),
  /** A string, or content parts (text, image_url, input_audio, file). */
  content: z.union([z.string(), z.array(userContentPartSchema)]),
  /** Optional participant name. */
  name: z.string().nullish(),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** An earlier assistant turn sent back as history. */
export const assistantMessageSchema = z.looseObject({
  /** Message kind: earlier assistant turn. */
  role: z.literal('assistant'),
  /** The reply text; null or absent when the turn only called tools. */
  content: z.union([z.string(), z.array(assistantContentPartSchema)]).nullish(),
  /** Optional participant name. */
  name: z.string().nullish(),
  /** The tool calls the model made in this turn. */
  tool_calls: z.array(chatToolCallSchema).nullish(),
  /** Legacy single function call (deprecated by OpenAI in favour of `tool_calls`). */
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  /** The refusal the model produced instead of an answer. */
  refusal: z.string().nullish(),
  /** Reference to an earlier audio reply (`{id}`), for audio conversations. */
  audio: z.looseObject({ id: z.string() }).nullish(),
  /** Reasoning text the model produced (LiteLLM extension; DeepSeek and Z.ai expect it back in tool loops). */
  reasoning_content: z.string().nullish(),
  /** Signed thinking blocks (LiteLLM extension; Anthropic needs them back unchanged on tool-use turns). */
  thinking_blocks: z.array(thinkingBlockSchema).nullish(),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** The result of a tool call. */
export const toolMessageSchema = z.looseObject({
  /** Message kind: tool result. */
  role: z.literal('tool'),
  /** The tool's output: a string or text parts. */
  content: textOnlyContentSchema,
  /** The `id` of the assistant's tool call this answers. */
  tool_call_id: z.string().min(1),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** The result of a legacy function call (deprecated by OpenAI in favour of `tool`). */
export const functionMessageSchema = z.looseObject({
  /** Message kind: legacy function result. */
  role: z.literal('function'),
  /** The function's output. */
  content: z.string().nullable(),
  /** Name of the function that produced it. */
  name: z.string().min(1),
});

/** Any message of a chat request, told apart by `role`. */
export const chatMessageSchema = z.discriminatedUnion('role', [
  systemMessageSchema,
  developerMessageSchema,
  userMessageSchema,
  assistantMessageSchema,
  toolMessageSchema,
  functionMessageSchema,
]);

export type SystemMessage = z.infer<typeof systemMessageSchema>;
export type DeveloperMessage = z.infer<typeof developerMessageSchema>;
export type UserMessage = z.infer<typeof userMessageSchema>;
export type AssistantMessage = z.infer<typeof assistantMessageSchema>;
export type ToolMessage = z.infer<typeof toolMessageSchema>;
export type FunctionMessage = z.infer<typeof functionMessageSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
/** The roles a chat message may have. */
export type ChatMessageRole = ChatMessage['role'];
