import type { IncomingHttpHeaders } from 'node:http';

/** The wire format a route speaks, which also decides the shape of its errors. */
export type WireFormat = 'openai' | 'anthropic' | 'gemini';

/** Every endpoint the mock answers. */
export type MockRoute =
  | 'openai.chat'
  | 'openai.embeddings'
  | 'openai.responses'
  | 'openai.models'
  | 'openai.model'
  | 'anthropic.messages'
  | 'anthropic.models'
  | 'gemini.generate'
  | 'gemini.stream'
  | 'gemini.embed'
  | 'gemini.batchEmbed'
  | 'gemini.models'
  | 'mock.stats'
  | 'mock.resetMax'
  | 'mock.reset'
  | 'mock.health'
  | 'unknown';

/** One request as the mock received it, for tests to assert on. */
export interface RecordedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Path and query string as sent, e.g. `/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`. */
  url: string;
  /** Query parameters (last value wins), e.g. `{ alt: 'sse', key: '…' }`. */
  query: Readonly<Record<string, string>>;
  /** Request headers as Node gives them (lower-case names). */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` without a body, the raw text when it is not JSON. */
  body: unknown;
  /** The body as sent (empty without one). */
  bodyText: string;
  /** Which endpoint answered. */
  route: MockRoute;
  /** The wire format of that endpoint. */
  format: WireFormat;
  /** The model named by the body (OpenAI, Anthropic) or the path (Gemini). */
  model: string | undefined;
  /** Whether a streamed reply was asked for. */
  stream: boolean;
  /**
   * The credential found in the provider's place: `authorization: Bearer …` or `api-key` (OpenAI),
   * `x-api-key` (Anthropic), `x-goog-api-key` or `?key=` (Gemini).
   */
  apiKey: string | undefined;
}
