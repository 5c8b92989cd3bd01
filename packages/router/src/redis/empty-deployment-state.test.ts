import { createFailFastRedis } from '@tollgate/redis-kit';
import { EMPTY_DEPLOYMENT_STATE, InMemoryRouterStateStore } from '../index.js';
import { RedisRouterStateStore } from './index.js';

describe('the state of a deployment nothing is known about', () => {
  it('is the router\'s one empty state, whichever store answers (in memory, or Redis when it cannot be reached)', async () => {
    const redis = createFailFastRedis('redis://127.0.0.1:1', { commandTimeoutMs: 100, connectTimeoutMs: 100 });
    redis.on('error', () => undefined);
    const redisStore = new RedisRouterStateStore({ redis, commandTimeoutMs: 100, logger: { warn: () => undefined } });
    try {
      const fromRedis = await redisStore.getStates(['a'], { nowMs: 0 });
      const fromMemory = await new InMemoryRouterStateStore().getStates(['a'], { nowMs: 0 });
      expect(fromRedis.get('a')).toBe(EMPTY_DEPLOYMENT_STATE);
      expect(fromMemory.get('a')).toBe(EMPTY_DEPLOYMENT_STATE);
      expect(Object.isFrozen(EMPTY_DEPLOYMENT_STATE) && Object.isFrozen(EMPTY_DEPLOYMENT_STATE.responseLatencies)).toBe(true);
    } finally {
      await redisStore.close();
      redis.disconnect();
    }
  });
});
