import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { BadRequestError } from '@tollgate/core';

const randomBytesAsync = promisify(randomBytes);

/** Prefix of every virtual key (LiteLLM refuses user-supplied keys without it). */
export const API_KEY_PREFIX = 'sk-';

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * A new virtual key: `sk-` + 22 URL-safe characters from 16 random bytes (LiteLLM's `secrets.token_urlsafe(16)`).
 * Async so that the entropy read never blocks the event loop.
 */
export async function generateApiKey(): Promise<string> {
  return `${API_KEY_PREFIX}${(await randomBytesAsync(16)).toString('base64url')}`;
}

/**
 * The stored form of a key: unsalted SHA-256, hex (LiteLLM's `hash_token`, so a LiteLLM database's hashes match).
 * Synchronous on purpose: hashing ~30 bytes takes about a microsecond, far less than a thread-pool hop would; the
 * hot-path rule against sync crypto is about slow primitives (scrypt, pbkdf2, big payloads).
 */
export function hashApiKey(rawKey: string): string {
  return createHash('sha256').update(rawKey, 'utf8').digest('hex');
}

/** Whether a string looks like a stored key hash rather than a raw key. */
export function isApiKeyHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/** Management endpoints accept a raw key or its hash (LiteLLM does too); this returns the hash either way. */
export function toKeyHash(rawKeyOrHash: string): string {
  return isApiKeyHash(rawKeyOrHash) ? rawKeyOrHash : hashApiKey(rawKeyOrHash);
}

/** The display name stored beside the hash: `sk-...` + the last four characters. */
export function keyNameOf(rawKey: string): string {
  return `${API_KEY_PREFIX}...${rawKey.slice(-4)}`;
}

/** Refuses a caller-chosen key that does not start with `sk-` or is too short to be secret. */
export function checkRawApiKey(rawKey: string, param = 'key'): void {
  if (!rawKey.startsWith(API_KEY_PREFIX)) {
    throw new BadRequestError(`Invalid key format. LiteLLM Virtual Key must start with '${API_KEY_PREFIX}'. Received: ${keyNameOf(rawKey)}`, {
      param,
    });
  }
  if (rawKey.length < API_KEY_PREFIX.length + 8) throw new BadRequestError('Key is too short: use at least 8 characters after sk-', { param });
}
