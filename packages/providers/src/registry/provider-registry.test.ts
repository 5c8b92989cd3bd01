import { completion } from '../completion/completion.js';
import { getProviderAdapter } from './get-provider-adapter.js';
import { getSupportedOpenAIParams } from './get-supported-openai-params.js';
import { listProviders } from './list-providers.js';
import { providerAdapters } from './provider-registry.js';

const REQUIRED_PROVIDERS = [
  'openai', 'azure', 'zai', 'deepseek', 'groq', 'mistral', 'openrouter', 'xai', 'together_ai', 'fireworks_ai',
  'deepinfra', 'perplexity', 'cerebras', 'moonshot', 'dashscope', 'nvidia_nim', 'sambanova', 'hosted_vllm',
  'lm_studio', 'ollama_chat', 'litellm_proxy', 'tollgate', 'mock',
];

describe('provider registry', () => {
  it('lists every required provider once, with its env vars', () => {
    const providers = listProviders();
    const ids = providers.map((provider) => provider.id);
    for (const id of REQUIRED_PROVIDERS) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(providers.find((provider) => provider.id === 'zai')).toMatchObject({
      envKeys: ['ZAI_API_KEY'],
      apiBaseEnv: ['ZAI_API_BASE'],
      defaultApiBase: 'https://api.z.ai/api/paas/v4',
      apiKeyRequired: true,
    });
    expect(providers.find((provider) => provider.id === 'together_ai')?.envKeys).toEqual(
      expect.arrayContaining(['TOGETHERAI_API_KEY', 'TOGETHER_API_KEY']),
    );
    expect(providers.find((provider) => provider.id === 'perplexity')?.envKeys[0]).toBe('PERPLEXITYAI_API_KEY');
  });

  it('resolves aliases to the same adapter', () => {
    expect(getProviderAdapter('together')).toBe(getProviderAdapter('together_ai'));
    expect(getProviderAdapter('fireworks')).toBe(getProviderAdapter('fireworks_ai'));
    expect(getProviderAdapter('no-such-provider')).toBeUndefined();
  });

  it('gives every adapter that needs a key an env var to read it from, and a non-empty params list', () => {
    for (const adapter of providerAdapters) {
      expect(adapter.envKeys.length > 0 || !adapter.apiKeyRequired).toBe(true);
      expect(adapter.supportedParams('any-model').length).toBeGreaterThan(0);
    }
  });

  it('reports the params a model accepts', () => {
    expect(getSupportedOpenAIParams('zai/glm-4.7')).toEqual(expect.arrayContaining(['tools', 'tool_choice', 'max_tokens', 'stream']));
    expect(getSupportedOpenAIParams('zai/glm-4.7')).not.toContain('logit_bias');
    expect(getSupportedOpenAIParams('openai/gpt-4o')).toContain('temperature');
    expect(getSupportedOpenAIParams('openai/o3-mini')).not.toContain('temperature');
    expect(getSupportedOpenAIParams('gpt-4o')).toContain('logprobs');
  });

  it('sends ollama_chat to the /v1 API of an Ollama server root', async () => {
    process.env['OLLAMA_API_BASE'] = 'http://127.0.0.1:1';
    try {
      const adapter = getProviderAdapter('ollama_chat')!;
      const spec = adapter.toChatRequest(
        { model: 'ollama_chat/llama3.2', messages: [{ role: 'user', content: 'x' }] },
        {
          providerId: 'ollama_chat', model: 'llama3.2', apiKey: undefined, apiBase: 'http://localhost:11434', apiVersion: undefined,
          stream: false, includeUsage: false, requestId: 'r', created: 1,
        },
      );
      expect(spec.url).toBe('http://localhost:11434/v1/chat/completions');
      expect(spec.headers).not.toHaveProperty('authorization');
      await expect(completion({ model: 'ollama_chat/llama3.2', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
        upstreamStatus: 0,
      });
    } finally {
      delete process.env['OLLAMA_API_BASE'];
    }
  });
});
