import {
  BadRequestError,
  ContentPolicyViolationError,
  ContextWindowExceededError,
  describeZodIssue,
  InternalServerError,
  type TollgateError,
} from '@tollgate/core';
import { z } from 'zod';

/** Keys a request body may carry for the router itself; they are removed before the deployment is called. */
export const routerRequestFieldsSchema = z.object({
  /** Groups to fall back to for this request, replacing the configured generic fallbacks. */
  fallbacks: z.array(z.string().min(1)).nullish(),
  /** Try no fallback group for this request. */
  disable_fallbacks: z.boolean().nullish(),
  /** Retries per group for this request. */
  num_retries: z.number().int().nonnegative().nullish(),
  /** Test hook: fail the requested group as if its deployments had failed, to exercise `fallbacks`. */
  mock_testing_fallbacks: z.boolean().nullish(),
  /** Test hook: fail the requested group with a context-window error, to exercise `context_window_fallbacks`. */
  mock_testing_context_fallbacks: z.boolean().nullish(),
  /** Test hook: fail the requested group with a content-policy error, to exercise `content_policy_fallbacks`. */
  mock_testing_content_policy_fallbacks: z.boolean().nullish(),
});

export type RouterRequestFields = z.infer<typeof routerRequestFieldsSchema>;

const ROUTER_KEYS = Object.keys(routerRequestFieldsSchema.shape);

/** Splits a request into the router's fields (validated: a bad one is a 400 naming it) and the params to send. */
export function splitRouterRequestFields<Params extends Record<string, unknown>>(
  params: Params,
): { fields: RouterRequestFields; params: Params } {
  if (!ROUTER_KEYS.some((key) => key in params)) return { fields: {}, params };
  const result = routerRequestFieldsSchema.safeParse(params, { reportInput: true });
  if (!result.success) {
    const issue = describeZodIssue(result.error.issues[0] as z.core.$ZodIssue);
    throw new BadRequestError(issue.message, { param: issue.param });
  }
  const rest: Record<string, unknown> = { ...params };
  for (const key of ROUTER_KEYS) delete rest[key];
  return { fields: result.data, params: rest as Params };
}

/** The failure a `mock_testing_*` flag asks for, if any. */
export function forcedFailureOf(fields: RouterRequestFields, model: string): TollgateError | undefined {
  if (fields.mock_testing_context_fallbacks) {
    return new ContextWindowExceededError('mock_testing_context_fallbacks=true: forced context window error', { model });
  }
  if (fields.mock_testing_content_policy_fallbacks) {
    return new ContentPolicyViolationError('mock_testing_content_policy_fallbacks=true: forced content policy error', {
      model,
    });
  }
  if (fields.mock_testing_fallbacks) {
    return new InternalServerError('mock_testing_fallbacks=true: forced failure to test fallbacks', { model });
  }
  return undefined;
}
