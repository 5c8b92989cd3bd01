import type { ChatCompletionRequest, EmbeddingRequest, ResponseObject } from '@tollgate/core';
import type { CallMetadata, ChatCompletionResult, ChatCompletionStream, EmbeddingResult, ResponsesRequest, ResponsesStream } from '@tollgate/providers';
import type { Deployment } from '../deployment/deployment.js';

/** Per-call credentials that replace a deployment's configured ones (a gateway's opt-in client-side credentials). */
export interface ClientCredentials {
  apiKey?: string;
  apiBase?: string;
  apiVersion?: string;
}

interface DeploymentCallBase {
  /** The deployment to call; its `litellmParams` carry credentials, base URL and provider options. */
  deployment: Deployment;
  /** Aborts when the caller gives up or the attempt times out; pass it to the provider. */
  signal: AbortSignal;
  /** The attempt's time limit (the router enforces it too; passing it on lets the provider clean up). */
  timeoutMs: number;
  /** Credentials the router's caller gave for this call, replacing the deployment's. */
  credentials?: ClientCredentials | undefined;
}

/** A chat completion for one deployment: `params.model` is the deployment's `litellm_params.model`. */
export interface CompletionDeploymentCall extends DeploymentCallBase {
  kind: 'completion';
  params: ChatCompletionRequest;
  /** `params` passed core's request validation already (only `model` changed since): pass that on. */
  requestValidated?: boolean;
}

/** An embedding request for one deployment: `params.model` is the deployment's `litellm_params.model`. */
export interface EmbeddingDeploymentCall extends DeploymentCallBase {
  kind: 'embedding';
  params: EmbeddingRequest;
}

/**
 * A Responses API request (streamed when `params.stream` is true) for one deployment: `params.model` is the deployment's
 * `litellm_params.model`. Providers that speak Responses get it as is; the others get it translated to chat.
 */
export interface ResponsesDeploymentCall extends DeploymentCallBase {
  kind: 'responses';
  params: ResponsesRequest;
}

export type DeploymentCall = CompletionDeploymentCall | EmbeddingDeploymentCall | ResponsesDeploymentCall;

/** What to send, without the deployment, signal and time limit that each attempt adds. */
export type DeploymentCallPayload =
  | Pick<CompletionDeploymentCall, 'kind' | 'params' | 'requestValidated' | 'credentials'>
  | Pick<EmbeddingDeploymentCall, 'kind' | 'params' | 'credentials'>
  | Pick<ResponsesDeploymentCall, 'kind' | 'params' | 'credentials'>;

/**
 * What a deployment answers, as `@tollgate/providers` does: a completion, a chunk stream (when `params.stream` is
 * true), embeddings, or a Response or its event stream, each with the providers' `tollgate` call metadata (provider, usage, cost).
 */
export type DeploymentResponse = ChatCompletionResult | ChatCompletionStream | EmbeddingResult | ResponsesResult | ResponsesStream;

/** A Response from a deployment, with the providers' call metadata. */
export type ResponsesResult = ResponseObject & { readonly tollgate?: CallMetadata };

/**
 * Calls one deployment once. The default goes through `@tollgate/providers`; tests inject scripted deployments.
 * It should throw TollgateErrors (their status decides retries, cooldowns and fallbacks); anything else counts as
 * a 500.
 */
export type CallDeployment = (call: DeploymentCall) => Promise<DeploymentResponse>;
