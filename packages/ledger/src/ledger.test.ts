import { hashApiKey, nanoUsdToUsd, openLedger, usdToNanoUsd } from './index.js';

describe('openLedger (the README example)', () => {
  it('opens SQLite, creates a key, books a spend event once, and reads the spend back', async () => {
    const ledger = await openLedger({ url: ':memory:' });
    const { key, record } = await ledger.keys.create({ keyAlias: 'demo', maxBudgetNano: usdToNanoUsd(10), budgetDuration: '30d' });
    const event = {
      schema_version: 1 as const,
      request_id: 'chatcmpl-1',
      call_type: 'acompletion',
      api_key: record.tokenHash,
      cost_nano: usdToNanoUsd(0.0025).toString(),
      prompt_tokens: 1200,
      completion_tokens: 80,
      start_time: new Date().toISOString(),
      end_time: new Date().toISOString(),
      model: 'gpt-4o',
      status: 'success' as const,
    };
    expect(await ledger.applySpendEvents([event])).toEqual({ applied: ['chatcmpl-1'], duplicates: [] });
    expect(await ledger.applySpendEvents([event])).toEqual({ applied: [], duplicates: ['chatcmpl-1'] });
    const spent = (await ledger.keys.get(key))?.spendNano ?? 0n;
    expect(nanoUsdToUsd(spent)).toBe(0.0025);
    expect(record.tokenHash).toBe(hashApiKey(key));
    await ledger.close();
  });
});
