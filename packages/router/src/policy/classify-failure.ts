import { ContentPolicyViolationError, ContextWindowExceededError, TollgateError } from '@tollgate/core';

/**
 * Who is at fault when a deployment call fails, which decides what the router does next:
 * - `caller`: the request itself is wrong (400, 413, 422, context window, content policy): no retry, no cooldown;
 * - `deployment`: this deployment cannot serve anyone (401, 403, 404): try another deployment, never this one again;
 * - `transient`: the upstream may answer a second try (408, 409, 429, 5xx, timeouts, connection failures);
 * - `local`: something failed in this process, not upstream (anything that is not a `TollgateError`: a bug, a
 *   body that broke serialisation): answered as a 500, but neither retried nor held against the deployment, so
 *   one client's request can never cool a deployment down for everyone.
 */
export type FailureKind = 'caller' | 'deployment' | 'transient' | 'local';

/** What the router needs to know about a failure. */
export interface FailureFacts {
  /** HTTP status of the error (500 for anything that is not a TollgateError). */
  status: number;
  kind: FailureKind;
  /** The provider's `retry-after`, when it sent one. */
  retryAfterSeconds: number | undefined;
  /** The prompt did not fit: context-window fallbacks apply. */
  isContextWindowExceeded: boolean;
  /** The provider refused the content: content-policy fallbacks apply. */
  isContentPolicyViolation: boolean;
}

const DEPLOYMENT_FAULT_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);

/** Classifies a thrown value (a TollgateError from any copy of `@tollgate/core`, or anything else). */
export function classifyFailure(error: unknown): FailureFacts {
  if (!TollgateError.isInstance(error)) {
    return {
      status: 500,
      kind: 'local',
      retryAfterSeconds: undefined,
      isContextWindowExceeded: false,
      isContentPolicyViolation: false,
    };
  }
  const isContextWindowExceeded =
    error instanceof ContextWindowExceededError || error.type === 'context_window_exceeded';
  const isContentPolicyViolation =
    error instanceof ContentPolicyViolationError || error.type === 'content_policy_violation';
  let kind: FailureKind = 'caller';
  if (error.isRetryable) kind = 'transient';
  else if (DEPLOYMENT_FAULT_STATUSES.has(error.status)) kind = 'deployment';
  return {
    status: error.status,
    kind,
    retryAfterSeconds: error.retryAfterSeconds,
    isContextWindowExceeded,
    isContentPolicyViolation,
  };
}
