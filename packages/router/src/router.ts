import { ServiceUnavailableError, type ChatCompletionRequest, type EmbeddingRequest } from '@tollgate/core';
import type { ChatCompletionResult, ChatCompletionStream, EmbeddingResult, ResponsesRequest, ResponsesStream } from '@tollgate/providers';
import type { CallDeployment, ClientCredentials, DeploymentResponse, ResponsesResult } from './call/deployment-call.js';
import { providersCallDeployment } from './call/providers-call-deployment.js';
import { pricingRouterCatalogue } from './catalogue/pricing-router-catalogue.js';
import type { RouterCatalogue } from './catalogue/router-catalogue.js';
import { checkRouterReferences } from './config/check-router-references.js';
import type { ModelListEntryInput } from './config/model-list-schema.js';
import { parseModelList, parseRouterSettings } from './config/parse-router-config.js';
import { RouterConfigError } from './config/router-config-error.js';
import type { RouterSettingsInput } from './config/router-settings-schema.js';
import { buildDeployments } from './deployment/build-deployments.js';
import type { Deployment } from './deployment/deployment.js';
import type { ModelRegion } from './deployment/deployment-region.js';
import { isWildcardName, ModelGroupMap, WildcardRoutes } from './deployment/wildcard-routes.js';
import { resolveRouterPolicy } from './policy/router-policy.js';
import type { RouterContext } from './router-context.js';
import { resolveModelGroup, routeWithFallbacks } from './route/route-with-fallbacks.js';
import type { RouteRequest } from './route/route-request.js';
import { forcedFailureOf, splitRouterRequestFields, type RouterRequestFields } from './route/router-request-fields.js';
import { systemClock, type Clock } from './runtime/clock.js';
import { InMemoryRouterStateStore } from './state/in-memory-router-state-store.js';
import type { RouterStateStore } from './state/router-state-store.js';
import { createRoutingStrategy } from './strategies/create-routing-strategy.js';

/** How to build a Router. */
export interface RouterOptions {
  /** LiteLLM's `model_list`; validated (a RouterConfigError names each bad field). */
  modelList: readonly ModelListEntryInput[];
  /** LiteLLM's `router_settings`; validated likewise. */
  routerSettings?: RouterSettingsInput;
  /** Calls one deployment (default: `@tollgate/providers` with the deployment's `litellm_params`). */
  callDeployment?: CallDeployment;
  /** Where cooldowns, in-flight counts, usage and latencies live (default: in this process's memory). */
  stateStore?: RouterStateStore;
  /** Time source for cooldowns, usage minutes and backoff (default: the system clock). */
  clock?: Clock;
  /** Uniform random numbers in [0, 1) for weighted choices and jitter (default: Math.random). */
  random?: () => number;
  /** Context windows, prices and token counts (default: `@tollgate/pricing`'s catalogue). */
  catalogue?: RouterCatalogue;
}

/** Per-call options. */
export interface RouterCallOptions {
  /** Abort the request: no further attempt, retry or fallback is made. */
  signal?: AbortSignal;
  /** Time limit of each attempt, replacing the deployment's and the router's (`x-litellm-timeout`). */
  timeoutMs?: number;
  /** Retries per group, replacing `num_retries` (`x-litellm-num-retries`). */
  numRetries?: number;
  /** The params already passed core's `parseChatCompletionRequest` (the caller validated its client's body). */
  requestValidated?: boolean;
  /**
   * Credentials that replace the deployment's for this call (a gateway's opt-in client-side credentials). Only
   * the caller's code sets them; the router never reads credentials from the request's params.
   */
  credentials?: ClientCredentials;
  /**
   * Confines the call to deployments whose `region_name` is in this region (an end user's `allowed_model_region`);
   * a group with none there fails the call with a 400 naming `model` (waiting cannot help).
   */
  allowedRegion?: ModelRegion;
}


/** A chat completion request as the router takes it: OpenAI params plus the router's own keys. */
export type RouterCompletionParams = ChatCompletionRequest & RouterRequestFields;
/** An embedding request as the router takes it. */
export type RouterEmbeddingParams = EmbeddingRequest & RouterRequestFields;
/** A Responses API request as the router takes it. */
export type RouterResponsesParams = ResponsesRequest & RouterRequestFields;

/** An alias of a model group. */
export interface ModelGroupAlias {
  alias: string;
  modelGroup: string;
  /** Left out of model listings. */
  hidden: boolean;
}

/**
 * LiteLLM's Router: calls a model group (the `model_name` several deployments share) and picks, retries, cools
 * down and falls back across its deployments, so callers see one reliable model. Results are the providers'
 * results; `routerMetadataOf(result)` tells which deployment answered and how many retries and fallbacks it took.
 */
export class Router {
  private readonly context: RouterContext;
  private readonly aliasList: readonly ModelGroupAlias[];
  /** Every configured `model_name`, wildcard routes included, in configuration order. */
  private readonly configuredGroups: readonly string[];
  /** Wildcard routes' deployments as configured (with their `*`), for listings. */
  private readonly wildcardTemplates: ReadonlyMap<string, readonly Deployment[]>;
  /** The store the router created when none was given (it closes only that one). */
  private readonly ownStore: RouterStateStore = new InMemoryRouterStateStore();
  private readonly ownsStore: boolean;
  private closed = false;

  constructor(options: RouterOptions) {
    const modelList = parseModelList(options.modelList);
    const settings = parseRouterSettings(options.routerSettings);
    const catalogue = options.catalogue ?? pricingRouterCatalogue();
    const built = buildDeployments({ modelList, catalogue });
    // Wildcard routes (`openai/*`) are templates: a request names a concrete model, which gets its own group.
    this.wildcardTemplates = new Map([...built].filter(([name]) => isWildcardName(name)));
    const groups = new ModelGroupMap(new Map([...built].filter(([name]) => !isWildcardName(name))), new WildcardRoutes(modelList, catalogue));
    this.configuredGroups = [...built.keys()];
    const issues = checkRouterReferences(settings, new Set(built.keys()));
    if (issues.length > 0) throw new RouterConfigError(issues);
    this.ownsStore = options.stateStore === undefined;
    this.aliasList = Object.entries(settings.model_group_alias ?? {}).map(([alias, target]) => ({
      alias,
      modelGroup: typeof target === 'string' ? target : target.model,
      hidden: typeof target === 'string' ? false : target.hidden === true,
    }));
    this.context = {
      groups,
      aliases: new Map(this.aliasList.map((alias) => [alias.alias, alias.modelGroup])),
      policy: resolveRouterPolicy(settings),
      strategy: createRoutingStrategy(settings),
      store: options.stateStore ?? this.ownStore,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      catalogue,
      callDeployment: options.callDeployment ?? providersCallDeployment,
    };
  }

  /**
   * A chat completion from the requested model group. With `stream: true` it resolves once a deployment has sent
   * its first chunk (failover happens before that, never after), with a stream that starts with that chunk.
   */
  completion(
    params: RouterCompletionParams & { stream: true },
    options?: RouterCallOptions,
  ): Promise<ChatCompletionStream>;
  completion(
    params: RouterCompletionParams & { stream?: false | null },
    options?: RouterCallOptions,
  ): Promise<ChatCompletionResult>;
  completion(
    params: RouterCompletionParams,
    options?: RouterCallOptions,
  ): Promise<ChatCompletionResult | ChatCompletionStream>;
  async completion(
    params: RouterCompletionParams,
    options: RouterCallOptions = {},
  ): Promise<ChatCompletionResult | ChatCompletionStream> {
    const { fields, params: rest } = splitRouterRequestFields(params);
    const result = await this.route(
      { kind: 'completion', params: rest, stream: rest.stream === true },
      fields,
      options,
    );
    return result as ChatCompletionResult | ChatCompletionStream;
  }

  /** Embeddings from the requested model group. */
  async embedding(params: RouterEmbeddingParams, options: RouterCallOptions = {}): Promise<EmbeddingResult> {
    const { fields, params: rest } = splitRouterRequestFields(params);
    const result = await this.route(
      { kind: 'embedding', params: rest, stream: false },
      fields,
      options,
    );
    return result as EmbeddingResult;
  }

  /**
   * A Response from the requested model group, with the same picking, retries, cooldowns and fallbacks as chat.
   * Deployments whose provider speaks Responses (OpenAI) get the request as is; the others get it translated to a
   * chat call. With `stream: true` it resolves once a deployment has sent its first event (failover happens before
   * that, never after), with the stream of its events.
   */
  responses(params: RouterResponsesParams & { stream: true }, options?: RouterCallOptions): Promise<ResponsesStream>;
  responses(params: RouterResponsesParams & { stream?: false | null }, options?: RouterCallOptions): Promise<ResponsesResult>;
  async responses(params: RouterResponsesParams, options: RouterCallOptions = {}): Promise<ResponsesResult | ResponsesStream> {
    const { fields, params: rest } = splitRouterRequestFields(params);
    const stream = rest['stream'] === true;
    const result = await this.route({ kind: 'responses', params: { ...rest, stream }, stream }, fields, options);
    return result as ResponsesResult | ResponsesStream;
  }

  /** The model groups, in configuration order (wildcard routes such as `openai/*` by their pattern). */
  getModelGroups(): string[] {
    return [...this.configuredGroups];
  }

  /** The aliases of model groups (`model_group_alias`). */
  getModelGroupAliases(): readonly ModelGroupAlias[] {
    return this.aliasList;
  }

  /** Whether a name is a model group, an alias of one, or a model a wildcard route serves. */
  hasModelGroup(name: string): boolean {
    return this.context.groups.has(this.context.aliases.get(name) ?? name);
  }

  /**
   * The deployments of a group (or of an alias's group, or of a model a wildcard route serves); a wildcard route's
   * own name gives its deployments as configured. Empty for an unknown name.
   */
  getDeployments(name: string): readonly Deployment[] {
    return this.wildcardTemplates.get(name) ?? this.context.groups.get(this.context.aliases.get(name) ?? name) ?? [];
  }

  /** The model group a name routes to; throws a 400 naming `model` when it is unknown. */
  resolveModelGroup(name: string): string {
    return resolveModelGroup(this.context, name);
  }

  /** Refuses further requests. The state store is closed only when the router created it (the default one). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsStore) await this.ownStore.close?.();
  }

  private route(
    call: Pick<RouteRequest, 'stream'> &
      (
        | { kind: 'completion'; params: ChatCompletionRequest }
        | { kind: 'embedding'; params: EmbeddingRequest }
        | { kind: 'responses'; params: ResponsesRequest }
      ),
    fields: RouterRequestFields,
    options: RouterCallOptions,
  ): Promise<DeploymentResponse> {
    if (this.closed) return Promise.reject(new ServiceUnavailableError('The router is closed'));
    const requestedModel = call.params.model;
    return routeWithFallbacks(this.context, {
      ...call,
      requestedModel,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      numRetries: options.numRetries ?? fields.num_retries ?? this.context.policy.numRetries,
      requestValidated: options.requestValidated === true,
      credentials: options.credentials,
      allowedRegion: options.allowedRegion,
      requestFallbacks: fields.fallbacks ?? undefined,
      disableFallbacks: fields.disable_fallbacks === true,
      forcedFailure: forcedFailureOf(fields, requestedModel),
    });
  }
}
