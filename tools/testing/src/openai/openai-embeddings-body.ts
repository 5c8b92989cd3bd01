import { embeddingDimensions, DEFAULT_DIMENSIONS } from '../embeddings/embedding-dimensions.js';
import { embeddingVector } from '../embeddings/embedding-vector.js';
import { estimateTextTokens } from '../plan/estimate-prompt-tokens.js';

/** A `POST /embeddings` reply, or the reason the request is invalid. */
export type OpenAIEmbeddingsOutcome = { body: string } | { invalid: string };

/**
 * Embeds `input` (a string, strings, token ids, or lists of token ids) with deterministic vectors, honouring
 * `dimensions` and `encoding_format: 'base64'`. Token-id inputs count one token per id. The body is assembled
 * from each vector's cached JSON, since serialising thousands of floats per request would dominate a benchmark.
 */
export function openAIEmbeddingsBody(body: Record<string, unknown>, model: string | undefined): OpenAIEmbeddingsOutcome {
  const inputs = normaliseInput(body.input);
  if (!inputs) return { invalid: "'input' must be a string, an array of strings, or an array of token arrays." };
  const dimensions = embeddingDimensions({ requested: body.dimensions, model, fallback: DEFAULT_DIMENSIONS.openai });
  const base64 = body.encoding_format === 'base64';
  let promptTokens = 0;
  const data = inputs.map((input, index) => {
    promptTokens += typeof input === 'string' ? estimateTextTokens(input) : input.length;
    const vector = embeddingVector(typeof input === 'string' ? input : input.join(','), dimensions);
    const embedding = base64 ? `"${vector.base64}"` : vector.valuesJson;
    return `{"object":"embedding","index":${index},"embedding":${embedding}}`;
  });
  const usage = `{"prompt_tokens":${promptTokens},"total_tokens":${promptTokens}}`;
  return {
    body: `{"object":"list","data":[${data.join(',')}],"model":${JSON.stringify(model ?? 'text-embedding-3-small')},"usage":${usage}}`,
  };
}

function normaliseInput(input: unknown): (string | readonly number[])[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item) => typeof item === 'number')) return [input];
  if (input.every((item) => typeof item === 'string')) return input;
  if (input.every((item) => Array.isArray(item) && item.every((id) => typeof id === 'number'))) return input;
  return undefined;
}
