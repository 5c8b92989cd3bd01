import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { routerStateKeys } from '../router-state-keys.js';

/** A key prefix no other test uses. */
export function uniqueRouterStatePrefix(): string {
  return `test-router-state-${randomUUID()}`;
}

/** Every router-state key under the prefix (to clean up, and to check their lifetimes). */
export async function routerStateKeysUnder(redis: Redis, keyPrefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', routerStateKeys(keyPrefix).pattern, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

export async function deleteRouterStateKeys(redis: Redis, keyPrefix: string): Promise<void> {
  const keys = await routerStateKeysUnder(redis, keyPrefix);
  if (keys.length > 0) await redis.del(...keys);
}
