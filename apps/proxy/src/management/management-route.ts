import type { Request } from 'express';
import type { z } from 'zod';
import type { ManagementCaller } from './management-caller.js';
import type { RouteAccess } from './management-permissions.js';

/** One management call as a handler sees it: the request and who is calling. */
export interface ManagementCall {
  request: Request;
  caller: ManagementCaller;
}

/**
 * A management route: where it answers, whether it changes anything, the schema of the JSON body it answers with
 * (the route's documented reply; tests run every real reply through it), and the handler returning that body.
 */
export interface ManagementRoute<Response extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** The canonical path first (it is what `allowed_routes` names), then aliases (`/end_user/new`, `/key/:key/regenerate`). */
  paths: readonly [string, ...string[]];
  access: RouteAccess;
  /** LiteLLM route groups besides `management_routes` and, for reads, `info_routes`. */
  groups?: readonly string[];
  response: Response;
  handle: (call: ManagementCall) => Promise<z.output<Response>>;
}

/** A route whose handler is checked against its response schema. */
export function managementRoute<Response extends z.ZodType>(route: ManagementRoute<Response>): ManagementRoute {
  return route;
}
