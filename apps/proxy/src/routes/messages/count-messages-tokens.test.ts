// How close the count is to Anthropic's own, on Anthropic's recorded requests (shared/fixtures, read in place).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMessagesCountTokensRequest } from '@tollgate/core';
import { countMessagesTokens } from './count-messages-tokens.js';

const ROOT = [resolve(__dirname, '../../../../../../shared/fixtures/providers/anthropic'), '/work/shared/fixtures/providers/anthropic'].find((path) => existsSync(path));

/** Anthropic's input count for a recording: count_tokens' answer, or a reply's usage with its cache counts. */
function anthropicCount(directory: string): number {
  if (existsSync(join(directory, 'response.json'))) {
    const body = JSON.parse(readFileSync(join(directory, 'response.json'), 'utf8'));
    return body.input_tokens ?? body.usage.input_tokens + (body.usage.cache_read_input_tokens ?? 0) + (body.usage.cache_creation_input_tokens ?? 0);
  }
  return Number(/"input_tokens":(\d+)/.exec(readFileSync(join(directory, 'response.sse'), 'utf8'))![1]);
}

const cases = (ROOT ? readdirSync(ROOT) : []).filter((name) => !name.startsWith('error-')).sort();

it('finds the recordings', () => {
  expect(cases.length).toBeGreaterThanOrEqual(8);
});

describe.each(cases)('%s', (name) => {
  it('is within 12% (or 5 tokens) of what Anthropic counted, unless thinking is adaptive', () => {
    const body = JSON.parse(readFileSync(join(ROOT!, name, 'request.json'), 'utf8')).body;
    const request = parseMessagesCountTokensRequest(body);
    const ours = countMessagesTokens(request, { model: 'anthropic/claude-sonnet-4-5', claude: true });
    const theirs = anthropicCount(join(ROOT!, name));
    if (request.thinking?.type === 'adaptive') {
      // Adaptive thinking adds a prompt of its own that Anthropic does not document: the count is a floor.
      expect(ours).toBeLessThan(theirs);
      return;
    }
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(Math.max(5, theirs * 0.12));
  });
});

it('adds Claude’s tool prompt only for Claude, smaller when a tool is forced', () => {
  const request = parseMessagesCountTokensRequest({
    model: 'm',
    messages: [{ role: 'user', content: 'hi' }],
    tools: [{ name: 'f', input_schema: { type: 'object' } }],
  });
  const plain = countMessagesTokens(request, { model: 'gpt-4o', claude: false });
  expect(countMessagesTokens(request, { model: 'gpt-4o', claude: true })).toBe(plain + 346);
  expect(countMessagesTokens({ ...request, tool_choice: { type: 'any' } }, { model: 'gpt-4o', claude: true })).toBe(plain + 313);
});
