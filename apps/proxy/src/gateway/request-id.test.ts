import { newRequestId } from './request-id.js';

describe('newRequestId', () => {
  it('is a version-7, RFC 9562 variant UUID', () => {
    for (let index = 0; index < 1_000; index += 1) {
      expect(newRequestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('starts with the millisecond clock, so later ids sort after earlier ones', () => {
    const at = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    expect(newRequestId(at).replace('-', '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
    const ids = [at, at + 1, at + 1_000, at + 86_400_000].map((ms) => newRequestId(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats, across refills of its random pool', () => {
    const ids = Array.from({ length: 20_000 }, () => newRequestId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
