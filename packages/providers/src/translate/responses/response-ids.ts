import { randomBytes } from 'node:crypto';

/** Makes the ids of a Response and its items (`resp_…`, `msg_…`, `fc_…`, `rs_…`); injected so tests are exact. */
export type NewResponseId = (prefix: 'resp' | 'msg' | 'fc' | 'rs') => string;

/** Random ids in OpenAI's shape: the prefix, `_`, 48 hex digits. */
export const randomResponseId: NewResponseId = (prefix) => `${prefix}_${randomBytes(24).toString('hex')}`;
