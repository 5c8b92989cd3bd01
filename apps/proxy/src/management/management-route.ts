import type { Request } from 'express';
import type { ManagementCaller } from './management-caller.js';
import type { RouteAccess } from './management-permissions.js';

/** One management call as a handler sees it: the request and who is calling. */
export interface ManagementCall {
  request: Request;
  caller: ManagementCaller;
}

/** A management route: where it answers, whether it changes anything, and the handler returning the JSON body. */
export interface ManagementRoute {
  method: 'get' | 'post';
  /** The canonical path first (it is what `allowed_routes` names), then aliases (`/end_user/new`, `/key/:key/regenerate`). */
  paths: readonly [string, ...string[]];
  access: RouteAccess;
  /** LiteLLM route groups besides `management_routes` and, for reads, `info_routes`. */
  groups?: readonly string[];
  handle: (call: ManagementCall) => Promise<unknown>;
}
