import type { IncomingHttpHeaders } from 'node:http';
import type { MockRoute, WireFormat } from './recorded-request.js';

/** The endpoint a request reached. */
export interface RouteMatch {
  route: MockRoute;
  format: WireFormat;
  /** Gemini names the model in the path; `openai.model` names it there too. */
  pathModel?: string;
}

/** The mock's own endpoints (`/health` and `/` for the benchmark harness's readiness probe). */
const CONTROL_ROUTES: Readonly<Record<string, MockRoute>> = {
  '/__stats': 'mock.stats',
  '/__stats/reset-max': 'mock.resetMax',
  '/health': 'mock.health',
  '/': 'mock.health',
};
const GEMINI_METHOD = /\/models\/([^/]+):([A-Za-z]+)$/;
const OPENAI_MODEL = /\/models\/([^/:]+)$/;
const GEMINI_ROUTES: Readonly<Record<string, MockRoute>> = {
  generateContent: 'gemini.generate',
  streamGenerateContent: 'gemini.stream',
  embedContent: 'gemini.embed',
  batchEmbedContents: 'gemini.batchEmbed',
};

/**
 * Maps method and path to an endpoint. OpenAI routes match on the path's end, so any base path works: `/v1`,
 * none, Z.ai's `/api/paas/v4`, Azure's `/openai/deployments/{name}`. `GET …/models` is answered in the format of
 * the client that asks (an `anthropic-version` header, or a Gemini `v1beta` path).
 */
export function routeRequest(method: string, path: string, headers: IncomingHttpHeaders): RouteMatch {
  if (method === 'POST') {
    if (path.endsWith('/chat/completions')) return { route: 'openai.chat', format: 'openai' };
    if (path.endsWith('/responses')) return { route: 'openai.responses', format: 'openai' };
    if (path.endsWith('/embeddings')) return { route: 'openai.embeddings', format: 'openai' };
    if (path.endsWith('/messages')) return { route: 'anthropic.messages', format: 'anthropic' };
    const gemini = GEMINI_METHOD.exec(path);
    const geminiRoute = gemini ? GEMINI_ROUTES[gemini[2] ?? ''] : undefined;
    if (gemini && geminiRoute) return { route: geminiRoute, format: 'gemini', pathModel: decodeURIComponent(gemini[1] ?? '') };
    if (path === '/__reset') return { route: 'mock.reset', format: 'openai' };
  } else if (method === 'GET') {
    const control = CONTROL_ROUTES[path];
    if (control) return { route: control, format: 'openai' };
    if (path.endsWith('/models')) {
      if (headers['anthropic-version'] !== undefined) return { route: 'anthropic.models', format: 'anthropic' };
      if (path.includes('/v1beta/')) return { route: 'gemini.models', format: 'gemini' };
      return { route: 'openai.models', format: 'openai' };
    }
    const model = OPENAI_MODEL.exec(path);
    if (model && !path.includes('/v1beta/')) return { route: 'openai.model', format: 'openai', pathModel: decodeURIComponent(model[1] ?? '') };
  }
  return { route: 'unknown', format: 'openai' };
}
