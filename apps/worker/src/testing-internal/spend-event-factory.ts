import type { SpendEventInput } from '@tollgate/ledger';

let sequence = 0;

/** A valid spend event with a unique request id; override any field. */
export function makeSpendEvent(overrides: Partial<SpendEventInput> = {}): SpendEventInput {
  sequence += 1;
  return {
    schema_version: 1,
    request_id: `worker-test-${process.pid}-${sequence}`,
    call_type: 'acompletion',
    cost_nano: '1000',
    prompt_tokens: 10,
    completion_tokens: 5,
    start_time: new Date(Date.now() - 1_000).toISOString(),
    end_time: new Date().toISOString(),
    model: 'gpt-4o-2024-08-06',
    model_group: 'gpt-4o',
    provider: 'openai',
    status: 'success',
    ...overrides,
  };
}
