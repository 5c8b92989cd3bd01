import { BudgetExceededError, nanoUsdToUsd, RateLimitError, ServiceUnavailableError, type TollgateError } from '@tollgate/core';
import type { AdmitResult, LimitRefusal } from './admission-result.js';
import type { LimitScope } from './limit-scope.js';
import { formatResetDuration } from './rate-limit-info.js';


/** LiteLLM's descriptor names in rate-limit messages. */
const DESCRIPTORS: Record<LimitScope['kind'], string> = {
  key: 'api_key',
  user: 'user',
  team: 'team',
  team_member: 'team_member',
  customer: 'end_user',
  global: 'global',
  model_per_key: 'model_per_key',
  model_per_team: 'model_per_team',
};

/** Entity names in budget messages (LiteLLM: `Key=<hash>`, `User=<id>`). */
const ENTITIES: Record<LimitScope['kind'], string> = {
  key: 'Key',
  user: 'User',
  team: 'Team',
  team_member: 'TeamMember',
  customer: 'EndUser',
  global: 'Proxy',
  model_per_key: 'KeyModel',
  model_per_team: 'TeamModel',
};

const LIMIT_TYPES = { rpm: 'requests', tpm: 'tokens', max_parallel: 'max_parallel_requests' } as const;

/**
 * The error the proxy answers a refusal with, in LiteLLM's wording: budgets → 400 `budget_exceeded`
 * ("Budget has been exceeded! ..."), rate and parallel limits → 429 with `retry-after`.
 */
export function limitRefusalError(refusal: LimitRefusal): TollgateError {
  const retryAfterSeconds = refusal.retryAfterSeconds ?? undefined;
  if (refusal.limit === 'budget') {
    const currentCostUsd = nanoUsdToUsd(refusal.current);
    const maxBudgetUsd = nanoUsdToUsd(refusal.max);
    const windowId = refusal.windowId ?? 'total';
    const window = windowId === 'total' ? '' : ` (${windowId} window)`;
    const entity = `${ENTITIES[refusal.scope.kind]}=${refusal.scope.id}`;
    return new BudgetExceededError(
      `Budget has been exceeded! ${entity}${window} Current cost: ${currentCostUsd}, Max budget: ${maxBudgetUsd}`,
      { currentCostUsd, maxBudgetUsd, retryAfterSeconds },
    );
  }
  const resetsAt = refusal.retryAtMs === null ? 'unknown' : new Date(refusal.retryAtMs).toISOString();
  return new RateLimitError(
    `Rate limit exceeded for ${DESCRIPTORS[refusal.scope.kind]}: ${refusal.scope.id}. ` +
      `Limit type: ${LIMIT_TYPES[refusal.limit]}. Current limit: ${refusal.max}, ` +
      `Remaining: ${Math.max(0, refusal.max - refusal.current)}. Limit resets at: ${resetsAt}`,
    { retryAfterSeconds, headers: rateLimitHeadersOf(refusal) },
  );
}

/** OpenAI's `x-ratelimit-*` headers for an rpm/tpm refusal (the refused scope's numbers); none for parallel limits. */
function rateLimitHeadersOf(refusal: LimitRefusal): Record<string, string> {
  if (refusal.limit !== 'rpm' && refusal.limit !== 'tpm') return {};
  const unit = LIMIT_TYPES[refusal.limit];
  const headers: Record<string, string> = {
    [`x-ratelimit-limit-${unit}`]: String(refusal.max),
    [`x-ratelimit-remaining-${unit}`]: String(Math.max(0, refusal.max - refusal.current)),
  };
  if (refusal.retryAtMs !== null && refusal.retryAfterSeconds !== null) {
    headers[`x-ratelimit-reset-${unit}`] = formatResetDuration(refusal.retryAfterSeconds * 1000);
  }
  return headers;
}

/** The error for an admission that did not admit (undefined when it did): refusal → 400/429, unavailable → 503. */
export function admissionError(result: AdmitResult): TollgateError | undefined {
  if (result.outcome === 'refused') return limitRefusalError(result.refusal);
  if (result.outcome === 'unavailable') {
    return new ServiceUnavailableError(`Budget and rate-limit enforcement unavailable: ${result.reason}`, {
      cause: result.cause,
      retryAfterSeconds: 1,
    });
  }
  return undefined;
}
