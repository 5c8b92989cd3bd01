import { BadRequestError, NotFoundError, TollgateError } from '@tollgate/core';
import { ModelCatalogue } from './model-catalogue.js';
import { createModelCatalogue } from './create-model-catalogue.js';
import { completionCost } from '../cost/completion-cost.js';
import {
  getContextWindow,
  getMaxTokens,
  supportsFunctionCalling,
  supportsParallelFunctionCalling,
  supportsPromptCaching,
  supportsReasoning,
  supportsResponseSchema,
  supportsVision,
} from './model-capabilities.js';
import { getModelInfo, listModels, resolveBareModel } from './model-lookup.js';
import { registerModel, registerModels, unregisterModel } from './register-model.js';
import { defaultCatalogue } from './default-catalogue.js';
import { UnknownModelError } from './unknown-model-error.js';

describe('lookup by both key styles (bundled catalogue)', () => {
  it.each([
    ['gpt-4o', 'gpt-4o', 'openai', 'gpt-4o'],
    ['openai/gpt-4o', 'gpt-4o', 'openai', 'gpt-4o'],
    ['anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5', 'anthropic', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-5', 'claude-sonnet-4-5', 'anthropic', 'claude-sonnet-4-5'],
    ['gemini/gemini-2.5-flash', 'gemini/gemini-2.5-flash', 'gemini', 'gemini-2.5-flash'],
    ['zai/glm-4.6', 'zai/glm-4.6', 'zai', 'glm-4.6'],
    ['glm-4.6', 'zai/glm-4.6', 'zai', 'glm-4.6'],
    ['deepseek/deepseek-chat', 'deepseek/deepseek-chat', 'deepseek', 'deepseek-chat'],
    ['deepseek-chat', 'deepseek-chat', 'deepseek', 'deepseek-chat'],
    ['vertex_ai/gemini-2.5-flash', 'gemini-2.5-flash', 'vertex_ai', 'gemini-2.5-flash'],
  ])('%s → key %s, provider %s, model %s', (name, key, provider, model) => {
    const info = getModelInfo(name);
    expect(info).toMatchObject({ key, provider, model, origin: 'catalogue' });
  });

  it('keeps the LiteLLM provider id beside the routing provider', () => {
    expect(getModelInfo('gemini-2.5-flash')).toMatchObject({ provider: 'vertex_ai', litellmProvider: 'vertex_ai-language-models' });
  });

  it('does not take a bare key of another provider for provider/model', () => {
    // gpt-4o exists bare (openai), but "anthropic/gpt-4o" is not an Anthropic model
    expect(defaultCatalogue.findModel('anthropic/gpt-4o')).toMatchObject({ found: false, reason: 'unknown' });
  });

  it('resolves bare names for core (provider + model id), undefined when unknown or ambiguous', () => {
    expect(resolveBareModel('gpt-4o')).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(resolveBareModel('claude-sonnet-4-5')).toEqual({ provider: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(resolveBareModel('glm-4.6')).toEqual({ provider: 'zai', model: 'glm-4.6' });
    expect(resolveBareModel('gemini-2.5-pro')).toEqual({ provider: 'vertex_ai', model: 'gemini-2.5-pro' });
    expect(resolveBareModel('grok-4')).toBeUndefined(); // azure_ai/grok-4 and xai/grok-4
    expect(resolveBareModel('no-such-model-anywhere')).toBeUndefined();
  });

  it('throws UnknownModelError, a 404 NotFoundError with a helpful message', () => {
    let thrown: unknown;
    try {
      getModelInfo('gpt-4o-typo');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownModelError);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(TollgateError.isInstance(thrown)).toBe(true);
    const error = thrown as UnknownModelError;
    expect(error.status).toBe(404);
    expect(error.reason).toBe('unknown');
    expect(error.candidates).toContain('gpt-4o');
    expect(error.message).toMatch(/not in the price catalogue.*Did you mean "gpt-4o".*registerModel\("gpt-4o-typo"/);
    expect(error.toJSON().error).toMatchObject({ type: 'not_found_error', code: 'model_not_found' });
  });

  it('explains an ambiguous bare name', () => {
    expect(() => getModelInfo('grok-4')).toThrow(/ambiguous.*"azure_ai\/grok-4", "xai\/grok-4"/);
  });

  it('lists models by provider (LiteLLM sub-catalogues included) and mode', () => {
    const zai = listModels({ provider: 'zai' });
    expect(zai.length).toBe(11);
    expect(zai.every((info) => info.provider === 'zai')).toBe(true);
    const vertexEmbeddings = listModels({ provider: 'vertex_ai', mode: 'embedding' });
    expect(vertexEmbeddings.length).toBeGreaterThan(0);
    expect(vertexEmbeddings.every((info) => info.litellmProvider.startsWith('vertex_ai') && info.mode === 'embedding')).toBe(true);
    expect(listModels().length).toBe(defaultCatalogue.source.models);
  });
});

describe('capabilities and limits (LiteLLM semantics)', () => {
  it('reads capability flags; missing flags and unknown models read false', () => {
    expect(supportsFunctionCalling('gpt-4o')).toBe(true);
    expect(supportsParallelFunctionCalling('gpt-4o')).toBe(true);
    expect(supportsVision('gpt-4o')).toBe(true);
    expect(supportsResponseSchema('gpt-4o')).toBe(true);
    expect(supportsPromptCaching('anthropic/claude-sonnet-4-5')).toBe(true);
    expect(supportsReasoning('gpt-4o')).toBe(false); // no flag in the data
    expect(supportsReasoning('gemini/gemini-2.5-pro')).toBe(true);
    expect(supportsFunctionCalling('deepseek/deepseek-reasoner')).toBe(false); // explicitly false
    expect(supportsVision('definitely-not-a-model')).toBe(false);
  });

  it('keeps the difference between "false" and "not stated" in ModelInfo', () => {
    expect(getModelInfo('deepseek/deepseek-reasoner').capabilities.functionCalling).toBe(false);
    expect(getModelInfo('gpt-4o').capabilities.reasoning).toBeUndefined();
  });

  it('getMaxTokens is max_output_tokens, else legacy max_tokens', () => {
    expect(getMaxTokens('gpt-4o')).toBe(16_384);
    expect(getMaxTokens('claude-sonnet-4-5')).toBe(64_000);
    expect(getMaxTokens('text-embedding-3-small')).toBe(8191); // only max_tokens in the data
    expect(getMaxTokens('1024-x-1024/dall-e-2')).toBeUndefined();
    expect(() => getMaxTokens('no-such-model-anywhere')).toThrow(UnknownModelError);
  });

  it('getContextWindow is max_input_tokens', () => {
    expect(getContextWindow('gpt-4o')).toBe(128_000);
    expect(getContextWindow('gemini/gemini-2.5-pro')).toBe(1_048_576);
  });
});

describe('custom prices', () => {
  const catalogue = new ModelCatalogue();
  afterEach(() => catalogue.resetCustomModels());

  it('registers a model the catalogue does not know, converting USD floats exactly', () => {
    const info = catalogue.registerModel('acme/house-model', { input_cost_per_token: 0.0000025, output_cost_per_token: '1e-5', max_input_tokens: 32_000 });
    expect(info).toMatchObject({
      key: 'acme/house-model',
      provider: 'acme',
      origin: 'custom',
      maxInputTokens: 32_000,
      nanoUsdPerMillionTokens: { input: 2_500_000_000, output: 10_000_000_000 },
    });
    expect(catalogue.getModelInfo('acme/house-model')).toBe(info);
  });

  it('overrides the catalogue for that name and keeps what it does not set', () => {
    const info = catalogue.registerModel('gpt-4o', { input_cost_per_token: 0.000001, supports_reasoning: true });
    expect(info.nanoUsdPerMillionTokens).toEqual({ input: 1_000_000_000, output: 10_000_000_000, cacheRead: 1_250_000_000 });
    expect(info.capabilities).toMatchObject({ reasoning: true, vision: true });
    expect(info.maxOutputTokens).toBe(16_384);
    expect(catalogue.getModelInfo('gpt-4o').origin).toBe('custom');
    expect(catalogue.getModelInfo('openai/gpt-4o').origin).toBe('custom');
  });

  it('starts from base_model (a proxy deployment named after its Azure deployment)', () => {
    const info = catalogue.registerModel('azure/my-prod-deployment', { base_model: 'gpt-4o', output_cost_per_token: 0.000012 });
    expect(info).toMatchObject({ provider: 'azure', model: 'my-prod-deployment', maxInputTokens: 128_000 });
    expect(info.nanoUsdPerMillionTokens).toMatchObject({ input: 2_500_000_000, output: 12_000_000_000 });
  });

  it('merges tier prices by threshold', () => {
    const info = catalogue.registerModel('claude-sonnet-4-5', { output_cost_per_token_above_200k_tokens: 0.00003 });
    expect(info.tiers).toEqual([
      { aboveInputTokens: 200_000, nanoUsdPerMillionTokens: { input: 6_000_000_000, output: 30_000_000_000, cacheRead: 600_000_000, cacheWrite: 7_500_000_000 } },
    ]);
  });

  it('unregisters and resets', () => {
    catalogue.registerModel('gpt-4o', { input_cost_per_token: 0.000001 });
    catalogue.registerModel('acme/x', { input_cost_per_token: 0.000001 });
    expect(catalogue.unregisterModel('gpt-4o')).toBe(true);
    expect(catalogue.unregisterModel('gpt-4o')).toBe(false);
    expect(catalogue.getModelInfo('gpt-4o').origin).toBe('catalogue');
    catalogue.resetCustomModels();
    expect(catalogue.findModelInfo('acme/x')).toBeUndefined();
  });

  it('refuses bad prices with a BadRequestError naming the field', () => {
    expect(() => catalogue.registerModel('acme/y', { input_cost_per_token: 1e-17 })).toThrow(BadRequestError);
    expect(() => catalogue.registerModel('acme/y', { input_cost_per_token: 1e-17 })).toThrow(/model_info\.input_cost_per_token .*finer/);
    expect(() => catalogue.registerModel('acme/y', { input_cost_per_token: -1 })).toThrow(/non-negative/);
    expect(() => catalogue.registerModel('acme/y', { max_input_tokens: 1.5 })).toThrow(/model_info\.max_input_tokens/);
    expect(() => catalogue.registerModel('acme/y', { output_cost_per_token_above_200k_tokens: 0.00001 })).toThrow(
      /input_cost_per_token_above_200k_tokens is required/,
    );
    expect(catalogue.findModelInfo('acme/y')).toBeUndefined();
  });

  it('registers many at once, or none when one is bad', () => {
    expect(() =>
      catalogue.registerModels({ 'acme/a': { input_cost_per_token: 0.000001 }, 'acme/b': { input_cost_per_token: 'cheap' } }),
    ).toThrow(/acme\/b\.model_info\.input_cost_per_token/);
    expect(catalogue.findModelInfo('acme/a')).toBeUndefined();
    const infos = catalogue.registerModels({ 'acme/a': { input_cost_per_token: 0.000001 }, 'acme/b': { input_cost_per_token: 0.000002 } });
    expect(infos.map((info) => info.key)).toEqual(['acme/a', 'acme/b']);
  });

  it('the module-level functions work on the default catalogue', () => {
    try {
      registerModel('acme/module-level', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 });
      registerModels({ 'acme/module-level-2': { input_cost_per_token: 0.000001 } });
      expect(getModelInfo('acme/module-level').origin).toBe('custom');
      expect(resolveBareModel('acme/module-level-2')).toEqual({ provider: 'acme', model: 'module-level-2' });
    } finally {
      unregisterModel('acme/module-level');
      unregisterModel('acme/module-level-2');
    }
    expect(defaultCatalogue.findModelInfo('acme/module-level')).toBeUndefined();
  });
});

describe('loading', () => {
  const data = {
    version: 1,
    unit: 'nano-USD per 1M tokens',
    source: { sha256: 'a'.repeat(64), upstreamCommit: null, models: 1 },
    models: { 'test/one': { p: 'test', m: 'chat', c: { i: 1, o: 2 }, f: 'fc !vis' } },
  };

  it('loads lazily, once, on first use', () => {
    const load = jest.fn(() => data);
    const catalogue = new ModelCatalogue({ load });
    expect(load).not.toHaveBeenCalled();
    expect(catalogue.getModelInfo('test/one').capabilities).toEqual({ functionCalling: true, vision: false });
    catalogue.getModelInfo('test/one');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('validates data with zod and refuses what does not match', () => {
    const bad = new ModelCatalogue({ load: () => ({ ...data, models: { x: { p: 'test', c: { i: 1.5 } } } }) });
    expect(() => bad.getModelInfo('x')).toThrow();
    const unknownFlag = new ModelCatalogue({ load: () => ({ ...data, models: { x: { p: 'test', f: 'teleport' } } }) });
    expect(() => unknownFlag.getModelInfo('x')).toThrow(/unknown capability code/);
  });

  it('returns frozen info that callers cannot corrupt', () => {
    const info = new ModelCatalogue({ load: () => data }).getModelInfo('test/one');
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info.nanoUsdPerMillionTokens)).toBe(true);
  });
});

describe('a catalogue object', () => {
  it('looks models up and prices calls at its own prices only', () => {
    const mine = createModelCatalogue({ models: { 'acme/house': { input_cost_per_token: 0.000001, output_cost_per_token: 0.000003 } } });
    const usage = { prompt_tokens: 1_000, completion_tokens: 10, total_tokens: 1_010 };
    expect(mine.lookup('acme/house')?.nanoUsdPerMillionTokens).toMatchObject({ input: 1_000_000_000, output: 3_000_000_000 });
    // 1,000 × 1,000 + 10 × 3,000 nano-USD
    expect(mine.costOf('acme/house', usage)).toMatchObject({ priced: true, costNanoUsd: 1_030_000, costUsd: 0.00103 });
    expect(createModelCatalogue().costOf('acme/house', usage)).toMatchObject({ priced: false, reason: 'unknown_model' });
    expect(mine.costOf('gpt-4o', usage)).toEqual(completionCost({ model: 'gpt-4o', usage }));
  });

  it('registers its models all or nothing, naming the bad field', () => {
    expect(() => createModelCatalogue({ models: { ok: { input_cost_per_token: 0.000001 }, bad: { input_cost_per_token: 1e-17 } } })).toThrow(/bad\.model_info\.input_cost_per_token/);
  });
});
