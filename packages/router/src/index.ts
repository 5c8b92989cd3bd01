// The router.
export {
  Router,
  type RouterOptions,
  type RouterCallOptions,
  type RouterCompletionParams,
  type RouterEmbeddingParams,
  type RouterResponsesParams,
  type ModelGroupAlias,
} from './router.js';
export {
  routerMetadataOf,
  routerAttemptsOf,
  type RouterMetadata,
  type RouterAttempts,
} from './router-metadata.js';
export { routerRequestFieldsSchema, type RouterRequestFields } from './route/router-request-fields.js';

// Configuration: LiteLLM's model_list and router_settings, reusable by the proxy's config loader.
export { litellmParamsSchema, type LitellmParams } from './config/litellm-params-schema.js';
export { modelInfoSchema, type ModelInfo } from './config/model-info-schema.js';
export {
  modelListEntrySchema,
  modelListSchema,
  type ModelListEntry,
  type ModelListEntryInput,
} from './config/model-list-schema.js';
export {
  routerSettingsSchema,
  fallbackListSchema,
  modelGroupAliasTargetSchema,
  routingStrategyArgsSchema,
  type RouterSettings,
  type RouterSettingsInput,
  type FallbackList,
} from './config/router-settings-schema.js';
export { routingStrategyNameSchema, type RoutingStrategyName } from './config/routing-strategy-name.js';
export { parseModelList, parseRouterSettings } from './config/parse-router-config.js';
export { RouterConfigError, type RouterConfigIssue } from './config/router-config-error.js';
export { checkRouterConfig } from './config/check-router-config.js';

// Deployments and how they are called.
export { type Deployment } from './deployment/deployment.js';
export { deploymentIdOf } from './deployment/deployment-id.js';
export { regionOfDeployment, type ModelRegion } from './deployment/deployment-region.js';
export type {
  CallDeployment,
  DeploymentCall,
  CompletionDeploymentCall,
  EmbeddingDeploymentCall,
  ResponsesDeploymentCall,
  ResponsesResult,
  DeploymentResponse,
  ClientCredentials,
} from './call/deployment-call.js';
export {
  providersCallDeployment,
  createProvidersCallDeployment,
  type ProvidersCallDeploymentOptions,
} from './call/providers-call-deployment.js';

// Catalogue, state and time: injectable.
export type { RouterCatalogue, CatalogueModelFacts } from './catalogue/router-catalogue.js';
export { pricingRouterCatalogue } from './catalogue/pricing-router-catalogue.js';
export type { RouterStateStore, RequestOutcome } from './state/router-state-store.js';
export { EMPTY_DEPLOYMENT_STATE, type DeploymentState, type LatencySample } from './state/deployment-state.js';
export { InMemoryRouterStateStore } from './state/in-memory-router-state-store.js';
export { systemClock, type Clock } from './runtime/clock.js';
