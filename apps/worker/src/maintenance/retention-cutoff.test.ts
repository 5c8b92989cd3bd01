import { retentionCutoff } from './retention-cutoff.js';

describe('retentionCutoff', () => {
  const now = new Date('2024-03-31T10:00:00.000Z');

  it('steps back fixed units exactly', () => {
    expect(retentionCutoff({ retentionPeriod: '30d', now }).toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(retentionCutoff({ retentionPeriod: '2w', now }).toISOString()).toBe('2024-03-17T10:00:00.000Z');
    expect(retentionCutoff({ retentionPeriod: '36h', now }).toISOString()).toBe('2024-03-29T22:00:00.000Z');
  });

  it('steps back calendar months, clamping the day', () => {
    expect(retentionCutoff({ retentionPeriod: '1mo', now }).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(retentionCutoff({ retentionPeriod: '3mo', now }).toISOString()).toBe('2023-12-31T10:00:00.000Z');
    expect(retentionCutoff({ retentionPeriod: '14mo', now }).toISOString()).toBe('2023-01-31T10:00:00.000Z');
  });

  it('refuses junk', () => {
    expect(() => retentionCutoff({ retentionPeriod: 'forever', now })).toThrow(/Invalid duration/);
  });
});
