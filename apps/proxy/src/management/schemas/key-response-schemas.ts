import { z } from 'zod';
import { keyInfoSchema } from './litellm-record-schemas.js';

/** A key with its hash, as `/key/update`, `/key/block` and full `/key/list` items show it. */
const keyRecordReply = keyInfoSchema.extend({ token: z.string() });

/** `/key/generate` and `/key/regenerate`: the raw key, shown this once, with its hash as `token` and `token_id`. */
const issuedKeyReply = keyRecordReply.extend({ key: z.string(), token_id: z.string() });

const failedKeyUpdate = z.strictObject({ key: z.string(), key_info: keyRecordReply.nullable(), failed_reason: z.string() });

/** The JSON body each `/key/*` route answers with. */
export const keyResponses = {
  generate: issuedKeyReply,
  serviceAccountGenerate: issuedKeyReply,
  /** LiteLLM echoes the key as passed; this answers with its hash. */
  update: keyRecordReply.extend({ key: z.string() }),
  bulkUpdate: z.strictObject({
    total_requested: z.number().int(),
    successful_updates: z.array(z.strictObject({ key: z.string(), key_info: keyRecordReply })),
    failed_updates: z.array(failedKeyUpdate),
  }),
  info: z.strictObject({ key: z.string(), info: keyInfoSchema }),
  infoMany: z.strictObject({ key: z.array(z.string()), info: z.array(keyRecordReply) }),
  list: z.strictObject({
    /** Hashes, or whole keys with `return_full_object=true`. */
    keys: z.union([z.array(z.string()), z.array(keyRecordReply)]),
    total_count: z.number().int(),
    current_page: z.number().int(),
    total_pages: z.number().int(),
  }),
  delete: z.strictObject({ deleted_keys: z.array(z.string()) }),
  regenerate: issuedKeyReply,
  block: keyRecordReply,
  unblock: keyRecordReply,
};

export type KeyRecordReply = z.output<typeof keyRecordReply>;
export type IssuedKeyReply = z.output<typeof issuedKeyReply>;
export type FailedKeyUpdate = z.output<typeof failedKeyUpdate>;
