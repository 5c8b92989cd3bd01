// The virtual key the proxy is loaded with: a budget and rate limits far above anything the run can reach, so every
// request takes the full governance path (auth lookup, limits, budget reservation, spend) without being refused.
import { openLedger, usdToNanoUsd } from '@tollgate/ledger';
import { requestJson } from './http-request.mjs';

export const GENEROUS_LIMITS = Object.freeze({ max_budget: 1_000_000, rpm_limit: 1_000_000_000, tpm_limit: 1_000_000_000_000, max_parallel_requests: 1_000_000 });

/**
 * Issues the key through `POST /key/generate` with the master key. While the management routes are not there yet
 * (404), creates the same key directly in the proxy's ledger database instead; `source` says which way was used.
 */
export async function issueVirtualKey({ proxyUrl, masterKey, ledgerUrl }) {
  try {
    const generated = await requestJson(`${proxyUrl}/key/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${masterKey}` },
      body: { ...GENEROUS_LIMITS, key_alias: 'bench' },
    });
    if (typeof generated.key !== 'string') throw new Error(`/key/generate answered without a key: ${JSON.stringify(generated).slice(0, 200)}`);
    return { key: generated.key, source: 'POST /key/generate' };
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  const ledger = await openLedger({ url: ledgerUrl, timezone: 'UTC' });
  try {
    const issued = await ledger.keys.create({
      keyAlias: 'bench',
      maxBudgetNano: usdToNanoUsd(GENEROUS_LIMITS.max_budget),
      rpmLimit: GENEROUS_LIMITS.rpm_limit,
      tpmLimit: GENEROUS_LIMITS.tpm_limit,
      maxParallelRequests: GENEROUS_LIMITS.max_parallel_requests,
      createdBy: 'bench',
    });
    return { key: issued.key, source: 'ledger (management routes answered 404)' };
  } finally {
    await ledger.close();
  }
}
