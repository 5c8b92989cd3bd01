import { Router } from 'express';
import { authOf } from '../auth/authenticate-request.js';
import type { ManagementContext } from '../server/proxy-context.js';
import { budgetRoutes } from './budget-routes.js';
import { customerRoutes } from './customer-routes.js';
import { keyRoutes } from './key-routes.js';
import { ManagementCaller } from './management-caller.js';
import { assertManagementAccess } from './management-permissions.js';
import type { ManagementRoute } from './management-route.js';
import { spendRoutes } from './spend-routes.js';
import { teamRoutes } from './team-routes.js';
import { userRoutes } from './user-routes.js';

/** Every management route, in one list (the README's route table follows it). */
export function managementRoutes(context: ManagementContext): ManagementRoute[] {
  return [...keyRoutes(context), ...userRoutes(context), ...teamRoutes(context), ...customerRoutes(context), ...budgetRoutes(context), ...spendRoutes(context)];
}

/** Options of {@link createManagementRoutes}. */
export interface ManagementRoutesOptions {
  /** Sees each reply before it is sent; throwing fails the call with a 500 (tests check replies against `route.response`). */
  onReply?: (route: ManagementRoute, reply: unknown) => void;
}

/**
 * LiteLLM's management API: `/key/*`, `/user/*`, `/team/*`, `/customer/*` (and `/end_user/*`), `/budget/*`, `/spend/logs`,
 * `/global/spend/report`. Mount it after a JSON body parser and `authenticateRequest`; the router adds no
 * middleware of its own, so requests for other paths pass through untouched. Every handler first checks the
 * caller's key type, `allowed_routes` and role; errors are thrown as TollgateErrors for the error handler.
 */
export function createManagementRoutes(context: ManagementContext, options: ManagementRoutesOptions = {}): Router {
  const router = Router();
  for (const route of managementRoutes(context)) {
    const access = {
      access: route.access,
      path: route.paths[0],
      groups: [...(route.access === 'read' ? ['info_routes'] : []), ...(route.groups ?? [])],
    };
    router[route.method]([...route.paths], async (request, response) => {
      const caller = new ManagementCaller(authOf(response), context.ledger);
      assertManagementAccess(caller, access);
      const reply = await route.handle({ request, caller });
      options.onReply?.(route, reply);
      response.json(reply);
    });
  }
  return router;
}
