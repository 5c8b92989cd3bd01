import { z } from 'zod';
import { keyInfoSchema, teamInfoSchema, teamMembershipSchema, userInfoSchema } from './litellm-record-schemas.js';

const userUpdateResult = z.strictObject({
  user_id: z.string().nullable(),
  user_email: z.string().nullable(),
  success: z.boolean(),
  error: z.string().optional(),
  updated_user: userInfoSchema.optional(),
});

/** The JSON body each `/user/*` route answers with. */
export const userResponses = {
  /** The user, its teams, and the key issued with it (all null when none was). */
  new: userInfoSchema.extend({
    teams: z.array(z.string()),
    key: z.string().nullable(),
    token: z.string().nullable(),
    key_name: z.string().nullable(),
    key_alias: z.string().nullable(),
    expires: z.iso.datetime().nullable(),
  }),
  /** `user_info` is null for a user known only from keys that name it. */
  info: z.strictObject({
    user_id: z.string(),
    user_info: userInfoSchema.nullable(),
    keys: z.array(keyInfoSchema.extend({ token: z.string() })),
    teams: z.array(teamInfoSchema),
    /** The user's memberships: spend and budget per team. */
    team_memberships: z.array(teamMembershipSchema),
  }),
  update: userInfoSchema,
  bulkUpdate: z.strictObject({
    results: z.array(userUpdateResult),
    total_requested: z.number().int(),
    successful_updates: z.number().int(),
    failed_updates: z.number().int(),
  }),
  delete: z.strictObject({ deleted_users: z.array(z.string()), deleted_keys: z.array(z.string()) }),
  list: z.strictObject({
    users: z.array(userInfoSchema.extend({ key_count: z.number().int() })),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    total_pages: z.number().int(),
  }),
};

export type UserUpdateResult = z.output<typeof userUpdateResult>;
