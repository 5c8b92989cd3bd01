import { RateLimitError } from '@tollgate/core';
import { routerMetadataOf } from '../router-metadata.js';
import { pricingRouterCatalogue } from '../catalogue/pricing-router-catalogue.js';
import { chat, createHarness } from '../testing-internal/router-harness.js';
import { WildcardRoutes } from './wildcard-routes.js';

const wildcard = (modelName: string, model: string, extra: Record<string, unknown> = {}) => ({ model_name: modelName, litellm_params: { model, ...extra } });

describe('wildcard routes', () => {
  it('serves any matching model through the most specific pattern, with the `*` filled in', async () => {
    const harness = createHarness({
      modelList: [wildcard('*', 'fake/*'), wildcard('fake/*', 'fake/*', { api_key: 'sk-fake' }), wildcard('fake/gpt-*', 'fake/tuned-*'), { model_name: 'fixed', litellm_params: { model: 'fake/fixed' } }],
    });
    const { router, deployments } = harness;
    expect(router.getModelGroups()).toEqual(['*', 'fake/*', 'fake/gpt-*', 'fixed']);
    for (const model of ['o3-mini', 'fake/claude', 'fake/gpt-4o', 'fixed']) {
      const response = await router.completion(chat(model));
      expect(routerMetadataOf(response)?.modelGroup).toBe(model);
    }
    expect(deployments.calls.map((call) => call.model)).toEqual(['fake/o3-mini', 'fake/claude', 'fake/tuned-4o', 'fake/fixed']);
    expect(router.hasModelGroup('anything-at-all')).toBe(true);
    expect(router.getDeployments('fake/*').map((deployment) => deployment.litellmParams.model)).toEqual(['fake/*']);
  });

  it('knows no model a pattern does not match, and never routes to a pattern by its own name', async () => {
    const { router } = createHarness({ modelList: [wildcard('fake/*', 'fake/*')] });
    expect(router.hasModelGroup('other/model')).toBe(false);
    expect(router.hasModelGroup('fake/')).toBe(false);
    expect(router.hasModelGroup('fake/*')).toBe(false);
    await expect(router.completion(chat('other/model'))).rejects.toMatchObject({ status: 400, param: 'model' });
  });

  it('gives each concrete model its own deployments: one cooling down leaves the others alone', async () => {
    const harness = createHarness({
      modelList: [wildcard('fake/*', 'fake/*')],
      routerSettings: { allowed_fails: 0, num_retries: 0 },
      scripts: { 'fake/busy': [{ error: new RateLimitError('slow down') }] },
    });
    await expect(harness.router.completion(chat('fake/busy'))).rejects.toBeInstanceOf(RateLimitError);
    const busy = harness.router.getDeployments('fake/busy')[0]!.id;
    const calm = harness.router.getDeployments('fake/calm')[0]!.id;
    expect(busy).not.toBe(calm);
    await expect(harness.router.completion(chat('fake/calm'))).resolves.toBeDefined();
  });

  it('keeps memory bounded however many names clients send, rebuilding an evicted name identically', () => {
    const routes = new WildcardRoutes([{ model_name: '*', litellm_params: { model: 'fake/*' } }], pricingRouterCatalogue(), 2);
    const first = routes.deploymentsFor('a');
    expect(routes.deploymentsFor('a')).toBe(first); // cached
    routes.deploymentsFor('b');
    routes.deploymentsFor('c'); // pushes out a
    const rebuilt = routes.deploymentsFor('a');
    expect(rebuilt).not.toBe(first);
    expect(rebuilt?.map((deployment) => deployment.id)).toEqual(first?.map((deployment) => deployment.id));
  });
});
