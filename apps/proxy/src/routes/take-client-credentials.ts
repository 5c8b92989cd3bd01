import { BadRequestError } from '@tollgate/core';
import type { ClientCredentials } from '@tollgate/router';

/**
 * Moves client-side credential fields (`api_base` / `base_url`, `api_key`, `api_version`) out of a body that passed
 * the allow-list (so they are present only where the config allows them) into call credentials for the router.
 * They never travel on as body fields. A client-chosen base URL needs a client-given key: the deployment's own
 * provider key is never sent to it.
 */
export function takeClientCredentials<Body extends object>(body: Body): { body: Body; credentials: ClientCredentials | undefined } {
  const fields = body as Record<string, unknown>;
  if (fields['api_base'] == null && fields['base_url'] == null && fields['api_key'] == null && fields['api_version'] == null) {
    return { body, credentials: undefined };
  }
  const { api_base: apiBase, base_url: baseUrl, api_key: apiKey, api_version: apiVersion, ...rest } = fields;
  const credentials: ClientCredentials = {};
  const base = stringOf('api_base', apiBase) ?? stringOf('base_url', baseUrl);
  if (base !== undefined) credentials.apiBase = base;
  const key = stringOf('api_key', apiKey);
  if (key !== undefined) credentials.apiKey = key;
  const version = stringOf('api_version', apiVersion);
  if (version !== undefined) credentials.apiVersion = version;
  if (credentials.apiBase !== undefined && credentials.apiKey === undefined) {
    // Otherwise the deployment's own provider key would be sent to a base URL the client chose.
    throw new BadRequestError(`'${apiBase != null ? 'api_base' : 'base_url'}' needs 'api_key' in the same request`, {
      param: 'api_key',
    });
  }
  return { body: rest as Body, credentials };
}

function stringOf(field: string, value: unknown): string | undefined {
  if (value == null || value === '') return undefined;
  if (typeof value !== 'string') throw new BadRequestError(`'${field}' must be a string`, { param: field });
  return value;
}
