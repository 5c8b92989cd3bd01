import { z } from 'zod';

// Wire schemas of the Gemini API (https://ai.google.dev/api/generate-content), minimal and tolerant: only the
// fields we read, every one `.nullish()`, unknown fields ignored.

/** A function call the model made. Gemini 2.x sends no `id`; Gemini 3 does. */
export const geminiFunctionCallSchema = z.looseObject({
  name: z.string().nullish(),
  args: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().nullish(),
});

/** One part of a candidate's content. */
export const geminiResponsePartSchema = z.looseObject({
  text: z.string().nullish(),
  /** True when `text` is a thought summary (only with `thinkingConfig.includeThoughts`). */
  thought: z.boolean().nullish(),
  /** Opaque signature that must be echoed on the next turn (required on function calls by Gemini 3). */
  thoughtSignature: z.string().nullish(),
  functionCall: geminiFunctionCallSchema.nullish(),
});

/** `usageMetadata`: cumulative counts, repeated on every stream event. */
export const geminiUsageMetadataSchema = z.looseObject({
  promptTokenCount: z.number().nullish(),
  candidatesTokenCount: z.number().nullish(),
  thoughtsTokenCount: z.number().nullish(),
  cachedContentTokenCount: z.number().nullish(),
  /** Input tokens of built-in tool results (search grounding…), billed as input. */
  toolUsePromptTokenCount: z.number().nullish(),
  totalTokenCount: z.number().nullish(),
});

/** One candidate (choice). */
export const geminiCandidateSchema = z.looseObject({
  content: z.looseObject({ parts: z.array(geminiResponsePartSchema).nullish(), role: z.string().nullish() }).nullish(),
  finishReason: z.string().nullish(),
  index: z.number().nullish(),
});

/** A `GenerateContentResponse`: the non-stream body, and each event of an `alt=sse` stream. */
export const geminiResponseSchema = z.looseObject({
  candidates: z.array(geminiCandidateSchema).nullish(),
  /** Set when the prompt itself was blocked; there are then no candidates. */
  promptFeedback: z.looseObject({ blockReason: z.string().nullish() }).nullish(),
  usageMetadata: geminiUsageMetadataSchema.nullish(),
  modelVersion: z.string().nullish(),
  responseId: z.string().nullish(),
});

/** Google's error body: `{"error": {"code", "message", "status", "details": [...]}}` (https://ai.google.dev/gemini-api/docs/troubleshooting). */
export const geminiErrorBodySchema = z.looseObject({
  error: z
    .looseObject({
      code: z.number().nullish(),
      message: z.string().nullish(),
      /** gRPC status name: `INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`… */
      status: z.string().nullish(),
      details: z
        .array(
          z.looseObject({
            '@type': z.string().nullish(),
            /** `google.rpc.ErrorInfo`: e.g. `API_KEY_INVALID`. */
            reason: z.string().nullish(),
            /** `google.rpc.RetryInfo`: e.g. `"34.4s"`. */
            retryDelay: z.string().nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});

/** `batchEmbedContents` response: one embedding per request, in order. */
export const geminiBatchEmbedResponseSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
});

export type GeminiResponsePart = z.infer<typeof geminiResponsePartSchema>;
export type GeminiUsageMetadata = z.infer<typeof geminiUsageMetadataSchema>;
export type GeminiCandidate = z.infer<typeof geminiCandidateSchema>;

// Request side: plain TypeScript types, since we build these bodies ourselves.

/** A part of request content. */
export type GeminiPart =
  | { text: string }
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } }
  | { functionCall: { name: string; args: unknown; id?: string }; thoughtSignature?: string }
  | { functionResponse: { name: string; response: Record<string, unknown>; id?: string } };

/** A turn of `contents`: Gemini names the assistant `model`. */
export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}
