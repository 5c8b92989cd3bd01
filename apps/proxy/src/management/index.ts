// The proxy's management API (LiteLLM's key, user, team, customer and spend routes).
export { createManagementRoutes } from './create-management-routes.js';
