import { z } from 'zod';
import { responsesInputItemSchema, type ResponsesInputItem } from '@tollgate/core';
import type { ResponseReader, StoredResponseStore } from '@tollgate/ledger';
import { responseNotFound } from './response-reader-of.js';

const itemsSchema = z.array(responsesInputItemSchema);
const outputSchema = z.looseObject({ output: itemsSchema });

/**
 * The items of the conversation that `previousResponseId` ends (each stored turn's input, then its output), oldest
 * first, as `previous_response_id` continues it. 404 (as OpenAI answers) when it, or a response it continued, is
 * missing or another tenant's.
 */
export async function conversationHistory(options: { store: StoredResponseStore; reader: ResponseReader; previousResponseId: string }): Promise<ResponsesInputItem[]> {
  const chain = await options.store.chain(options.previousResponseId, options.reader);
  if (chain === undefined) throw responseNotFound(options.previousResponseId, 'previous_response_id');
  return chain.flatMap((record) => [...itemsSchema.parse(record.inputItems), ...outputSchema.parse(record.response).output]);
}
