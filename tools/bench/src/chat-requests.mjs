// The two workloads (non-streaming and streaming chat) and the shape check every target must pass before load.

const FILLER = 'You are a careful assistant. Answer briefly and cite the relevant facts. ';

/** Request body per workload: the same prompt, model `gpt-4o-mini`, streaming with a usage chunk. */
export function chatRequestBodies({ promptChars }) {
  const userText = ('Summarize the benefits of an LLM gateway for a platform team. ' + FILLER.repeat(20)).slice(0, promptChars);
  const body = (stream) =>
    JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: userText },
      ],
      max_tokens: 64,
      temperature: 0.2,
      ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    });
  return { chat: body(false), stream: body(true) };
}

/** Null when the response has the right shape for the workload, else what is wrong. */
export function checkChatResponse(workload, response) {
  if (response.status !== 200) return `HTTP ${response.status}: ${response.body.slice(0, 200)}`;
  if (workload === 'chat') {
    let parsed;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      return 'body is not JSON';
    }
    if (typeof parsed?.choices?.[0]?.message?.content !== 'string') return 'no choices[0].message.content';
    if (typeof parsed?.usage?.total_tokens !== 'number') return 'no usage.total_tokens';
    return null;
  }
  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.includes('text/event-stream')) return `content-type ${contentType}`;
  const data = response.body
    .split(/\r?\n\r?\n/)
    .map((frame) => frame.trim())
    .filter((frame) => frame.startsWith('data:'))
    .map((frame) => frame.slice(5).trim());
  if (data.at(-1) !== '[DONE]') return 'stream does not end with data: [DONE]';
  let sawUsage = false;
  let content = '';
  for (const frame of data.slice(0, -1)) {
    let chunk;
    try {
      chunk = JSON.parse(frame);
    } catch {
      return `non-JSON SSE frame: ${frame.slice(0, 80)}`;
    }
    if (chunk.usage) sawUsage = true;
    content += chunk.choices?.[0]?.delta?.content ?? '';
  }
  if (!sawUsage) return 'no usage chunk although stream_options.include_usage was sent';
  if (!content) return 'no delta content';
  return null;
}
