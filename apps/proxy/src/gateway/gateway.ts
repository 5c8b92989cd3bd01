import { nanoUsdToUsd, nullableNanoUsdToUsd, PermissionDeniedError, type ChatMessage, type ChatTool, type OpenAIUsage } from '@tollgate/core';
import type { SpendEventInput } from '@tollgate/ledger';
import { admissionError, rateLimitHeaders, type LimitBackend } from '@tollgate/limits';
import { completionCost, type CallWorstCaseOptions, type ModelCatalogue, type PromptMeasure } from '@tollgate/pricing';
import type { Deployment, ModelRegion, Router } from '@tollgate/router';
import type { AuthContext } from '../auth/auth-context.js';
import type { AuthDirectory } from '../auth/auth-directory.js';
import type { Logger } from '../observability/create-logger.js';
import type { ProxyMetrics } from '../observability/proxy-metrics.js';
import type { SpendSink } from '../spend/spend-sink.js';
import { newRequestId } from './request-id.js';
import type { BudgetEnforcement } from './budget-enforcement.js';
import { reserveWithinBudget } from './reserve-within-budget.js';
import { scopesOfRequest, type GlobalBudget } from './scopes-of-request.js';

export interface GatewayOptions {
  router: Router;
  limiter: LimitBackend;
  spendSink: SpendSink;
  authDirectory: AuthDirectory;
  /** This proxy's prices: the bundled catalogue plus its deployments' `model_info` overrides. */
  catalogue: ModelCatalogue;
  /** Deployment id → catalogue name its cost is computed with. */
  pricingNames: ReadonlyMap<string, string>;
  globalBudget: GlobalBudget | undefined;
  timezone: string;
  metrics: ProxyMetrics;
  logger: Logger;
  /** `exact` (default): reserve the worst case, lower max_tokens, stop streams past it; `loose`: check spend only. */
  budgetEnforcement?: BudgetEnforcement;
  /** Fired once per window when a soft budget is first reached. */
  onSoftBudgetCrossed?: (details: { scope: string; windowId: string }) => void;
}

/** What a request needs admitted: who asks, for which model group, and what it may cost. */
export interface AdmissionInput {
  auth: AuthContext;
  modelGroup: string;
  endUser: string | undefined;
  /** LiteLLM's call type, as the spend log records it. */
  callType: 'acompletion' | 'atext_completion' | 'aresponses' | 'anthropic_messages' | 'aembedding';
  messages?: readonly ChatMessage[];
  tools?: readonly ChatTool[];
  text?: string;
  requestedMaxTokens: number | undefined;
  /** Choices the request generates (`max(n, best_of)`); default 1. */
  choices?: number;
  /** The prompt asks for a cache write (priced at the cache-write rate in the worst case). */
  writesCache?: boolean;
}

/** An admitted request: holds its reservation until `settle` or `fail`. */
export interface Admission {
  requestId: string;
  input: AdmissionInput;
  startedAt: Date;
  /** Whether anything was reserved in the limiter (false when no limit applies). */
  reserved: boolean;
  /** `x-ratelimit-*` headers for the response. */
  headers: Record<string, string>;
  /** Time spent admitting (auth excluded), ms: part of the proxy's own overhead. */
  admitDurationMs: number;
  /** Set when the budget could not afford the model's full output: the per-choice `max_tokens` to send upstream. */
  loweredMaxTokens?: number;
  /** Output tokens (all choices) the reservation covers; a stream that passes it is stopped. Undefined: no cap. */
  outputTokenLimit?: number;
  /** The end user's `allowed_model_region`: only deployments there may serve the call. */
  allowedRegion?: ModelRegion;
}

/** How a call ended, for settlement and the spend log. */
export interface CallOutcome {
  status: 'success' | 'failure';
  usage: OpenAIUsage | null;
  deploymentId: string | undefined;
  model: string;
  provider: string | undefined;
  apiBase: string | undefined;
  completionStartTime?: Date;
  /** The id the answer carried (`chatcmpl-…`), when it had one. */
  responseId?: string;
}

export interface Settlement {
  /** USD cost, or null when the model has no price. */
  costUsd: number | null;
  /** The key's spend after this call in USD (`x-litellm-key-spend`), or undefined for the master key. */
  keySpendUsd: number | undefined;
  /** Admission plus settlement time, ms: what the proxy added to the call. */
  overheadMs: number;
}

/**
 * The governance path of every LLM call: admit (budgets and rate limits reserved atomically, one limiter round
 * trip), then settle (actual cost replaces the reservation, one round trip; the spend event is made durable).
 */
export class Gateway {
  /**
   * Spend booked through this proxy per cached key record, added to the record's stored spend for
   * `x-litellm-key-spend` without a database read. A reloaded record (cache TTL or invalidation) starts afresh
   * from the database's figure, so other replicas' spend shows up within the cache TTL.
   */
  private readonly keySpendSinceLoad = new WeakMap<object, bigint>();

  constructor(readonly options: GatewayOptions) {}

  async admit(input: AdmissionInput): Promise<Admission> {
    const { auth, modelGroup } = input;
    const started = performance.now();
    const nowMs = Date.now();
    const customer = input.endUser === undefined ? undefined : await this.options.authDirectory.customer(input.endUser);
    if (customer?.blocked) {
      throw new PermissionDeniedError(`Customer ${input.endUser ?? ''} is blocked. Unblock via /customer/unblock.`, { code: '403', type: 'customer_blocked' });
    }
    const scopes = scopesOfRequest({
      auth,
      customer,
      modelGroup,
      globalBudget: this.options.globalBudget,
      nowMs,
      timezone: this.options.timezone,
    });
    const requestId = newRequestId(nowMs);
    const admission: Admission = { requestId, input, startedAt: new Date(nowMs), reserved: false, headers: {}, admitDurationMs: 0 };
    if (customer?.allowedModelRegion) admission.allowedRegion = customer.allowedModelRegion;
    if (scopes.length === 0) {
      admission.admitDurationMs = performance.now() - started;
      return admission;
    }

    const reservation = await reserveWithinBudget({
      limiter: this.options.limiter,
      requestId,
      scopes,
      nowMs,
      enforcement: this.options.budgetEnforcement ?? 'exact',
      requestedMaxTokens: input.requestedMaxTokens,
      lowerable: input.callType !== 'aembedding',
      worstCaseRequestOf: (measure, maxOutputTokens) => this.worstCaseRequestOf(input, measure, maxOutputTokens),
    });
    const { result } = reservation;
    admission.loweredMaxTokens = reservation.loweredMaxTokens;
    admission.outputTokenLimit = reservation.outputTokenLimit;
    const error = admissionError(result);
    if (error !== undefined) {
      if (result.outcome === 'unavailable') this.options.logger.error({ requestId, reason: result.reason }, 'limiter unavailable');
      throw error;
    }
    if (result.outcome === 'admitted') {
      admission.reserved = !result.failedOpen;
      admission.headers = rateLimitHeaders(result.rateLimits);
      if (result.failedOpen) this.options.logger.warn({ requestId }, 'limiter unavailable: admitted unchecked (fail open)');
    }
    admission.admitDurationMs = performance.now() - started;
    return admission;
  }

  /**
   * Books a finished call: exact cost from usage, the reservation replaced by it, and the spend event made durable.
   * Resolves when the event is durable, so the caller can end the response after it.
   */
  async settle(admission: Admission, outcome: CallOutcome): Promise<Settlement> {
    const { input, requestId } = admission;
    const started = performance.now();
    const usage = outcome.usage;
    const deployment = outcome.deploymentId === undefined ? undefined : this.options.router.getDeployments(input.modelGroup).find((candidate) => candidate.id === outcome.deploymentId);
    const pricingName = deployment === undefined ? undefined : this.pricingNameOf(deployment);
    const cost = usage === null || pricingName === undefined ? null : completionCost({ model: pricingName, usage, catalogue: this.options.catalogue });
    const costNano = cost?.priced ? cost.costNanoUsd : null;
    if (outcome.status === 'success' && costNano === null) {
      this.options.metrics.unpriced.inc({ model_group: input.modelGroup });
      this.options.logger.warn({ requestId, model: outcome.model }, 'model has no price: cost booked as unknown');
    }
    const totalTokens = usage === null ? 0 : usage.prompt_tokens + usage.completion_tokens;
    const settling = admission.reserved
      ? this.options.limiter.settle({ requestId, actualCostNano: costNano ?? 0, actualTokens: totalTokens })
      : undefined;
    const event = this.spendEventOf(admission, outcome, costNano);
    const [settled] = await Promise.all([settling, this.options.spendSink.record(event)]);
    for (const crossing of settled?.softBudgetCrossings ?? []) {
      const scope = `${crossing.scope.kind}:${crossing.scope.id}`;
      this.options.logger.warn({ requestId, scope, windowId: crossing.windowId }, 'soft_budget_crossed');
      this.options.onSoftBudgetCrossed?.({ scope, windowId: crossing.windowId });
    }
    if (costNano !== null) this.options.metrics.spend.inc({ model_group: input.modelGroup }, nanoUsdToUsd(costNano));
    if (usage !== null) {
      this.options.metrics.tokens.inc({ model_group: input.modelGroup, direction: 'input' }, usage.prompt_tokens);
      this.options.metrics.tokens.inc({ model_group: input.modelGroup, direction: 'output' }, usage.completion_tokens);
    }
    let keySpendUsd: number | undefined;
    if (input.auth.kind === 'virtual') {
      const record = input.auth.key;
      const sinceLoad = (this.keySpendSinceLoad.get(record) ?? 0n) + BigInt(costNano ?? 0);
      this.keySpendSinceLoad.set(record, sinceLoad);
      keySpendUsd = nanoUsdToUsd(record.spendNano + sinceLoad);
    }
    const overheadMs = admission.admitDurationMs + (performance.now() - started);
    this.options.metrics.overhead.observe({ route: input.callType }, overheadMs / 1000);
    return { costUsd: nullableNanoUsdToUsd(costNano), keySpendUsd, overheadMs };
  }

  /** Frees the reservation of a call that produced nothing billable (refused upstream, failed before any token). */
  async release(admission: Admission): Promise<void> {
    if (!admission.reserved) return;
    const result = await this.options.limiter.release({ requestId: admission.requestId });
    if (result.outcome === 'unavailable') {
      this.options.logger.warn({ requestId: admission.requestId }, 'release failed; the reservation expires with its lease');
    }
  }

  private worstCaseRequestOf(input: AdmissionInput, measure: PromptMeasure, maxOutputTokens: number | undefined): CallWorstCaseOptions {
    const prompt: CallWorstCaseOptions['prompt'] =
      input.callType === 'aembedding'
        ? { text: input.text ?? '' }
        : { messages: input.messages ?? [], tools: input.tools ?? [] };
    return {
      catalogue: this.options.catalogue,
      pricingModels: this.pricingModelsOf(input.modelGroup),
      prompt,
      promptMeasure: measure,
      maxOutputTokens,
      choices: input.choices ?? 1,
      writesCache: input.writesCache ?? false,
    };
  }

  private pricingModelsOf(modelGroup: string): string[] {
    return this.options.router.getDeployments(modelGroup).map((deployment) => this.pricingNameOf(deployment));
  }

  /**
   * The catalogue name a deployment is priced as: the one registered at start for its prices, else its model (a
   * wildcard route's deployments are built per requested model, after start).
   */
  private pricingNameOf(deployment: Deployment): string {
    const model = deployment.litellmParams.model;
    return this.options.pricingNames.get(deployment.id) ?? (model.startsWith('mock/') ? model.slice('mock/'.length) : model);
  }

  private spendEventOf(admission: Admission, outcome: CallOutcome, costNano: number | null): SpendEventInput {
    const { auth, modelGroup, endUser, callType } = admission.input;
    const usage = outcome.usage;
    return {
      schema_version: 1,
      request_id: admission.requestId,
      response_id: outcome.responseId ?? null,
      call_type: callType,
      api_key: auth.tokenHash,
      cost_nano: costNano === null ? null : String(costNano),
      prompt_tokens: usage?.prompt_tokens ?? 0,
      completion_tokens: usage?.completion_tokens ?? 0,
      cache_read_tokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      cache_creation_tokens: usage?.prompt_tokens_details?.cache_creation_tokens ?? 0,
      reasoning_tokens: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
      start_time: admission.startedAt.toISOString(),
      end_time: new Date().toISOString(),
      completion_start_time: outcome.completionStartTime?.toISOString() ?? null,
      model: outcome.model,
      model_id: outcome.deploymentId ?? null,
      model_group: modelGroup,
      provider: outcome.provider ?? null,
      api_base: outcome.apiBase ?? null,
      user_id: auth.kind === 'virtual' ? auth.key.userId : null,
      team_id: auth.kind === 'virtual' ? auth.key.teamId : null,
      end_user: endUser ?? null,
      status: outcome.status,
    };
  }
}
