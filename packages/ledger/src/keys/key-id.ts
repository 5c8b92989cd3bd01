import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const randomBytesAsync = promisify(randomBytes);

/**
 * A new stable key id: 32 hex characters from 16 random bytes (the same form migration 0006 gives existing keys).
 * Never a function of the key or its hash, so it can be shown and logged freely.
 */
export async function generateKeyId(): Promise<string> {
  return (await randomBytesAsync(16)).toString('hex');
}
