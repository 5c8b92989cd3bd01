import type { SpendEventInput } from '../spend/spend-event-schema.js';

let sequence = 0;

/** A valid spend event with a unique request id; override any field. */
export function makeSpendEvent(overrides: Partial<SpendEventInput> = {}): SpendEventInput {
  sequence += 1;
  return {
    schema_version: 1,
    request_id: `req-${process.pid}-${sequence}`,
    call_type: 'acompletion',
    cost_nano: '1000',
    prompt_tokens: 10,
    completion_tokens: 5,
    start_time: '2024-05-15T10:30:00.000Z',
    end_time: '2024-05-15T10:30:01.000Z',
    model: 'gpt-4o-2024-08-06',
    model_group: 'gpt-4o',
    provider: 'openai',
    status: 'success',
    ...overrides,
  };
}
