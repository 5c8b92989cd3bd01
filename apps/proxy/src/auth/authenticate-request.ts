import type { RequestHandler, Response } from 'express';
import { readApiKey } from '../http/read-api-key.js';
import type { AuthContext } from './auth-context.js';
import type { AuthDirectory } from './auth-directory.js';

/** The caller resolved by {@link authenticateRequest}. */
export function authOf(response: Response): AuthContext {
  const auth = response.locals['auth'] as AuthContext | undefined;
  if (auth === undefined) throw new Error('authenticateRequest must run before this handler');
  return auth;
}

/** Middleware: resolves the caller's key (any of the accepted headers) into `response.locals.auth`. */
export function authenticateRequest(directory: AuthDirectory): RequestHandler {
  return (request, response, next) => {
    directory.authenticate(readApiKey(request.headers)).then(
      (auth) => {
        response.locals['auth'] = auth;
        next();
      },
      next,
    );
  };
}
