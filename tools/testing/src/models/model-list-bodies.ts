/** Models listed when the server is given none. */
export const DEFAULT_MODELS: readonly string[] = [
  'mock-model',
  'gpt-4o-mini',
  'gpt-4o',
  'text-embedding-3-small',
  'claude-sonnet-4-5',
  'gemini-2.5-flash',
  'gemini-embedding-001',
];

/** A fixed creation time, so that listings are byte-identical across runs. */
const CREATED = 1_735_689_600;

/** OpenAI `GET /models`. */
export function openAIModelList(models: readonly string[]): string {
  return JSON.stringify({ object: 'list', data: models.map(openAIModel) });
}

/** OpenAI `GET /models/{id}` entry. */
export function openAIModel(id: string): Record<string, unknown> {
  return { id, object: 'model', created: CREATED, owned_by: 'system' };
}

/** Anthropic `GET /v1/models` (asked with an `anthropic-version` header). */
export function anthropicModelList(models: readonly string[]): string {
  const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: new Date(CREATED * 1000).toISOString() }));
  return JSON.stringify({ data, has_more: false, first_id: models[0] ?? null, last_id: models.at(-1) ?? null });
}

/** Gemini `GET /v1beta/models`. */
export function geminiModelList(models: readonly string[]): string {
  return JSON.stringify({
    models: models.map((id) => ({
      name: `models/${id}`,
      version: '001',
      displayName: id,
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: id.includes('embedding') ? ['embedContent'] : ['generateContent', 'countTokens'],
    })),
  });
}
