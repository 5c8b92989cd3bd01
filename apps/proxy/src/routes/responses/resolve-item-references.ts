import { NotFoundError, responsesInputItemSchema, type ParsedResponsesRequest, type ResponsesInputItem } from '@tollgate/core';
import type { ResponseReader, StoredResponseStore } from '@tollgate/ledger';

/**
 * The request's `input` with each `item_reference` replaced by the stored item it names (clients that store
 * responses send reasoning and messages back by reference). 404 naming `input`, as OpenAI answers, when the item is
 * missing or another tenant's.
 */
export async function resolveItemReferences(options: {
  input: ParsedResponsesRequest['input'];
  store: StoredResponseStore;
  reader: ResponseReader;
}): Promise<ParsedResponsesRequest['input']> {
  const { input } = options;
  if (!Array.isArray(input) || !input.some((item) => item.type === 'item_reference')) return input;
  const resolved: ResponsesInputItem[] = [];
  for (const item of input) {
    if (item.type !== 'item_reference') {
      resolved.push(item);
      continue;
    }
    const stored = await options.store.findItem(item.id, options.reader);
    const parsed = stored === undefined ? undefined : responsesInputItemSchema.safeParse(stored);
    if (!parsed?.success) throw new NotFoundError(`Item with id '${item.id}' not found.`, { type: 'invalid_request_error', param: 'input', code: null });
    resolved.push(parsed.data);
  }
  return resolved;
}
