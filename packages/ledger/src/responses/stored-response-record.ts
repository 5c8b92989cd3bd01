/** A Response kept in the ledger, with who made it. */
export interface StoredResponseRecord {
  /** `resp_…` */
  responseId: string;
  /** Id of the key that made it (null for the master key). */
  keyId: string | null;
  /** Team of that key, when it had one. */
  teamId: string | null;
  /** The response it continued, when it did. */
  previousResponseId: string | null;
  /** The input items of its own turn (without the earlier turns'), as sent. */
  inputItems: unknown[];
  /** The Response object as answered. */
  response: Record<string, unknown>;
  createdAt: Date;
}

/** Who reads a stored response: the master key (everything), or a key and its team. */
export type ResponseReader = { kind: 'master' } | { kind: 'key'; keyId: string; teamId: string | null };
