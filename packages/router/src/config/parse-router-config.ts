import { formatParamPath } from '@tollgate/core';
import type { z } from 'zod';
import { modelListSchema, type ModelListEntry } from './model-list-schema.js';
import { RouterConfigError, type RouterConfigIssue } from './router-config-error.js';
import { routerSettingsSchema, type RouterSettings } from './router-settings-schema.js';

function issuesAt(prefix: string, error: z.ZodError): RouterConfigIssue[] {
  return error.issues.map((issue) => ({ path: formatParamPath([prefix, ...issue.path]), message: issue.message }));
}

/** Validates a `model_list`; a RouterConfigError names each bad field (`model_list[0].litellm_params.model`). */
export function parseModelList(input: unknown): ModelListEntry[] {
  const result = modelListSchema.safeParse(input);
  if (!result.success) throw new RouterConfigError(issuesAt('model_list', result.error));
  return result.data;
}

/** Validates `router_settings`; a RouterConfigError names each bad field (`router_settings.num_retries`). */
export function parseRouterSettings(input: unknown): RouterSettings {
  const result = routerSettingsSchema.safeParse(input ?? {});
  if (!result.success) throw new RouterConfigError(issuesAt('router_settings', result.error));
  return result.data;
}
