// The proxy's management API (LiteLLM's key, user, team, customer and spend routes).
export { createManagementRoutes, managementRoutes } from './create-management-routes.js';
export type { ManagementRoute, ManagementCall } from './management-route.js';
export { ManagementCaller } from './management-caller.js';
