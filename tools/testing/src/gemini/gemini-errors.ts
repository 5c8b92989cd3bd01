import type { ErrorReply } from '../http/error-reply.js';

const STATUSES: Readonly<Record<number, { status: string; message: string }>> = {
  400: { status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
  401: { status: 'UNAUTHENTICATED', message: 'Request had invalid authentication credentials.' },
  403: { status: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
  404: { status: 'NOT_FOUND', message: 'Requested entity was not found.' },
  429: { status: 'RESOURCE_EXHAUSTED', message: 'You exceeded your current quota, please check your plan.' },
  500: { status: 'INTERNAL', message: 'An internal error has occurred. Please retry or report.' },
  503: { status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
  504: { status: 'DEADLINE_EXCEEDED', message: 'Deadline expired before operation could complete.' },
};

/** Google's error body `{ error: { code, message, status } }` for a status. */
export function geminiError(status: number, message?: string): ErrorReply {
  const kind = STATUSES[status] ?? (status >= 500 ? STATUSES[500] : STATUSES[400]);
  return { status, body: { error: { code: status, message: message ?? kind?.message, status: kind?.status } } };
}

/**
 * What Gemini really answers for a bad credential: no key → 403 `PERMISSION_DENIED`; a wrong key → 400
 * `INVALID_ARGUMENT` with reason `API_KEY_INVALID` (not a 401; adapters must map it by reason).
 */
export function geminiAuthError(presented: string | undefined): ErrorReply {
  if (presented === undefined) {
    return geminiError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
  }
  const message = 'API key not valid. Please pass a valid API key.';
  return {
    status: 400,
    body: {
      error: {
        code: 400,
        message,
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
          { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
        ],
      },
    },
  };
}
