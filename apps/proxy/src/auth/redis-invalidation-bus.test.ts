import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { InvalidationMessage } from './auth-directory.js';
import { RedisInvalidationBus } from './redis-invalidation-bus.js';

const redisUrl = process.env['REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('RedisInvalidationBus tests skipped: set REDIS_URL to run them');

describeWithRedis('RedisInvalidationBus', () => {
  it('carries every kind of invalidation to another replica and reports a malformed message as an error', async () => {
    const channel = `test-invalidation-${randomUUID()}`;
    const publisher = new Redis(redisUrl!);
    const subscriber = new Redis(redisUrl!);
    const received: InvalidationMessage[] = [];
    const errors: unknown[] = [];
    const bus = await RedisInvalidationBus.connect({ publisher, subscriber, channel, onMessage: (message) => received.push(message), onError: (error) => errors.push(error) });
    try {
      const sent: InvalidationMessage[] = [
        { kind: 'key', tokenHash: 'a'.repeat(64) },
        { kind: 'all-keys' },
        { kind: 'customer', endUserId: 'acme' },
        { kind: 'all-customers' },
      ];
      for (const message of sent) bus.publish(message);
      await publisher.publish(channel, JSON.stringify({ kind: 'everything' }));
      for (let attempt = 0; attempt < 100 && received.length + errors.length < 5; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(received).toEqual(sent);
      expect(errors).toHaveLength(1);
    } finally {
      await bus.close();
      publisher.disconnect();
    }
  });
});
