/** One route the proxy serves, as `GET /routes` lists it (LiteLLM's shape). */
export interface RouteListing {
  path: string;
  methods: string[];
  name: string;
}

/** The parts of an Express 5 router layer this walk reads. */
interface RouterLayer {
  name?: string;
  route?: { path: string | RegExp | (string | RegExp)[]; methods: Record<string, boolean | undefined> };
  handle?: { stack?: RouterLayer[] };
}

/**
 * Every route registered on an Express app, nested routers included, read from the app's own router (so the list
 * cannot drift from what is served). Middleware without a route is left out.
 */
export function listRoutes(app: { router: { stack: unknown[] } }): RouteListing[] {
  const routes: RouteListing[] = [];
  const walk = (stack: readonly RouterLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).filter((method) => layer.route?.methods[method] === true).map((method) => method.toUpperCase());
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) routes.push({ path: String(path), methods, name: layer.name ?? 'handler' });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk(app.router.stack as RouterLayer[]);
  return routes;
}
