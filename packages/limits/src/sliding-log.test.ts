import { SlidingLog } from './sliding-log.js';

describe('SlidingLog', () => {
  it('counts entries and weights inside the window, and drops those at or before the cutoff', () => {
    const log = new SlidingLog();
    log.add(1_000, 10);
    log.add(2_000, 20);
    log.add(3_000, 30);
    expect([log.size, log.total, log.newestMs]).toEqual([3, 60, 3_000]);
    log.evict(2_000);
    expect([log.size, log.total]).toEqual([1, 30]);
    log.evict(5_000);
    expect([log.size, log.total, log.newestMs]).toEqual([0, 0, null]);
  });

  it('keeps order and exact totals across growth and wrap-around of its ring', () => {
    const log = new SlidingLog();
    let expected = 0;
    const live: number[] = [];
    for (let index = 0; index < 1_000; index += 1) {
      log.add(index, index % 7);
      live.push(index);
      if (index % 3 === 0) log.evict(index - 150);
      while (live.length > 0 && live[0]! <= index - 150 && index % 3 === 0) live.shift();
    }
    expected = live.reduce((sum, at) => sum + (at % 7), 0);
    expect(log.size).toBe(live.length);
    expect(log.total).toBe(expected);
    expect(log.newestMs).toBe(999);
  });

  it('reweighs an entry by its sequence number, and refuses one that slid out', () => {
    const log = new SlidingLog();
    const first = log.add(1_000, 500);
    const second = log.add(2_000, 500);
    expect(log.reweigh(second, 120)).toBe(true);
    expect(log.total).toBe(620);
    log.evict(1_500);
    expect(log.reweigh(first, 1)).toBe(false);
    expect(log.total).toBe(120);
  });

  it('counts an entry stamped before the newest from the newest instant, so it never leaves early', () => {
    const log = new SlidingLog();
    log.add(2_000, 1);
    log.add(1_990, 1);
    log.evict(1_995);
    expect(log.size).toBe(2);
    expect(log.retryAt(1, 60_000)).toBe(62_000);
  });

  it('answers when enough weight will have slid out, or null when it never will', () => {
    const log = new SlidingLog();
    log.add(1_000, 5);
    log.add(2_000, 5);
    expect(log.retryAt(6, 60_000)).toBe(62_000);
    expect(log.retryAt(11, 60_000)).toBeNull();
  });
});
