import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadProxyConfig, parseProxyConfig } from './load-proxy-config.js';

const VALID = `
model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_key: os.environ/TEST_OPENAI_KEY
    model_info:
      input_cost_per_token: 0.0000025
general_settings:
  master_key: os.environ/TEST_MASTER_KEY
litellm_settings:
  max_budget: 100
  budget_duration: 30d
environment_variables:
  TEST_MASTER_KEY: sk-from-config
`;

describe('parseProxyConfig', () => {
  it('resolves os.environ references and exports environment_variables without overriding the process env', () => {
    const env: Record<string, string | undefined> = { TEST_OPENAI_KEY: 'sk-upstream' };
    const { config, unresolved } = parseProxyConfig(VALID, env);
    expect(config.model_list[0]?.litellm_params['api_key']).toBe('sk-upstream');
    expect(config.general_settings.master_key).toBe('sk-from-config');
    expect(config.litellm_settings.max_budget).toBe(100);
    expect(unresolved).toEqual([]);

    const overridden = parseProxyConfig(VALID, { TEST_OPENAI_KEY: 'x', TEST_MASTER_KEY: 'sk-from-env' });
    expect(overridden.config.general_settings.master_key).toBe('sk-from-env');
  });

  it('reports unset references with their config path', () => {
    const { config, unresolved } = parseProxyConfig(VALID, {});
    expect(unresolved).toEqual([{ path: 'model_list[0].litellm_params.api_key', variable: 'TEST_OPENAI_KEY' }]);
    expect(config.model_list[0]?.litellm_params['api_key']).toBeUndefined();
  });

  it('names the path of every bad field', () => {
    const text = `
model_list:
  - model_name: ""
    litellm_params: {}
litellm_settings:
  max_budget: -1
  budget_duration: monthly
general_settings:
  master_key: not-sk
`;
    let message = '';
    try {
      parseProxyConfig(text, {});
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('model_list[0].model_name');
    expect(message).toContain('model_list[0].litellm_params.model');
    expect(message).toContain('litellm_settings.max_budget');
    expect(message).toContain('litellm_settings.budget_duration');
    expect(message).toContain('general_settings.master_key');
  });

  it('names a duplicate deployment id and a fallback to no model group by path, at load time', () => {
    const text = `
model_list:
  - { model_name: a, litellm_params: { model: openai/a }, model_info: { id: x } }
  - { model_name: b, litellm_params: { model: openai/b } }
  - { model_name: c, litellm_params: { model: openai/c }, model_info: { id: x } }
  - { model_name: b, litellm_params: { model: openai/b } }
router_settings:
  fallbacks: [{ a: [missing] }]
`;
    expect(() => parseProxyConfig(text, {})).toThrow(
      new ConfigError(
        [
          'invalid config:',
          '  model_list[2].model_info.id: duplicate deployment id "x" (also model_list[0])',
          '  model_list[3]: same model_name and litellm_params as model_list[1] (one deployment twice); give each a distinct model_info.id to keep both',
          "  router_settings.fallbacks[0].a[0]: unknown model group 'missing'",
        ].join('\n'),
      ),
    );
    const single = '\nmodel_list:\n  - { model_name: a, litellm_params: { model: openai/a }, model_info: { id: x } }\n  - { model_name: b, litellm_params: { model: openai/b }, model_info: { id: x } }\n';
    expect(() => parseProxyConfig(single, {})).toThrow('invalid config: model_list[1].model_info.id: duplicate deployment id "x" (also model_list[0])');
  });

  it('rejects YAML that is not a mapping, and broken YAML', () => {
    expect(() => parseProxyConfig('- a\n- b\n', {})).toThrow(/mapping/);
    expect(() => parseProxyConfig('model_list: [\n', {})).toThrow(/not valid YAML/);
  });

  it('accepts an empty file as an empty config', () => {
    expect(parseProxyConfig('', {}).config.model_list).toEqual([]);
  });
});

describe('loadProxyConfig', () => {
  it('reads a file and names a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tollgate-config-'));
    try {
      const file = join(dir, 'config.yaml');
      await writeFile(file, VALID);
      const { config } = await loadProxyConfig(file, { TEST_OPENAI_KEY: 'k' });
      expect(config.model_list).toHaveLength(1);
      await expect(loadProxyConfig(join(dir, 'missing.yaml'), {})).rejects.toThrow(/missing\.yaml.*ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
