import type { IdSource } from '../http/id-source.js';
import type { PlannedToolCall, ReplyPlan } from '../plan/reply-plan.js';
import { GEMINI_FINISH_REASONS, geminiThoughtSignature, geminiUsageMetadata } from './gemini-usage.js';

type Part = Record<string, unknown>;

/** A non-streamed `generateContent` reply: one thought part, one text part, one part per function call. */
export function geminiGenerateBody(plan: ReplyPlan, ids: IdSource): string {
  const parts: Part[] = [];
  if (plan.reasoningPieces.length > 0) parts.push({ text: plan.reasoningPieces.join(''), thought: true });
  if (plan.textPieces.length > 0 || plan.toolCalls.length === 0) parts.push({ text: plan.textPieces.join('') });
  plan.toolCalls.forEach((call, index) => parts.push(functionCallPart(call, index)));
  return JSON.stringify(response(plan, { parts, final: true, id: ids.next('', 23), usage: geminiUsageMetadata(plan.usage) }));
}

/**
 * The responses of a `streamGenerateContent` call, one part each (a thought or text token, or a whole function
 * call: Gemini never splits arguments). Usage is cumulative on every response; the last carries `finishReason`.
 */
export function geminiStreamResponses(plan: ReplyPlan, ids: IdSource): Record<string, unknown>[] {
  const parts: Part[] = [];
  for (const piece of plan.reasoningPieces) parts.push({ text: piece, thought: true });
  for (const piece of plan.textPieces) parts.push({ text: piece });
  plan.toolCalls.forEach((call, index) => parts.push(functionCallPart(call, index)));
  if (parts.length === 0) parts.push({ text: '' });
  const id = ids.next('', 23);
  let thoughts = 0;
  let candidates = 0;
  return parts.map((part, index) => {
    const final = index === parts.length - 1;
    if (part.thought === true) thoughts += 1;
    else candidates += 1;
    const usage = final ? geminiUsageMetadata(plan.usage) : geminiUsageMetadata(plan.usage, { candidates, thoughts });
    return response(plan, { parts: [part], final, id, usage });
  });
}

function functionCallPart(call: PlannedToolCall, index: number): Part {
  const part: Part = { functionCall: { name: call.name, args: call.input } };
  if (index === 0) part.thoughtSignature = geminiThoughtSignature(call.name);
  return part;
}

function response(plan: ReplyPlan, options: { parts: Part[]; final: boolean; id: string; usage: Record<string, unknown> }): Record<string, unknown> {
  const candidate: Record<string, unknown> = { content: { parts: options.parts, role: 'model' } };
  if (options.final) candidate.finishReason = GEMINI_FINISH_REASONS[plan.finish];
  candidate.index = 0;
  if (options.final && plan.finish === 'tool_calls') candidate.finishMessage = 'Model generated function call(s).';
  return { candidates: [candidate], usageMetadata: options.usage, modelVersion: plan.model, responseId: options.id };
}
