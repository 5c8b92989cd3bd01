import { manage, MASTER_KEY, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
beforeAll(async () => {
  testProxy = await startTestProxy();
});
afterAll(async () => {
  await testProxy.stop();
});

describe('operations endpoints', () => {
  it('answers liveness and readiness without a key', async () => {
    const live = await fetch(`${testProxy.proxy.url}/health/liveliness`);
    expect(await live.json()).toBe("I'm alive!");
    const ready = await fetch(`${testProxy.proxy.url}/health/readiness`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'healthy', db: 'connected' });
  });

  it('details readiness per dependency for admins only', async () => {
    const details = await fetch(`${testProxy.proxy.url}/health/readiness/details`, { headers: { authorization: `Bearer ${MASTER_KEY}` } });
    expect(details.status).toBe(200);
    const body = (await details.json()) as { status: string; services: Record<string, { status: string; latency_ms: number }>; uptime_seconds: number };
    expect(body.status).toBe('healthy');
    expect(Object.keys(body.services)).toEqual(['database']); // embedded mode: no Redis
    expect(body.services['database']?.status).toBe('connected');
    expect(body.uptime_seconds).toBeGreaterThanOrEqual(0);
    const generated = await manage(testProxy, '/key/generate', {});
    const refused = await fetch(`${testProxy.proxy.url}/health/readiness/details`, { headers: { authorization: `Bearer ${generated.key}` } });
    expect(refused.status).toBe(403);
  });

  it('probes every deployment for admins only', async () => {
    const health = await manage(testProxy, '/health');
    expect(health).toMatchObject({ healthy_count: 3, unhealthy_count: 0 });
    expect(JSON.stringify(health)).not.toContain('sk-');
    const generated = await manage(testProxy, '/key/generate', {});
    const refused = await fetch(`${testProxy.proxy.url}/health`, { headers: { authorization: `Bearer ${generated.key}` } });
    expect(refused.status).toBe(403);
  });

  it('exposes Prometheus metrics that count requests and spend', async () => {
    await fetch(`${testProxy.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const metrics = await (await fetch(`${testProxy.proxy.url}/metrics`)).text();
    expect(metrics).toMatch(/tollgate_proxy_requests_total\{route="chat",model_group="gpt-4o-mini",status="200"\} [1-9]/);
    expect(metrics).toMatch(/tollgate_spend_usd_total\{model_group="gpt-4o-mini"\} [0-9.e-]+/);
  });
});
