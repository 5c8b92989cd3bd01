import { BadRequestError } from '../errors/bad-request-error.js';
import { parseModelRef, type ModelRef, type ParseModelRefOptions } from './parse-model-ref.js';

const knownProviders = new Set(['openai', 'anthropic', 'openrouter', 'together_ai', 'zai', 'gemini', 'ollama']);
const catalogue = new Map<string, ModelRef>([
  ['gpt-4o', { provider: 'openai', model: 'gpt-4o' }],
  ['claude-sonnet-4-5', { provider: 'anthropic', model: 'claude-sonnet-4-5' }],
  ['meta-llama/Llama-3-70b', { provider: 'together_ai', model: 'meta-llama/Llama-3-70b' }],
  ['imagen-3', { provider: 'vertex_ai', model: 'imagen-3' }],
]);
const options: ParseModelRefOptions = { knownProviders, resolveBareModel: (name) => catalogue.get(name) };

function rejectionOf(model: string, parseOptions: ParseModelRefOptions = options): BadRequestError {
  try {
    parseModelRef(model, parseOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    return error as BadRequestError;
  }
  throw new Error(`expected '${model}' to be rejected`);
}

describe('parseModelRef', () => {
  it.each<[string, ModelRef]>([
    ['openai/gpt-4o', { provider: 'openai', model: 'gpt-4o' }],
    ['anthropic/claude-sonnet-4-5', { provider: 'anthropic', model: 'claude-sonnet-4-5' }],
    ['zai/glm-4.7', { provider: 'zai', model: 'glm-4.7' }],
    ['openrouter/anthropic/claude-3.5', { provider: 'openrouter', model: 'anthropic/claude-3.5' }],
    ['together_ai/meta-llama/Llama-3-70b', { provider: 'together_ai', model: 'meta-llama/Llama-3-70b' }],
    ['ollama/llama3.2:3b', { provider: 'ollama', model: 'llama3.2:3b' }],
    ['openai/some-model-the-catalogue-lacks', { provider: 'openai', model: 'some-model-the-catalogue-lacks' }],
  ])('splits %s at the known provider', (model, expected) => {
    expect(parseModelRef(model, options)).toEqual(expected);
  });

  it.each<[string, ModelRef]>([
    ['gpt-4o', { provider: 'openai', model: 'gpt-4o' }],
    ['claude-sonnet-4-5', { provider: 'anthropic', model: 'claude-sonnet-4-5' }],
    ['meta-llama/Llama-3-70b', { provider: 'together_ai', model: 'meta-llama/Llama-3-70b' }],
  ])('resolves %s through the catalogue', (model, expected) => {
    expect(parseModelRef(model, options)).toEqual(expected);
  });

  it('asks the catalogue only when the first segment is not a known provider', () => {
    const asked: string[] = [];
    const recording: ParseModelRefOptions = {
      knownProviders: ['openai'],
      resolveBareModel: (name) => {
        asked.push(name);
        return { provider: 'openai', model: name };
      },
    };
    parseModelRef('openai/gpt-4o', recording);
    parseModelRef('gpt-4o-mini', recording);
    expect(asked).toEqual(['gpt-4o-mini']);
  });

  it('rejects an unknown bare name with a message that says how to name a model', () => {
    const error = rejectionOf('gpt-99');
    expect(error.param).toBe('model');
    expect(error.status).toBe(400);
    expect(error.message).toContain("unknown model 'gpt-99'");
    expect(error.message).toContain("'<provider>/<model>'");
    expect(error.message).toContain('Known providers: anthropic, gemini, ollama, openai, openrouter, together_ai, zai.');
  });

  it('rejects an unknown first segment, saying it is not a provider', () => {
    const error = rejectionOf('meta-llama/Llama-9');
    expect(error.param).toBe('model');
    expect(error.message).toContain("'meta-llama' is not a known provider");
  });

  it('rejects a bare name when no catalogue lookup is given', () => {
    expect(rejectionOf('gpt-4o', { knownProviders }).message).toContain("unknown model 'gpt-4o'");
  });

  it('rejects a catalogue answer naming a provider Tollgate cannot call', () => {
    expect(rejectionOf('imagen-3').message).toContain("provider 'vertex_ai', which Tollgate cannot call");
  });

  it('rejects an empty name and a provider without a model', () => {
    expect(rejectionOf('').message).toBe("Missing required parameter: 'model'.");
    expect(rejectionOf('  ').param).toBe('model');
    expect(rejectionOf('openai/').message).toContain("names provider 'openai' but no model");
  });

  it('shortens a long provider list', () => {
    const many = Array.from({ length: 45 }, (_unused, index) => `p${String(index).padStart(2, '0')}`);
    expect(rejectionOf('x', { knownProviders: many }).message).toMatch(/p29 and 15 more\.$/);
    expect(rejectionOf('x', { knownProviders: [] }).message).toMatch(/No providers are configured\.$/);
  });
});
