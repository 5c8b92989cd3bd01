import { z } from 'zod';
import { keyInfoSchema, teamInfoSchema, teamMembershipSchema, userInfoSchema } from './litellm-record-schemas.js';

const teamKeys = z.array(keyInfoSchema.extend({ token: z.string() }));
const teamMemberships = z.array(teamMembershipSchema);

/** The JSON body each `/team/*` route answers with. */
export const teamResponses = {
  new: teamInfoSchema,
  update: z.strictObject({ team_id: z.string(), data: teamInfoSchema }),
  info: z.strictObject({ team_id: z.string(), team_info: teamInfoSchema, keys: teamKeys, team_memberships: teamMemberships }),
  list: z.array(teamInfoSchema.extend({ keys: teamKeys, team_memberships: teamMemberships })),
  delete: z.strictObject({ deleted_teams: z.array(z.string()), deleted_keys: z.array(z.string()) }),
  memberAdd: teamInfoSchema.extend({ updated_users: z.array(userInfoSchema), updated_team_memberships: teamMemberships }),
  /** The team, and the hashes of the member's keys in it (deleted with the membership). */
  memberDelete: teamInfoSchema.extend({ deleted_keys: z.array(z.string()) }),
  memberUpdate: z.strictObject({
    team_id: z.string(),
    user_id: z.string(),
    user_email: z.string().nullable(),
    role: z.enum(['admin', 'user']),
    max_budget_in_team: z.number().nullable(),
    tpm_limit: z.number().int().nullable(),
    rpm_limit: z.number().int().nullable(),
  }),
  block: teamInfoSchema,
  unblock: teamInfoSchema,
};
