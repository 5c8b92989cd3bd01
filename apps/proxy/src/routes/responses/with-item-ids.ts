import { randomResponseId, type NewResponseId } from '@tollgate/providers';
import type { ResponsesInputItem } from '@tollgate/core';

const prefixOf = (item: ResponsesInputItem): Parameters<NewResponseId>[0] =>
  item.type === 'reasoning' ? 'rs' : item.type === 'function_call' || item.type === 'function_call_output' ? 'fc' : 'msg';

/** Input items as stored and listed (`GET /v1/responses/{id}/input_items`): each with an id, as OpenAI lists them. */
export function withItemIds(items: readonly ResponsesInputItem[]): ResponsesInputItem[] {
  return items.map((item): ResponsesInputItem => {
    if (item.id) return item;
    const id = randomResponseId(prefixOf(item));
    return item.type === undefined ? { ...item, type: 'message', id } : { ...item, id };
  });
}
