import { openLedger, type Ledger, type OpenLedgerOptions } from '@tollgate/ledger';
import { describeEndpoint, StartupError } from './startup-error.js';

const RETRY_DELAY_MS = 500;

/**
 * Opens the ledger (connect and migrate), retrying while the database is not reachable yet, for at most `timeoutMs`;
 * then throws a one-line `StartupError` with the last error. A database that starts a few seconds after the proxy
 * (containers starting together) is still caught.
 */
export async function openLedgerWithin(options: OpenLedgerOptions & { timeoutMs: number }): Promise<Ledger> {
  const { timeoutMs, ...ledgerOptions } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const attempt = openLedger(ledgerOptions);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      attempt.then((ledger) => ({ ledger })),
      new Promise<{ timedOut: true }>((resolve) => (timer = setTimeout(() => resolve({ timedOut: true }), Math.max(0, deadline - Date.now())))),
    ]).catch((error: unknown) => ({ error }));
    clearTimeout(timer);
    if ('ledger' in outcome) return outcome.ledger;
    if ('timedOut' in outcome) {
      attempt.then((ledger) => ledger.close()).catch(() => undefined);
      break;
    }
    lastError = outcome.error;
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_DELAY_MS, Math.max(0, deadline - Date.now()))));
  }
  const reason = lastError instanceof Error ? lastError.message || lastError.name : 'no answer';
  throw new StartupError(`the database at ${describeEndpoint(options.url)} is unreachable after ${timeoutMs / 1000} s: ${reason}`);
}
