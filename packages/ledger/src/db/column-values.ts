import type { z } from 'zod';

/**
 * Converters between stored column values and TypeScript values. Drivers disagree on integer types (better-sqlite3
 * gives bigint with safe integers on, pg gives bigint for int8 but a string for numeric such as SUM), so every read
 * goes through these.
 */

/** A stored integer as bigint (accepts bigint, integral number, or integer string). */
export function readBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (value === null || value === undefined) return 0n;
  throw new TypeError(`Expected an integer column value, got ${typeof value}`);
}

/** A nullable stored integer as bigint or null. */
export function readNullableBigInt(value: unknown): bigint | null {
  return value === null || value === undefined ? null : readBigInt(value);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** A stored integer as a number; throws if it is beyond Number.MAX_SAFE_INTEGER (counts never are). */
export function readInt(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  const result = readBigInt(value);
  if (result > MAX_SAFE || result < MIN_SAFE) throw new RangeError(`Integer column value ${result} is beyond the safe number range`);
  return Number(result);
}

/** A nullable stored integer as a number or null. */
export function readNullableInt(value: unknown): number | null {
  return value === null || value === undefined ? null : readInt(value);
}

/** A stored epoch-milliseconds column as a Date, or null. */
export function readNullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(readInt(value));
}

/** A stored epoch-milliseconds column as a Date. */
export function readDate(value: unknown): Date {
  return new Date(readInt(value));
}

/** A stored 0/1 as a boolean. */
export function readBoolean(value: unknown): boolean {
  return readBigInt(value) !== 0n;
}

/** A boolean as stored 0/1 (better-sqlite3 cannot bind booleans). */
export function writeBoolean(value: boolean): number {
  return value ? 1 : 0;
}

/** Parses a JSON text column with a zod schema; a corrupt value throws rather than being guessed at. */
export function readJson<T>(text: string, schema: z.ZodType<T>, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`Column ${column} does not hold valid JSON`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new TypeError(`Column ${column} holds unexpected JSON: ${parsed.error.message}`);
  return parsed.data;
}

/** Serializes a value for a JSON text column (bigints become decimal strings). */
export function writeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}
