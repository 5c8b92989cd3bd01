import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthContext } from '../auth/auth-context.js';
import type { Gateway } from '../gateway/gateway.js';

/** One authenticated LLM call as the route handlers take it, whichever server read it. */
export interface LlmCall {
  request: IncomingMessage;
  response: ServerResponse;
  /** The parsed JSON body, not yet validated. */
  body: unknown;
  auth: AuthContext;
}

/** Serves an LLM call; rejects with the error to answer when the call fails before its answer starts. */
export type LlmHandler = (call: LlmCall) => Promise<void>;

export interface LlmRouteOptions {
  gateway: Gateway;
  /**
   * Lets request bodies carry `api_base` / `base_url` / `api_key` / `api_version`, mapped to the call's options (off
   * by default: they redirect upstream calls). Any other call option is never read from a body.
   */
  allowClientSideCredentials: boolean;
}

/** Reads the end user: the body's `user`, else the `x-litellm-end-user-id` header. */
export function endUserOf(request: IncomingMessage, bodyUser: unknown): string | undefined {
  if (typeof bodyUser === 'string' && bodyUser !== '') return bodyUser;
  const header = request.headers['x-litellm-end-user-id'] ?? request.headers['x-litellm-customer-id'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}
