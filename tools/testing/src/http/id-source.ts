import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Provider-looking ids (`chatcmpl-…`, `call_…`, `msg_01…`, `toolu_01…`) that are unique per server without a
 * random draw per request: a random seed drawn once, ending in a counter.
 */
export class IdSource {
  readonly #seed: string;
  #counter = 0;

  constructor() {
    this.#seed = Array.from(randomBytes(32), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  }

  /** `prefix` followed by `length` characters. */
  next(prefix: string, length: number): string {
    this.#counter += 1;
    const count = this.#counter.toString(36);
    return prefix + this.#seed.slice(0, Math.max(0, length - count.length)) + count;
  }
}
