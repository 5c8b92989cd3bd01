import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Counter, Registry } from 'prom-client';
import { createLogger } from '../observability/create-logger.js';
import type { ReadinessReport } from './check-readiness.js';
import { createWorkerHttpServer } from './create-worker-http-server.js';

describe('createWorkerHttpServer', () => {
  let server: Server;
  let report: ReadinessReport;
  const registry = new Registry();
  new Counter({ name: 'test_things_total', help: 'things', registers: [registry] }).inc(3);
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

  beforeAll(async () => {
    server = createWorkerHttpServer({ registry, readiness: async () => report, logger: createLogger({ level: 'silent' }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers liveliness on both of LiteLLM paths', async () => {
    for (const path of ['/health/liveliness', '/health/liveness']) {
      const response = await fetch(url(path));
      expect(response.status).toBe(200);
      expect(await response.json()).toBe("I'm alive!");
    }
  });

  it('answers readiness 200 when ready, 503 when a dependency is down or shutdown began', async () => {
    report = { ready: true, db: 'connected', redis: 'connected', worker: 'running' };
    expect((await fetch(url('/health/readiness'))).status).toBe(200);
    report = { ready: false, db: 'connect ECONNREFUSED 127.0.0.1:5432', redis: 'connected', worker: 'running' };
    const down = await fetch(url('/health/readiness'));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unhealthy', db: 'connect ECONNREFUSED 127.0.0.1:5432', redis: 'connected', worker: 'running' });
    report = { ready: false, db: 'connected', redis: 'connected', worker: 'closing' };
    expect((await fetch(url('/health/readiness'))).status).toBe(503);
  });

  it('serves the registry as Prometheus text, and refuses other paths and methods', async () => {
    const metrics = await fetch(url('/metrics?debug=1'));
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('test_things_total 3');
    expect((await fetch(url('/other'))).status).toBe(404);
    expect((await fetch(url('/metrics'), { method: 'POST' })).status).toBe(405);
  });
});
