import type { AgentRunResult } from '@tollgate/agent';

/** USD for people: three significant digits below a dollar (`$0.000123`), cents above (`$1.23`). */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  // Three significant digits, never exponent notation, at most nano-USD precision.
  const decimals = Math.min(9, Math.max(2, 2 - Math.floor(Math.log10(usd))));
  return `$${usd.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '')}`;
}

/** A token count with thousands separators. */
export function formatTokens(tokens: number): string {
  return tokens.toLocaleString('en-US');
}

/** The closing line of a run: turns, tokens and cost (with unpriced turns named, never counted as free). */
export function formatRunSummary(result: AgentRunResult, sessionCostUsd?: number): string {
  const { usage } = result;
  const turns = `${result.turns.length} ${result.turns.length === 1 ? 'turn' : 'turns'}`;
  const tokens = `${formatTokens(usage.promptTokens)} in / ${formatTokens(usage.completionTokens)} out tokens`;
  const unpriced = result.unpricedTurns > 0 ? ` (+${result.unpricedTurns} unpriced ${result.unpricedTurns === 1 ? 'turn' : 'turns'})` : '';
  const session = sessionCostUsd !== undefined && sessionCostUsd !== result.totalCostUsd ? ` · session ${formatUsd(sessionCostUsd)}` : '';
  return `${turns} · ${tokens} · cost ${formatUsd(result.totalCostUsd)}${unpriced}${session}`;
}
