import type { SpendEventInput } from '@tollgate/ledger';

/** A valid spend event of 1,500 nano-USD for the given request id (tests of the spend sinks). */
export const spendEventFor = (requestId: string): SpendEventInput => ({
  schema_version: 1,
  request_id: requestId,
  call_type: 'acompletion',
  api_key: null,
  cost_nano: '1500',
  prompt_tokens: 10,
  completion_tokens: 5,
  start_time: '2026-01-01T00:00:00.000Z',
  end_time: '2026-01-01T00:00:01.000Z',
  model: 'gpt-4o-mini',
  status: 'success',
});
