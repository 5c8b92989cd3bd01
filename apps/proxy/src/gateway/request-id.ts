import { randomFillSync } from 'node:crypto';

const IDS_PER_REFILL = 256;
const RANDOM_BYTES_PER_ID = 10;
const pool = Buffer.allocUnsafe(IDS_PER_REFILL * RANDOM_BYTES_PER_ID);
let poolOffset = pool.length;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A new call id: a UUIDv7 (RFC 9562), the millisecond clock followed by 74 random bits. Ids made later sort later, so
 * every index keyed by request id (spend logs in SQLite and PostgreSQL) grows at its right edge instead of taking
 * random page splits: inserting a spend-log row costs a fraction of what a random UUIDv4 key costs. Random bytes are
 * drawn in blocks (as `randomUUID` does), not per id.
 */
export function newRequestId(nowMs: number = Date.now()): string {
  if (poolOffset + RANDOM_BYTES_PER_ID > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const random = poolOffset;
  poolOffset += RANDOM_BYTES_PER_ID;
  const time = Math.max(0, Math.floor(nowMs)).toString(16).padStart(12, '0').slice(-12);
  const version = HEX[0x70 | (pool[random]! & 0x0f)]!;
  const variant = HEX[0x80 | (pool[random + 2]! & 0x3f)]!;
  let tail = '';
  for (let index = random + 4; index < random + RANDOM_BYTES_PER_ID; index += 1) tail += HEX[pool[index]!]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}${HEX[pool[random + 1]!]!}-${variant}${HEX[pool[random + 3]!]!}-${tail}`;
}
