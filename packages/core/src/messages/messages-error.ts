import { z } from 'zod';

/** The error types Anthropic answers with (https://docs.anthropic.com/en/api/errors). */
export const messagesErrorTypeSchema = z.enum([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'request_too_large',
  'rate_limit_error',
  'api_error',
  'overloaded_error',
]);

/** An error body, and the payload of an in-stream `error` event. */
export const messagesErrorSchema = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({ type: messagesErrorTypeSchema, message: z.string() }),
});

export type MessagesErrorType = z.infer<typeof messagesErrorTypeSchema>;
export type MessagesError = z.infer<typeof messagesErrorSchema>;

/** Anthropic's error type for an HTTP status (its documented pairs; any other 4xx is a request error, 5xx an API error). */
export function messagesErrorTypeForStatus(status: number): MessagesErrorType {
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 503:
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}
