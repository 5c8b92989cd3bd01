import fc from 'fast-check';
import { budgetWindowAt, nextBudgetResetAt } from './budget-window.js';

const iso = (date: Date): string => date.toISOString();
const windowOf = (duration: string, at: string, timezone = 'UTC') => {
  const window = budgetWindowAt({ duration, at: new Date(at), timezone });
  return [iso(window.start), iso(window.end)];
};

describe('nextBudgetResetAt in UTC (LiteLLM calendar rules)', () => {
  const from = new Date('2023-05-15T10:30:00Z'); // a Monday
  it.each([
    ['1d', '2023-05-16T00:00:00.000Z'],
    ['24h', '2023-05-16T00:00:00.000Z'],
    ['7d', '2023-05-22T00:00:00.000Z'],
    ['1w', '2023-05-22T00:00:00.000Z'],
    ['30d', '2023-06-01T00:00:00.000Z'],
    ['1mo', '2023-06-01T00:00:00.000Z'],
    ['3mo', '2023-07-01T00:00:00.000Z'],
    ['12mo', '2024-01-01T00:00:00.000Z'],
    ['1h', '2023-05-15T11:00:00.000Z'],
    ['6h', '2023-05-15T12:00:00.000Z'],
    ['30m', '2023-05-15T11:00:00.000Z'],
    ['15m', '2023-05-15T10:45:00.000Z'],
    ['30s', '2023-05-15T10:30:30.000Z'],
  ])('%s → %s', (duration, expected) => {
    expect(iso(nextBudgetResetAt({ duration, from }))).toBe(expected);
  });

  it('is strictly after `from`, even on a boundary', () => {
    expect(iso(nextBudgetResetAt({ duration: '1d', from: new Date('2023-05-16T00:00:00Z') }))).toBe('2023-05-17T00:00:00.000Z');
    expect(iso(nextBudgetResetAt({ duration: '30m', from: new Date('2023-05-15T10:30:00Z') }))).toBe('2023-05-15T11:00:00.000Z');
  });

  it('resets weekly on Monday from any weekday, and monthly across a year end', () => {
    expect(iso(nextBudgetResetAt({ duration: '7d', from: new Date('2023-05-14T23:59:59Z') }))).toBe('2023-05-15T00:00:00.000Z');
    expect(iso(nextBudgetResetAt({ duration: '30d', from: new Date('2023-12-31T23:00:00Z') }))).toBe('2024-01-01T00:00:00.000Z');
  });

  it('accepts epoch milliseconds', () => {
    expect(iso(nextBudgetResetAt({ duration: '1d', from: Date.UTC(2024, 1, 29, 12) }))).toBe('2024-03-01T00:00:00.000Z');
  });
});

describe('budgetWindowAt in other time zones', () => {
  it('aligns to local midnight and half-hour offsets (Asia/Kolkata, +05:30)', () => {
    expect(windowOf('1d', '2023-05-15T10:30:00Z', 'Asia/Kolkata')).toEqual(['2023-05-14T18:30:00.000Z', '2023-05-15T18:30:00.000Z']);
    expect(windowOf('1h', '2023-05-15T10:10:00Z', 'Asia/Kolkata')).toEqual(['2023-05-15T09:30:00.000Z', '2023-05-15T10:30:00.000Z']);
  });

  it('keeps a 23-hour day when clocks go forward (America/New_York, 2024-03-10)', () => {
    expect(windowOf('1d', '2024-03-10T12:00:00Z', 'America/New_York')).toEqual(['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z']);
  });

  it('keeps a 25-hour day when clocks go back (America/New_York, 2024-11-03)', () => {
    expect(windowOf('1d', '2024-11-03T12:00:00Z', 'America/New_York')).toEqual(['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z']);
  });

  it('splits the repeated hour into two windows when clocks go back', () => {
    // 01:40 EDT, then 01:10 EST: each is its own wall-clock hour.
    expect(windowOf('1h', '2024-11-03T05:40:00Z', 'America/New_York')).toEqual(['2024-11-03T05:00:00.000Z', '2024-11-03T06:00:00.000Z']);
    expect(windowOf('1h', '2024-11-03T06:10:00Z', 'America/New_York')).toEqual(['2024-11-03T06:00:00.000Z', '2024-11-03T07:00:00.000Z']);
    expect(windowOf('30m', '2024-11-03T06:10:00Z', 'America/New_York')).toEqual(['2024-11-03T06:00:00.000Z', '2024-11-03T06:30:00.000Z']);
  });

  it('moves boundaries inside the skipped hour onto the moment clocks jump', () => {
    // 01:30 EST; the 02:00 boundary does not exist, the next one is 03:00 EDT = 07:00Z.
    expect(windowOf('1h', '2024-03-10T06:30:00Z', 'America/New_York')).toEqual(['2024-03-10T06:00:00.000Z', '2024-03-10T07:00:00.000Z']);
    expect(windowOf('1h', '2024-03-10T07:00:00Z', 'America/New_York')).toEqual(['2024-03-10T07:00:00.000Z', '2024-03-10T08:00:00.000Z']);
    expect(windowOf('45m', '2024-03-10T06:50:00Z', 'America/New_York')).toEqual(['2024-03-10T06:30:00.000Z', '2024-03-10T07:00:00.000Z']);
  });

  it('starts the day when clocks jump over midnight (America/Santiago, 2023-09-03)', () => {
    expect(windowOf('1d', '2023-09-03T12:00:00Z', 'America/Santiago')).toEqual(['2023-09-03T04:00:00.000Z', '2023-09-04T03:00:00.000Z']);
  });

  it('resets monthly on the local 1st across a clock change', () => {
    expect(windowOf('30d', '2024-03-15T12:00:00Z', 'America/New_York')).toEqual(['2024-03-01T05:00:00.000Z', '2024-04-01T04:00:00.000Z']);
    expect(windowOf('1mo', '2024-03-31T23:00:00Z', 'Europe/Berlin')).toEqual(['2024-03-31T22:00:00.000Z', '2024-04-30T22:00:00.000Z']);
  });

  it('rejects unknown zones and bad durations', () => {
    expect(() => windowOf('1d', '2024-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(/Unknown time zone/);
    expect(() => windowOf('0d', '2024-01-01T00:00:00Z')).toThrow(/Invalid duration/);
    expect(() => windowOf('1 day', '2024-01-01T00:00:00Z')).toThrow(/Invalid duration/);
  });
});

describe('budgetWindowAt invariants', () => {
  const durations = ['30s', '1m', '45m', '1h', '5h', '1d', '2d', '7d', '30d', '1mo', '3mo'];
  const zones = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago'];
  const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) });

  it('contains `at`, and consecutive windows tile time with no gap or overlap', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...durations), fc.constantFrom(...zones), (at, duration, timezone) => {
        const window = budgetWindowAt({ duration, at, timezone });
        expect(window.start.getTime()).toBeLessThanOrEqual(at);
        expect(window.end.getTime()).toBeGreaterThan(at);
        expect(budgetWindowAt({ duration, at: window.end, timezone }).start).toEqual(window.end);
        expect(budgetWindowAt({ duration, at: window.start.getTime() - 1, timezone }).end).toEqual(window.start);
        expect(budgetWindowAt({ duration, at: window.end.getTime() - 1, timezone })).toEqual(window);
      }),
      { numRuns: 300 },
    );
  });
});
