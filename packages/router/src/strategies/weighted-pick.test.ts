import { createSeededRandom } from '../runtime/seeded-random.js';
import { pickLowest, weightedPick } from './weighted-pick.js';

describe('weightedPick', () => {
  it('maps the random number onto cumulative weights', () => {
    const items = ['a', 'b', 'c'];
    const weights: Record<string, number> = { a: 1, b: 0, c: 3 };
    expect(weightedPick(items, (item) => weights[item] ?? 0, () => 0)).toBe('a');
    expect(weightedPick(items, (item) => weights[item] ?? 0, () => 0.24)).toBe('a');
    expect(weightedPick(items, (item) => weights[item] ?? 0, () => 0.25)).toBe('c');
    expect(weightedPick(items, (item) => weights[item] ?? 0, () => 0.999999)).toBe('c');
  });

  it('never picks a zero weight, and is uniform when all weights are zero', () => {
    const random = createSeededRandom(1);
    const picks = new Set<string>();
    for (let index = 0; index < 200; index += 1) picks.add(weightedPick(['a', 'b'], () => 0, random));
    expect(picks).toEqual(new Set(['a', 'b']));
    for (let index = 0; index < 200; index += 1) expect(weightedPick(['a', 'b'], (item) => (item === 'a' ? 0 : 1), random)).toBe('b');
  });
});

describe('pickLowest', () => {
  it('picks among the items with the lowest score', () => {
    const random = createSeededRandom(2);
    const picks = new Set<string>();
    for (let index = 0; index < 100; index += 1) {
      picks.add(pickLowest(['a', 'b', 'c'], (item) => (item === 'c' ? 5 : 1), random));
    }
    expect(picks).toEqual(new Set(['a', 'b']));
  });
});
