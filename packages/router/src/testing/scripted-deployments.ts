import type { CallDeployment, DeploymentCall, DeploymentResponse } from '../call/deployment-call.js';
import { fakeChatCompletion, fakeChatStream, fakeEmbeddingResponse, fakeResponse, fakeResponseStream, type FakeUsage } from './fake-responses.js';

/** What a scripted deployment does for one call. */
export type ScriptStep =
  | {
      /** Answer with this content (streamed word by word when the request streams). */
      reply: string;
      usage?: FakeUsage;
      /** Wait this long (real time) before answering. */
      delayMs?: number;
      /** For streams: after this many content chunks, throw `streamError` instead of continuing. */
      failAfterChunks?: number;
      streamError?: unknown;
    }
  | {
      /** Throw this (before any chunk, for streams). */
      error: unknown;
      delayMs?: number;
    }
  | {
      /** Never answer until the call's signal aborts (then reject with its reason). */
      hang: true;
    };

/** One call a scripted deployment received. */
export interface RecordedCall {
  /** The deployment's `litellm_params.model`. */
  model: string;
  deploymentId: string;
  modelGroup: string;
  kind: DeploymentCall['kind'];
  params: DeploymentCall['params'];
  timeoutMs: number;
  /** Whether the router passed the params on as already validated. */
  requestValidated: boolean;
}

/** Scripted deployments and what they saw. */
export interface ScriptedDeployments {
  /** Pass as `callDeployment` to the Router. */
  callDeployment: CallDeployment;
  /** Every call, in order. */
  calls: RecordedCall[];
  /** The `litellm_params.model` of every call, in order. */
  models(): string[];
}

/**
 * Fake deployments driven by a script per `litellm_params.model`: each call takes the next step, and the last step
 * repeats once the script is used up. A model without a script answers `ok from <model>`. Every call is recorded.
 */
export function scriptedDeployments(scripts: Record<string, readonly ScriptStep[]> = {}): ScriptedDeployments {
  const calls: RecordedCall[] = [];
  const positions = new Map<string, number>();
  const callDeployment: CallDeployment = async (call) => {
    const model = call.deployment.litellmParams.model;
    calls.push({
      model,
      deploymentId: call.deployment.id,
      modelGroup: call.deployment.modelGroup,
      kind: call.kind,
      params: call.params,
      timeoutMs: call.timeoutMs,
      requestValidated: call.kind === 'completion' && call.requestValidated === true,
    });
    const script = scripts[model] ?? [{ reply: `ok from ${model}` }];
    const position = positions.get(model) ?? 0;
    positions.set(model, position + 1);
    const step = script[Math.min(position, script.length - 1)] ?? { reply: `ok from ${model}` };
    return perform(step, call);
  };
  return { callDeployment, calls, models: () => calls.map((call) => call.model) };
}

async function perform(step: ScriptStep, call: DeploymentCall): Promise<DeploymentResponse> {
  if ('hang' in step) {
    return new Promise((_, reject) => {
      call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true });
    });
  }
  if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
  if ('error' in step) throw step.error;
  const model = call.params.model;
  if (call.kind === 'embedding') {
    const input = call.params.input;
    return fakeEmbeddingResponse({ model, inputs: Array.isArray(input) ? input.length : 1 });
  }
  if (call.kind === 'responses') {
    if (call.params.stream !== true) return fakeResponse({ model, content: step.reply, usage: step.usage });
    return fakeResponseStream({ model, pieces: step.reply.split(/(?<= )/), usage: step.usage });
  }
  if (call.params.stream !== true) return fakeChatCompletion({ model, content: step.reply, usage: step.usage });
  return fakeChatStream({
    model,
    pieces: step.reply.split(/(?<= )/),
    usage: step.usage,
    failAfterChunks: step.failAfterChunks,
    error: step.streamError,
  });
}
