import { NotFoundError } from '@tollgate/core';
import type { ResponseReader } from '@tollgate/ledger';
import type { AuthContext } from '../../auth/auth-context.js';

/** Who reads stored responses: the master key reads all; a virtual key its own and its team's. */
export function responseReaderOf(auth: AuthContext): ResponseReader {
  return auth.kind === 'master' ? { kind: 'master' } : { kind: 'key', keyId: auth.key.keyId, teamId: auth.key.teamId };
}

/** OpenAI's 404 for a response that does not exist — also the answer for another tenant's. */
export function responseNotFound(responseId: string, param: string | null = null): NotFoundError {
  return new NotFoundError(`Response with id '${responseId}' not found.`, { type: 'invalid_request_error', param, code: null });
}
