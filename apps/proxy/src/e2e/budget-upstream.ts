import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the budget upstream answers: `answerTokens` per choice, cut to `max_tokens` unless it ignores it. */
export interface BudgetUpstreamBehaviour {
  answerTokens: number;
  ignoresMaxTokens: boolean;
}

/** Prompt tokens the budget upstream reports for every call: what OpenAI counts for one user message "hi". */
export const BUDGET_UPSTREAM_PROMPT_TOKENS = 8;

/**
 * A tiny OpenAI-style chat upstream for budget tests: answers every choice of `n` with " tok" tokens, reports usage
 * for all of them, honours or ignores `max_tokens` / `max_completion_tokens`, and records every request body.
 */
export async function startBudgetUpstream() {
  const bodies: Record<string, unknown>[] = [];
  const behaviour: BudgetUpstreamBehaviour = { answerTokens: 100, ignoresMaxTokens: false };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      bodies.push(body);
      const limit = (body.max_completion_tokens ?? body.max_tokens) as number | undefined;
      const perChoice = behaviour.ignoresMaxTokens || limit === undefined ? behaviour.answerTokens : Math.min(limit, behaviour.answerTokens);
      const choices = typeof body.n === 'number' ? body.n : 1;
      const usage = { prompt_tokens: BUDGET_UPSTREAM_PROMPT_TOKENS, completion_tokens: perChoice * choices, total_tokens: BUDGET_UPSTREAM_PROMPT_TOKENS + perChoice * choices };
      const base = { id: 'chatcmpl-budget', created: 1, model: String(body.model) };
      if (body.stream !== true) {
        response.writeHead(200, { 'content-type': 'application/json' });
        const message = { role: 'assistant', content: ' tok'.repeat(perChoice) };
        response.end(JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: Array.from({ length: choices }, (_unused, index) => ({ index, message, finish_reason: 'stop' })),
          usage,
        }));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const frames: string[] = [];
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
        frames.push(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`);
      for (let token = 0; token < perChoice; token += 1) {
        for (let index = 0; index < choices; index += 1) chunk([{ index, delta: { content: ' tok' }, finish_reason: null }]);
      }
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
      if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) chunk([], { usage });
      frames.push('data: [DONE]\n\n');
      response.end(frames.join(''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    bodies,
    behaviour,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
