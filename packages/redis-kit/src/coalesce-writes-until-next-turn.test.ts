import { randomUUID } from 'node:crypto';
import { createFailFastRedis } from './create-fail-fast-redis.js';
import { coalesceWritesUntilNextTurn } from './coalesce-writes-until-next-turn.js';

const REDIS_URL = process.env.REDIS_URL;
const describeWithRedis = REDIS_URL ? describe : describe.skip;
if (!REDIS_URL) console.warn('redis: REDIS_URL is not set, so the write-coalescing tests are skipped');

describeWithRedis('coalesceWritesUntilNextTurn', () => {
  it('sends the commands of one turn of the event loop in one write, in order, and lets go on the next turn', async () => {
    const redis = createFailFastRedis(REDIS_URL!);
    const key = `test-coalesce-writes-${randomUUID()}`;
    try {
      await redis.ping();
      const write = jest.spyOn(redis.stream, 'write');
      const writev = jest.spyOn(redis.stream as unknown as { _writev: (...args: unknown[]) => void }, '_writev');

      coalesceWritesUntilNextTurn(redis);
      coalesceWritesUntilNextTurn(redis);
      const replies = Promise.all([...Array.from({ length: 50 }, () => redis.rpush(key, 'x')), redis.llen(key)]);
      expect(redis.stream.writableCorked).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(redis.stream.writableCorked).toBe(0);

      expect(await replies).toEqual([...Array.from({ length: 50 }, (_unused, index) => index + 1), 50]);
      expect(write).toHaveBeenCalledTimes(51);
      expect(writev).toHaveBeenCalledTimes(1);
    } finally {
      await redis.del(key);
      await redis.quit();
    }
  });

  it('does nothing on a connection without a socket', () => {
    const redis = createFailFastRedis('redis://127.0.0.1:1');
    expect(() => coalesceWritesUntilNextTurn(redis)).not.toThrow();
    redis.disconnect();
  });
});
