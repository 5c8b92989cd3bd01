import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercentFrom } from './heap-policy.js';

describe('heapGrowingPercentFrom', () => {
  it('applies the default when nothing is set', () => {
    expect(heapGrowingPercentFrom({}, [])).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(heapGrowingPercentFrom({ TOLLGATE_HEAP_GROWING_PERCENT: ' ' }, [])).toBe(DEFAULT_HEAP_GROWING_PERCENT);
  });

  it('takes an integer from the environment, and 0 as "keep V8\'s policy"', () => {
    expect(heapGrowingPercentFrom({ TOLLGATE_HEAP_GROWING_PERCENT: '60' }, [])).toBe(60);
    expect(heapGrowingPercentFrom({ TOLLGATE_HEAP_GROWING_PERCENT: '0' }, [])).toBeUndefined();
  });

  it('leaves the flag alone when node was started with it', () => {
    expect(heapGrowingPercentFrom({ TOLLGATE_HEAP_GROWING_PERCENT: '60' }, ['--heap-growing-percent=80'])).toBeUndefined();
    expect(heapGrowingPercentFrom({}, ['--heap-growing-percent', '80'])).toBeUndefined();
  });

  it.each(['-5', '2.5', 'fast', '401'])('refuses %s with the variable named', (raw) => {
    expect(() => heapGrowingPercentFrom({ TOLLGATE_HEAP_GROWING_PERCENT: raw }, [])).toThrow(/TOLLGATE_HEAP_GROWING_PERCENT must be an integer from 0 to 400/);
  });
});
