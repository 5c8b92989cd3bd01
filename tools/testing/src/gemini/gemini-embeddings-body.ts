import { embeddingDimensions, DEFAULT_DIMENSIONS } from '../embeddings/embedding-dimensions.js';
import { embeddingVector } from '../embeddings/embedding-vector.js';

/** An embedding reply, or the reason the request is invalid. */
export type GeminiEmbeddingsOutcome = { body: string } | { invalid: string };

/** `:embedContent` → `{ embedding: { values } }`, honouring `outputDimensionality`. */
export function geminiEmbedBody(body: Record<string, unknown>, pathModel: string | undefined): GeminiEmbeddingsOutcome {
  const valuesJson = embedOne(body, pathModel);
  if (!valuesJson) return { invalid: '* content: text parts are required' };
  return { body: `{"embedding":{"values":${valuesJson}}}` };
}

/** `:batchEmbedContents` → `{ embeddings: [{ values }] }`, one per entry of `requests`. */
export function geminiBatchEmbedBody(body: Record<string, unknown>, pathModel: string | undefined): GeminiEmbeddingsOutcome {
  if (!Array.isArray(body.requests) || body.requests.length === 0) return { invalid: '* requests: at least one request is required' };
  const embeddings: string[] = [];
  for (const request of body.requests as unknown[]) {
    const valuesJson = typeof request === 'object' && request !== null ? embedOne(request as Record<string, unknown>, pathModel) : undefined;
    if (!valuesJson) return { invalid: `* requests[${embeddings.length}].content: text parts are required` };
    embeddings.push(`{"values":${valuesJson}}`);
  }
  return { body: `{"embeddings":[${embeddings.join(',')}]}` };
}

/** The JSON of one request's vector (cached per text and size). */
function embedOne(request: Record<string, unknown>, pathModel: string | undefined): string | undefined {
  const content = request.content as { parts?: unknown } | undefined;
  if (!content || !Array.isArray(content.parts)) return undefined;
  const text = content.parts.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
  const model = typeof request.model === 'string' ? request.model : pathModel;
  const dimensions = embeddingDimensions({ requested: request.outputDimensionality, model, fallback: DEFAULT_DIMENSIONS.gemini });
  return embeddingVector(text, dimensions).valuesJson;
}
