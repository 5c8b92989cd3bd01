import { BadRequestError } from '@tollgate/core';

/** How deep a request body may nest: far beyond any real OpenAI request, far below what breaks serialisation. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a parsed JSON body that nests deeper than `maxDepth` (objects and arrays; the body itself is depth 1)
 * with an OpenAI-shaped 400. Walks without recursion, so the check itself can never overflow the stack, and stops
 * at the first level too deep. A body that passes can be serialised again for the upstream.
 */
export function checkJsonDepth(value: unknown, maxDepth: number = MAX_JSON_DEPTH): void {
  if (typeof value !== 'object' || value === null) return;
  const pending: { node: object; depth: number }[] = [{ node: value, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > maxDepth) {
      throw new BadRequestError(`Request body nests deeper than ${maxDepth} levels`, { code: 'json_too_deep' });
    }
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push({ node: child, depth: depth + 1 });
    }
  }
}
