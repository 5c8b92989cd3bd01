import type { z } from 'zod';
import { BadRequestError } from '../errors/bad-request-error.js';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from '../chat/chat-completion-request.js';
import { embeddingRequestSchema, type EmbeddingRequest } from '../embeddings/embedding-request.js';
import { describeZodIssue } from './describe-zod-issue.js';

/**
 * Validates a `POST /v1/chat/completions` body. Returns the typed request, provider-specific params kept as extra
 * keys; throws `BadRequestError` whose `param` is the faulty path (`messages[0].content`) and whose message names
 * the problem the way OpenAI does.
 */
export function parseChatCompletionRequest(body: unknown): ChatCompletionRequest {
  return parseRequestBody(chatCompletionRequestSchema, body);
}

/** Validates a `POST /v1/embeddings` body, like `parseChatCompletionRequest`. */
export function parseEmbeddingRequest(body: unknown): EmbeddingRequest {
  return parseRequestBody(embeddingRequestSchema, body);
}

/**
 * Validates a body against a request schema and reports the first problem as a `BadRequestError`, as OpenAI
 * reports one problem per request.
 */
export function parseRequestBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const firstIssue = result.error.issues[0];
  const { param, message } = firstIssue
    ? describeZodIssue(firstIssue)
    : { param: null, message: 'Invalid request body.' };
  // The zod error is not kept as `cause`: its issues hold pieces of the body, which must not reach logs.
  throw new BadRequestError(message, { param });
}
