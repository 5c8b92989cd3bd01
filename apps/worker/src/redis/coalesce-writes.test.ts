import { integrationServices, TestResources, uniqueName } from '../testing-internal/test-services.js';
import { coalesceWritesUntilNextTurn } from './coalesce-writes.js';

const services = integrationServices('coalesce writes');
const describeIf = services ? describe : describe.skip;

describeIf('coalesceWritesUntilNextTurn against Redis', () => {
  const resources = new TestResources(services!);
  afterAll(() => resources.cleanup());

  it('sends the commands of this turn in one write, in order, and releases the socket on the next turn', async () => {
    const redis = resources.redis();
    await redis.ping();
    const key = uniqueName('coalesce');
    const writes = jest.spyOn(redis.stream, 'write');
    const writev = jest.spyOn(redis.stream as unknown as { _writev: (...args: unknown[]) => void }, '_writev');

    coalesceWritesUntilNextTurn(redis);
    const replies = Promise.all([...Array.from({ length: 200 }, () => redis.rpush(key, 'x')), redis.lrange(key, 0, -1), redis.del(key)]);
    expect(redis.stream.writableCorked).toBe(1);
    const results = await replies;

    expect(results.slice(0, 200)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(results[200]).toHaveLength(200);
    expect(writes).toHaveBeenCalledTimes(202);
    expect(writev).toHaveBeenCalledTimes(1);
    expect(redis.stream.writableCorked).toBe(0);
    writes.mockRestore();
    writev.mockRestore();
  });

  it('does nothing on a connection that has no socket (closed)', async () => {
    const redis = resources.redis();
    await redis.quit();
    expect(() => coalesceWritesUntilNextTurn(redis)).not.toThrow();
  });
});
