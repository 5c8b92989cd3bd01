/** One budget window's live counter in memory: committed spend, and reservations that end by settle or lease. */
export class MemoryBudgetCounter {
  private heldNano = 0;
  /** No lease ends before this instant, so most sweeps skip the scan. */
  private earliestLeaseEndMs = Number.POSITIVE_INFINITY;
  private readonly reservations = new Map<string, { amountNano: number; leaseExpiresAtMs: number }>();
  /** The soft budget was reported in this window. */
  softCrossed = false;

  constructor(
    public spendNano: number,
    /** When the counter may be dropped (epoch ms); 0 = never. */
    readonly expireAtMs: number,
  ) {}

  /** Live reservations (call `dropExpired` first). */
  get reservedNano(): number {
    return this.heldNano;
  }

  dropExpired(nowMs: number): void {
    if (nowMs < this.earliestLeaseEndMs) return;
    this.earliestLeaseEndMs = Number.POSITIVE_INFINITY;
    for (const [requestId, reservation] of this.reservations) {
      if (reservation.leaseExpiresAtMs <= nowMs) this.endReservation(requestId);
      else this.earliestLeaseEndMs = Math.min(this.earliestLeaseEndMs, reservation.leaseExpiresAtMs);
    }
  }

  hold(requestId: string, amountNano: number, leaseExpiresAtMs: number): void {
    this.reservations.set(requestId, { amountNano, leaseExpiresAtMs });
    this.heldNano += amountNano;
    this.earliestLeaseEndMs = Math.min(this.earliestLeaseEndMs, leaseExpiresAtMs);
  }

  /** Ends the request's reservation if it still holds one. */
  endReservation(requestId: string): void {
    const reservation = this.reservations.get(requestId);
    if (!reservation) return;
    this.heldNano -= reservation.amountNano;
    this.reservations.delete(requestId);
  }

  /** What the reservations would be at `nowMs`, without changing anything. */
  liveReservedNano(nowMs: number): number {
    let reserved = 0;
    for (const reservation of this.reservations.values()) {
      if (reservation.leaseExpiresAtMs > nowMs) reserved += reservation.amountNano;
    }
    return reserved;
  }
}
