import { anthropicAuthError, anthropicError } from '../anthropic/anthropic-errors.js';
import { geminiAuthError, geminiError } from '../gemini/gemini-errors.js';
import { openAIAuthError, openAIError } from '../openai/openai-errors.js';
import type { WireFormat } from './recorded-request.js';

/** An error status and the body to send with it. */
export interface ErrorReply {
  status: number;
  body: unknown;
}

/** The provider's error body for a status, in the wire format of the endpoint that was called. */
export function errorReply(format: WireFormat, status: number, message?: string): ErrorReply {
  if (format === 'anthropic') return anthropicError(status, message);
  if (format === 'gemini') return geminiError(status, message);
  return openAIError(status, message);
}

/** The provider's answer to a missing (`undefined`) or wrong credential. */
export function authErrorReply(format: WireFormat, presented: string | undefined): ErrorReply {
  if (format === 'anthropic') return anthropicAuthError(presented);
  if (format === 'gemini') return geminiAuthError(presented);
  return openAIAuthError(presented);
}
