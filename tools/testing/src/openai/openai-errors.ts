import type { ErrorReply } from '../http/error-reply.js';

const KINDS: Readonly<Record<number, { type: string; code: string | null; message: string }>> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again in 1s.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

/** OpenAI's error body `{ error: { message, type, param, code } }` for a status. */
export function openAIError(status: number, message?: string, param: string | null = null): ErrorReply {
  const kind = KINDS[status] ?? (status >= 500 ? KINDS[500] : KINDS[400]);
  return { status, body: { error: { message: message ?? kind?.message, type: kind?.type, param, code: kind?.code ?? null } } };
}

/** OpenAI's 401 for a missing or wrong key (wording as the API sends it; the key is masked). */
export function openAIAuthError(presented: string | undefined): ErrorReply {
  if (presented === undefined) {
    return {
      status: 401,
      body: {
        error: {
          message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    };
  }
  const masked = `${presented.slice(0, 3)}****${presented.slice(-4)}`;
  return openAIError(401, `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`);
}
