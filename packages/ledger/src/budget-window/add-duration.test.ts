import { addDuration } from './add-duration.js';
import { durationSchema, isDuration, parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', { value: 30, unit: 's' }],
    ['30m', { value: 30, unit: 'm' }],
    ['24h', { value: 24, unit: 'h' }],
    ['30d', { value: 30, unit: 'd' }],
    ['2w', { value: 2, unit: 'w' }],
    ['1mo', { value: 1, unit: 'mo' }],
    [' 7d ', { value: 7, unit: 'd' }],
  ])('%p', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['', '30', 'd', '0s', '-1d', '1.5h', '1y', '30 d', 'None'])('rejects %p', (text) => {
    expect(() => parseDuration(text)).toThrow(/Invalid duration/);
    expect(isDuration(text)).toBe(false);
    expect(durationSchema.safeParse(text).success).toBe(false);
  });
});

describe('addDuration', () => {
  const from = new Date('2024-01-31T10:00:00Z');
  it.each([
    ['30s', '2024-01-31T10:00:30.000Z'],
    ['90m', '2024-01-31T11:30:00.000Z'],
    ['30h', '2024-02-01T16:00:00.000Z'],
    ['30d', '2024-03-01T10:00:00.000Z'],
    ['1w', '2024-02-07T10:00:00.000Z'],
    ['1mo', '2024-02-29T10:00:00.000Z'],
    ['13mo', '2025-02-28T10:00:00.000Z'],
  ])('%s after 2024-01-31T10:00Z is %s', (duration, expected) => {
    expect(addDuration({ from, duration }).toISOString()).toBe(expected);
  });
});
