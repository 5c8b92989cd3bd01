import { aggregateSpendEvents, utcDateOf } from './aggregate-spend-events.js';
import { spendEventSchema, type SpendEvent } from './spend-event-schema.js';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';

describe('aggregateSpendEvents', () => {
  it('sums a million one-nano-USD events exactly (a float sum of 1e-9 USD would drift)', () => {
    const template = spendEventSchema.parse(makeSpendEvent({ api_key: 'a'.repeat(64), user_id: 'ada', team_id: 'red', cost_nano: '1' }));
    const events: SpendEvent[] = Array.from({ length: 1_000_000 }, () => template);
    const totals = aggregateSpendEvents(events);
    expect(totals.keys.get('a'.repeat(64))).toBe(1_000_000n);
    expect(totals.teamMembers.get('red\u0000ada')?.spendNano).toBe(1_000_000n);
    expect([...totals.daily.values()].find((row) => row.entityType === 'global')?.apiRequests).toBe(1_000_000);
    let floatSum = 0;
    for (let index = 0; index < 1_000_000; index += 1) floatSum += 1e-9;
    expect(floatSum).not.toBe(0.001);
  });

  it('splits rollups by UTC day, entity and model, and keys model spend by the public model name', () => {
    const events = [
      makeSpendEvent({ start_time: '2024-05-15T23:59:59.999Z', end_time: '2024-05-16T00:00:01Z', model_group: null, cost_nano: '5' }),
      makeSpendEvent({ start_time: '2024-05-16T01:00:00+02:00', end_time: '2024-05-16T01:00:01+02:00', team_id: 't', cost_nano: '7' }),
    ].map((event) => spendEventSchema.parse(event));
    const totals = aggregateSpendEvents(events);
    const rows = [...totals.daily.values()].map((row) => [row.entityType, row.date, row.model, row.modelGroup, row.spendNano]);
    expect(rows).toEqual([
      ['global', '2024-05-15', 'gpt-4o-2024-08-06', '', 5n],
      ['team', '2024-05-15', 'gpt-4o-2024-08-06', '', 5n],
      ['global', '2024-05-15', 'gpt-4o-2024-08-06', 'gpt-4o', 7n],
      ['team', '2024-05-15', 'gpt-4o-2024-08-06', 'gpt-4o', 7n],
    ]);
    expect([...totals.daily.values()].map((row) => row.entityId)).toEqual(['', '', '', 't']);
    expect([...totals.teamModels.values()]).toEqual([{ teamId: 't', model: 'gpt-4o', spendNano: 7n }]);
    expect(utcDateOf('2024-05-16T01:00:00+02:00')).toBe('2024-05-15');
  });
});
