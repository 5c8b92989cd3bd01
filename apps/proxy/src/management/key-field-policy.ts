import type { KeyFieldsBody } from './schemas/key-schemas.js';

/**
 * Who may change a key field (on `/key/update`, `/key/bulk_update`, `/key/regenerate`; `/key/generate` is bounded
 * by the owner's or team's limits instead, see `check-key-ceiling.ts`). Proxy admins may change every field.
 * - `cosmetic`: anyone who may manage the key (owner, team admin).
 * - `limit`: a team admin within the team's own limits; an owner only tightens (lowers, narrows, shortens).
 * - `ownership`: a team admin within the team (`assertMayAssignKey`); an owner not at all.
 * - `blocking`: team admins only (an owner cannot lift a block).
 * - `spend`: proxy admins only.
 * - `unsupported`: accepted only empty, so nothing to decide.
 */
export type KeyFieldPolicy = 'cosmetic' | 'limit' | 'ownership' | 'blocking' | 'spend' | 'unsupported';

/** Every key field with its policy; a new field does not compile until someone decides who may change it. */
export const KEY_FIELD_POLICY = {
  key_alias: 'cosmetic',
  metadata: 'cosmetic',
  // Aliases only rename: the model they point to is checked against the allow-lists after resolution.
  aliases: 'cosmetic',
  duration: 'limit',
  models: 'limit',
  max_budget: 'limit',
  soft_budget: 'limit',
  budget_duration: 'limit',
  tpm_limit: 'limit',
  rpm_limit: 'limit',
  max_parallel_requests: 'limit',
  model_max_budget: 'limit',
  model_rpm_limit: 'limit',
  model_tpm_limit: 'limit',
  budget_limits: 'limit',
  key_type: 'limit',
  allowed_routes: 'limit',
  user_id: 'ownership',
  team_id: 'ownership',
  blocked: 'blocking',
  spend: 'spend',
  agent_id: 'unsupported',
  allowed_cache_controls: 'unsupported',
  config: 'unsupported',
  permissions: 'unsupported',
  guardrails: 'unsupported',
  policies: 'unsupported',
  prompts: 'unsupported',
  object_permission: 'unsupported',
  budget_id: 'unsupported',
  tags: 'unsupported',
  enforced_params: 'unsupported',
  allowed_passthrough_routes: 'unsupported',
  allowed_vector_store_indexes: 'unsupported',
  rpm_limit_type: 'unsupported',
  tpm_limit_type: 'unsupported',
  router_settings: 'unsupported',
  access_group_ids: 'unsupported',
  organization_id: 'unsupported',
  project_id: 'unsupported',
  auto_rotate: 'unsupported',
  rotation_interval: 'unsupported',
  send_invite_email: 'unsupported',
} as const satisfies Record<keyof KeyFieldsBody, KeyFieldPolicy>;

/** The fields whose policy is `limit`. */
export type KeyLimitField = {
  [Field in keyof typeof KEY_FIELD_POLICY]: (typeof KEY_FIELD_POLICY)[Field] extends 'limit' ? Field : never;
}[keyof typeof KEY_FIELD_POLICY];
