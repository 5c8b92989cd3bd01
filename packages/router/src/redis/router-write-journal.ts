/** A call this proxy started on a deployment. */
export interface StartWrite {
  kind: 'start';
  /** Order of the write among this store's writes (1, 2, …). */
  seq: number;
  deploymentId: string;
  nowMs: number;
  /** The call's in-flight lease member, `<instanceId>:<sequence>`. */
  member: string;
}

/** A call that ended on a deployment (its start may have been recorded by this proxy or not). */
export interface EndWrite {
  kind: 'end';
  seq: number;
  deploymentId: string;
  nowMs: number;
  /** The lease member to remove, when this proxy started a call there. */
  member: string | undefined;
  /** Whole tokens to add to the minute's count. */
  tokens: number | undefined;
  latency: { kind: 'response' | 'first-chunk'; latencyMs: number } | undefined;
}

export type RouterWrite = StartWrite | EndWrite;

/** A write as the store hands it in; the journal numbers it. */
export type NewRouterWrite = Omit<StartWrite, 'seq'> | Omit<EndWrite, 'seq'>;

/**
 * This proxy's writes that Redis has not confirmed yet, in order: pending ones (not sent) and ones in transit (sent
 * with a command whose reply has not come). Reads add them to the last snapshot read from Redis, so this proxy
 * always sees its own calls, whether or not Redis has them yet.
 */
export class RouterWriteJournal {
  private unconfirmed: RouterWrite[] = [];
  /** Index in `unconfirmed` of the first write not sent yet. */
  private firstPending = 0;
  private lastSeq = 0;
  private lastSentSeq = 0;

  get pendingCount(): number {
    return this.unconfirmed.length - this.firstPending;
  }

  /** The number of the newest write handed out for sending (0 before any): commands sent later run after it. */
  get sentUpTo(): number {
    return this.lastSentSeq;
  }

  add(write: NewRouterWrite): RouterWrite {
    const numbered = { ...write, seq: (this.lastSeq += 1) };
    this.unconfirmed.push(numbered);
    return numbered;
  }

  /** The pending writes, now in transit. */
  takePending(): RouterWrite[] {
    const taken = this.unconfirmed.slice(this.firstPending);
    this.firstPending = this.unconfirmed.length;
    this.lastSentSeq = this.lastSeq;
    return taken;
  }

  /** Forgets writes in transit once their command answered (confirmed) or failed (dropped, like any failed write). */
  forget(writes: readonly RouterWrite[]): void {
    if (writes.length === 0) return;
    const first = writes[0]!.seq;
    const last = writes[writes.length - 1]!.seq;
    const kept = this.unconfirmed.filter((write) => write.seq < first || write.seq > last);
    this.firstPending -= this.unconfirmed.length - kept.length;
    this.unconfirmed = kept;
  }

  /** Unconfirmed writes on one deployment numbered after `seq`, in order. */
  writesAfter(deploymentId: string, seq: number): RouterWrite[] {
    return this.unconfirmed.filter((write) => write.deploymentId === deploymentId && write.seq > seq);
  }
}
