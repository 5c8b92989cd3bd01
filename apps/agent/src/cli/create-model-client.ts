import { openAICompatibleClient, providersClient, type ModelClient } from '@tollgate/agent';
import type { CliArgs } from './cli-args.js';
import { CliUsageError } from './cli-args.js';

/** The client the CLI talks through, and how to describe it. */
export interface CliModelClient {
  readonly client: ModelClient;
  readonly description: string;
}

/**
 * Proxy mode (`--base-url`): an OpenAI-compatible endpoint with a key, e.g. a Tollgate proxy and a virtual key, so
 * the proxy enforces the key's budget and logs the spend; every call carries the session id as
 * `x-litellm-trace-id`. Direct mode: providers called with their own env keys.
 */
export function createModelClient(args: CliArgs, env: NodeJS.ProcessEnv, sessionId: string): CliModelClient {
  if (!args.baseUrl) {
    if (args.apiKey) throw new CliUsageError('--api-key is for --base-url; direct mode reads each provider\'s env key.');
    return { client: providersClient(), description: 'direct provider call' };
  }
  const apiKey = args.apiKey ?? env['TOLLGATE_API_KEY'];
  if (!apiKey) throw new CliUsageError('--base-url needs a key: pass --api-key or set TOLLGATE_API_KEY.');
  return {
    client: openAICompatibleClient({ baseURL: args.baseUrl, apiKey, headers: { 'x-litellm-trace-id': sessionId } }),
    description: `via ${args.baseUrl}`,
  };
}
