import type { ReplyPlan } from '../plan/reply-plan.js';

type Item = Record<string, unknown> & { type: string; id: string };

/**
 * The SSE frames of a streamed Response (`event: <type>`, no `[DONE]`), built from the finished Response and the
 * plan's pieces: `response.created` and `response.in_progress` (no output yet), then per output item its `added`
 * event, its text deltas or argument fragments and their `done` events, its `done` event, and last
 * `response.completed` (or `response.incomplete`) with the whole Response and its usage.
 */
export function openAIResponsesFrames(plan: ReplyPlan, response: Record<string, unknown> & { output: Item[]; status: string }): string[] {
  const frames: string[] = [];
  const emit = (type: string, fields: Record<string, unknown>) => {
    frames.push(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: frames.length, ...fields })}\n\n`);
  };
  const pending = { ...response, status: 'in_progress', completed_at: null, output: [], usage: null };
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });
  let toolIndex = 0;
  response.output.forEach((item, outputIndex) => {
    const address = { item_id: item.id, output_index: outputIndex };
    if (item.type === 'message') {
      const part = (item.content as Record<string, unknown>[])[0] ?? {};
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
      emit('response.content_part.added', { ...address, content_index: 0, part: { ...part, text: '' } });
      for (const piece of plan.textPieces) emit('response.output_text.delta', { ...address, content_index: 0, delta: piece, logprobs: [] });
      emit('response.output_text.done', { ...address, content_index: 0, text: part.text, logprobs: [] });
      emit('response.content_part.done', { ...address, content_index: 0, part });
    } else if (item.type === 'function_call') {
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } });
      for (const fragment of plan.toolCalls[toolIndex]?.fragments ?? []) emit('response.function_call_arguments.delta', { ...address, delta: fragment });
      emit('response.function_call_arguments.done', { ...address, arguments: item.arguments, name: item.name });
      toolIndex += 1;
    } else {
      emit('response.output_item.added', { output_index: outputIndex, item });
    }
    emit('response.output_item.done', { output_index: outputIndex, item });
  });
  emit(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
  return frames;
}
