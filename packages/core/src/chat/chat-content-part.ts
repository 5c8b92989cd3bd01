import { z } from 'zod';

/**
 * Prompt-caching marker LiteLLM accepts on content parts, messages and tools and forwards to providers that cache
 * explicitly (Anthropic, Bedrock, Gemini). OpenAI ignores it.
 */
export const cacheControlSchema = z.looseObject({
  /** Cache kind; `ephemeral` is the only one providers define today. */
  type: z.string(),
  /** Cache lifetime where the provider lets you choose, e.g. `5m` or `1h` (Anthropic). */
  ttl: z.string().nullish(),
});

/** A text part of a message's content. */
export const textContentPartSchema = z.looseObject({
  /** Part kind: text. */
  type: z.literal('text'),
  /** The text. */
  text: z.string(),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** An image part: a URL or a `data:` URL with base64 bytes. */
export const imageContentPartSchema = z.looseObject({
  /** Part kind: image. */
  type: z.literal('image_url'),
  /**
   * The image. OpenAI's shape is `{url, detail}`; a bare URL string is also accepted because LiteLLM accepts it and
   * clients written against LiteLLM send it.
   */
  image_url: z.union([
    z.string(),
    z.looseObject({
      /** `https://…` or `data:image/png;base64,…`. */
      url: z.string(),
      /** How closely the model looks at the image; `auto` when absent. */
      detail: z.enum(['auto', 'low', 'high']).nullish(),
      /** MIME type hint for providers that need one (LiteLLM extension, e.g. `image/png`). */
      format: z.string().nullish(),
    }),
  ]),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** An audio part with base64-encoded bytes. */
export const inputAudioContentPartSchema = z.looseObject({
  /** Part kind: audio. */
  type: z.literal('input_audio'),
  /** The audio. */
  input_audio: z.looseObject({
    /** Base64-encoded audio bytes. */
    data: z.string(),
    /** Encoding of `data`. */
    format: z.enum(['wav', 'mp3']),
  }),
});

/** A file part (PDF and other documents): an uploaded file id or inline base64 data. */
export const fileContentPartSchema = z.looseObject({
  /** Part kind: file. */
  type: z.literal('file'),
  /** The file: `file_id`, or `file_data` (with `filename`). */
  file: z.looseObject({
    /** Id of a file uploaded through the Files API. */
    file_id: z.string().nullish(),
    /** Inline file contents as a `data:` URL or base64 string. */
    file_data: z.string().nullish(),
    /** File name shown to the model. */
    filename: z.string().nullish(),
    /** MIME type hint for providers that need one (LiteLLM extension, e.g. `application/pdf`). */
    format: z.string().nullish(),
  }),
  /** Provider prompt-caching marker (LiteLLM extension). */
  cache_control: cacheControlSchema.nullish(),
});

/** A refusal part, only in assistant messages sent back as history. */
export const refusalContentPartSchema = z.looseObject({
  /** Part kind: refusal. */
  type: z.literal('refusal'),
  /** The refusal text the model produced. */
  refusal: z.string(),
});

/** Any part a user message may contain. */
export const userContentPartSchema = z.discriminatedUnion('type', [
  textContentPartSchema,
  imageContentPartSchema,
  inputAudioContentPartSchema,
  fileContentPartSchema,
]);

/** Any part an assistant message may contain. */
export const assistantContentPartSchema = z.discriminatedUnion('type', [
  textContentPartSchema,
  refusalContentPartSchema,
]);

export type CacheControl = z.infer<typeof cacheControlSchema>;
export type TextContentPart = z.infer<typeof textContentPartSchema>;
export type ImageContentPart = z.infer<typeof imageContentPartSchema>;
export type InputAudioContentPart = z.infer<typeof inputAudioContentPartSchema>;
export type FileContentPart = z.infer<typeof fileContentPartSchema>;
export type RefusalContentPart = z.infer<typeof refusalContentPartSchema>;
export type UserContentPart = z.infer<typeof userContentPartSchema>;
export type AssistantContentPart = z.infer<typeof assistantContentPartSchema>;
