import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { InvalidationMessage } from './auth-directory.js';

const messageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), tokenHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ kind: z.literal('all-keys') }),
  z.object({ kind: z.literal('customer'), endUserId: z.string().min(1) }),
  z.object({ kind: z.literal('all-customers') }),
]);

/**
 * Key, user, team and customer changes reach every replica's auth cache through Redis pub/sub (within
 * milliseconds); the cache TTL stays as the safety net for a missed message.
 */
export class RedisInvalidationBus {
  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {}

  static async connect(options: {
    publisher: Redis;
    subscriber: Redis;
    channel: string;
    onMessage: (message: InvalidationMessage) => void;
    onError: (error: unknown) => void;
  }): Promise<RedisInvalidationBus> {
    await options.subscriber.subscribe(options.channel);
    options.subscriber.on('message', (channel: string, payload: string) => {
      if (channel !== options.channel) return;
      try {
        options.onMessage(messageSchema.parse(JSON.parse(payload)));
      } catch (error) {
        options.onError(error);
      }
    });
    return new RedisInvalidationBus(options.publisher, options.subscriber, options.channel);
  }

  publish(message: InvalidationMessage): void {
    this.publisher.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => undefined);
  }
}
