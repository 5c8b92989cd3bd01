import { BadRequestError, chatMessageSchema, describeZodIssue, type ChatMessage } from '@tollgate/core';
import { z } from 'zod';

/** What a run starts from: a user's question, or a whole conversation (e.g. a previous result's `messages`). */
export type AgentInput = string | readonly ChatMessage[];

const messagesSchema = z.array(chatMessageSchema).min(1);

/** The input as messages; a string becomes one user message. Throws `BadRequestError` naming a malformed message. */
export function inputMessages(input: AgentInput): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const parsed = messagesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new BadRequestError(`Invalid agent input: ${parsed.error.issues.map((issue) => describeZodIssue(issue, ['input']).message).join('; ')}`, {
    param: 'input',
  });
}
