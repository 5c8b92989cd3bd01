import { routerStateKeys } from './router-state-keys.js';

describe('routerStateKeys', () => {
  it('puts every key under one hash tag and keeps deployment ids from colliding', () => {
    const keys = routerStateKeys('limits');
    expect(keys.cooldown('a:b')).toBe('{tg:limits}:router:a%3Ab:cooldown');
    expect(keys.minute('a', 28_000_000)).toBe('{tg:limits}:router:a:minute:28000000');
    expect(keys.latencies('a', 'first-chunk')).toBe('{tg:limits}:router:a:latency:first-chunk');
    expect(keys.pattern).toBe('{tg:limits}:router:*');
  });

  it('refuses a prefix that would break the hash tag', () => {
    expect(() => routerStateKeys('a}b')).toThrow(RangeError);
    expect(() => routerStateKeys('')).toThrow(RangeError);
  });
});
