import { Router } from 'express';

export interface HealthRoutesOptions {
  /** Resolves when storage answers; rejects with the reason otherwise. */
  checkStorage: () => Promise<void>;
  version: string;
}

/** Public liveness and readiness probes (LiteLLM's paths and bodies). */
export function createHealthRoutes(options: HealthRoutesOptions): Router {
  const router = Router();
  const alive = (_request: unknown, response: { json: (body: unknown) => void }) => response.json("I'm alive!");
  router.get('/health/liveliness', alive);
  router.get('/health/liveness', alive);
  router.get('/health/readiness', async (_request, response) => {
    try {
      await options.checkStorage();
      response.json({ status: 'healthy', db: 'connected', litellm_version: options.version, tollgate_version: options.version });
    } catch {
      response.status(503).json({ status: 'unhealthy', db: 'Not connected', tollgate_version: options.version });
    }
  });
  return router;
}
