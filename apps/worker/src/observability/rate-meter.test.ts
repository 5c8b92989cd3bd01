import { RateMeter } from './rate-meter.js';

describe('RateMeter', () => {
  it('averages complete seconds over the window and forgets older ones', () => {
    let now = 1_000_000;
    const meter = new RateMeter({ windowMs: 10_000, now: () => now });
    meter.record(50);
    expect(meter.perSecond()).toBe(0); // the current second is not complete yet
    now += 1_000;
    meter.record(30);
    expect(meter.perSecond()).toBe(5); // 50 events over a 10 s window
    now += 1_000;
    expect(meter.perSecond()).toBe(8); // (50 + 30) / 10
    now += 9_000;
    expect(meter.perSecond()).toBe(3); // the 50 have left the window
    now += 1_000;
    expect(meter.perSecond()).toBe(0);
  });
});
