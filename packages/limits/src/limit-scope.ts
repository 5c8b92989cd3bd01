import { z } from 'zod';

/** Every kind of entity a limit can hang on (LiteLLM's descriptors, plus the proxy-wide budget). */
export const LIMIT_SCOPE_KINDS = [
  'key',
  'user',
  'team',
  'team_member',
  'customer',
  'global',
  'model_per_key',
  'model_per_team',
] as const;

/** A kind of entity that carries limits. */
export type LimitScopeKind = (typeof LIMIT_SCOPE_KINDS)[number];

export const limitScopeSchema = z.strictObject({
  /** Which kind of entity holds the limit. */
  kind: z.enum(LIMIT_SCOPE_KINDS),
  /**
   * The entity's id: key id (`KeyRecord.keyId`, never the hash, which regenerate changes), user id, team id,
   * `<teamId>/<userId>` for a team member, `<keyId>/<model>` for a per-model limit, any fixed name (e.g. `proxy`) for
   * `global`. Callers must build it the same way on every proxy.
   */
  id: z.string().min(1).max(512),
});

/** One entity that carries limits, e.g. `{ kind: 'team', id: 'team-a' }`. */
export type LimitScope = z.infer<typeof limitScopeSchema>;

/** `team:team-a`: a stable text form for keys and messages. Ids are URI-encoded so `:` in an id stays unambiguous. */
export function scopeKeyOf(scope: LimitScope): string {
  return `${scope.kind}:${encodeURIComponent(scope.id)}`;
}
