import { Router } from '../router.js';
import { characterCatalogue } from '../testing-internal/router-harness.js';
import { checkRouterConfig } from './check-router-config.js';
import { parseModelList, parseRouterSettings } from './parse-router-config.js';
import { RouterConfigError } from './router-config-error.js';

const catalogue = characterCatalogue();

function configErrorOf(build: () => unknown): RouterConfigError {
  try {
    build();
  } catch (error) {
    if (error instanceof RouterConfigError) return error;
    throw error;
  }
  throw new Error('expected a RouterConfigError');
}

describe('model_list validation', () => {
  it('accepts LiteLLM entries and keeps provider params passed through', () => {
    const [entry] = parseModelList([
      {
        model_name: 'gpt-4o',
        litellm_params: { model: 'azure/gpt4o-eu', api_key: 'k', rpm: 600, order: 1, temperature: 0.2 },
        model_info: { id: 'eu', max_input_tokens: 128000, access_groups: ['beta'], team: 'x' },
      },
    ]);
    expect(entry?.litellm_params).toEqual({ model: 'azure/gpt4o-eu', api_key: 'k', rpm: 600, order: 1, temperature: 0.2 });
    expect(entry?.model_info).toMatchObject({ id: 'eu', team: 'x' });
  });

  it('names the path of every bad field', () => {
    const error = configErrorOf(() =>
      parseModelList([
        { model_name: 'ok', litellm_params: { model: 'openai/gpt-4o' } },
        { model_name: 'bad', litellm_params: { model: 'openai/gpt-4o', rpm: 'lots' }, model_info: { max_input_tokens: -1 } },
        { model_name: 'worse', litellm_params: {} },
      ]),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'model_list[1].litellm_params.rpm',
      'model_list[1].model_info.max_input_tokens',
      'model_list[2].litellm_params.model',
    ]);
    expect(error.message).toContain('model_list[1].litellm_params.rpm:');
  });

  it('rejects unknown keys at the top of an entry (a misspelt litellm_params would be silently ignored)', () => {
    const error = configErrorOf(() => parseModelList([{ model_name: 'a', litellm_param: { model: 'x' } }]));
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['model_list[0]']));
  });
});

describe('router_settings validation', () => {
  it('accepts every documented setting and maps usage-based-routing-v2 to usage-based-routing', () => {
    const settings = parseRouterSettings({
      routing_strategy: 'usage-based-routing-v2',
      num_retries: 3,
      retry_after: 1,
      timeout: 30,
      stream_timeout: 10,
      allowed_fails: 2,
      cooldown_time: 30,
      disable_cooldowns: false,
      fallbacks: [{ a: ['b'] }],
      context_window_fallbacks: [{ a: ['b'] }],
      content_policy_fallbacks: [{ a: ['b'] }],
      default_fallbacks: ['b'],
      max_fallbacks: 2,
      model_group_alias: { old: 'a', secret: { model: 'a', hidden: true } },
      enable_pre_call_checks: true,
      routing_strategy_args: { ttl: 60, lowest_latency_buffer: 0.1 },
      redis_host: 'localhost',
    });
    expect(settings.routing_strategy).toBe('usage-based-routing');
    expect(settings['redis_host']).toBe('localhost');
  });

  it('names the path of bad settings', () => {
    const error = configErrorOf(() =>
      parseRouterSettings({ routing_strategy: 'fastest', num_retries: -1, fallbacks: [{ a: 'b' }] }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'router_settings.routing_strategy',
      'router_settings.num_retries',
      'router_settings.fallbacks[0].a',
    ]);
  });
});

describe('Router construction', () => {
  const modelList = [
    { model_name: 'a', litellm_params: { model: 'fake/a' } },
    { model_name: 'b', litellm_params: { model: 'fake/b' } },
  ];

  it('reports schema errors with the config path', () => {
    const error = configErrorOf(
      () => new Router({ modelList: [{ model_name: 'a', litellm_params: { model: 'fake/a', weight: -1 } }], catalogue }),
    );
    expect(error.issues[0]?.path).toBe('model_list[0].litellm_params.weight');
  });

  it('rejects fallbacks and aliases that name no model group', () => {
    const error = configErrorOf(
      () =>
        new Router({
          modelList,
          catalogue,
          routerSettings: {
            fallbacks: [{ a: ['b', 'c'] }],
            default_fallbacks: ['zz'],
            model_group_alias: { old: 'nope', b: 'a' },
          },
        }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'router_settings.model_group_alias.old',
      'router_settings.model_group_alias.b',
      'router_settings.fallbacks[0].a[1]',
      'router_settings.default_fallbacks[0]',
    ]);
  });

  it('rejects two deployments with the same id', () => {
    const error = configErrorOf(
      () =>
        new Router({
          catalogue,
          modelList: [
            { model_name: 'a', litellm_params: { model: 'fake/a' }, model_info: { id: 'same' } },
            { model_name: 'b', litellm_params: { model: 'fake/b' }, model_info: { id: 'same' } },
          ],
        }),
    );
    expect(error.issues).toEqual([{ path: 'model_list[1].model_info.id', message: 'duplicate deployment id "same" (also model_list[0])' }]);
  });

  it('names the entry when one deployment is listed twice without an id', () => {
    const entry = { model_name: 'a', litellm_params: { model: 'fake/a' } };
    const error = configErrorOf(() => new Router({ catalogue, modelList: [entry, { model_name: 'b', litellm_params: { model: 'fake/b' } }, entry] }));
    expect(error.issues).toEqual([{ path: 'model_list[2]', message: expect.stringContaining('same model_name and litellm_params as model_list[0]') }]);
  });

  it('reports duplicate ids and dangling references of a validated config without building a router', () => {
    const issues = checkRouterConfig({
      modelList: parseModelList([
        { model_name: 'a', litellm_params: { model: 'fake/a' }, model_info: { id: 'x' } },
        { model_name: 'b', litellm_params: { model: 'fake/b' }, model_info: { id: 'y' } },
        { model_name: 'c', litellm_params: { model: 'fake/c' }, model_info: { id: 'x' } },
      ]),
      routerSettings: parseRouterSettings({ fallbacks: [{ a: ['nope'] }] }),
    });
    expect(issues).toEqual([
      { path: 'model_list[2].model_info.id', message: 'duplicate deployment id "x" (also model_list[0])' },
      { path: 'router_settings.fallbacks[0].a[0]', message: "unknown model group 'nope'" },
    ]);
    expect(checkRouterConfig({ modelList: parseModelList(modelList), routerSettings: parseRouterSettings({}) })).toEqual([]);
  });
});
