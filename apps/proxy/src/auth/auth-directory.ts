import { AuthenticationError } from '@tollgate/core';
import type { CustomerRecord, Ledger } from '@tollgate/ledger';
import type { AuthContext } from './auth-context.js';
import { KeyHashCache } from './key-hash-cache.js';

export interface AuthDirectoryOptions {
  ledger: Ledger;
  /** The master key's SHA-256 hex, or undefined when no master key is configured. */
  masterKeyHash: string | undefined;
  /** How long a resolved key stays cached; changes made through this proxy invalidate at once. */
  ttlMs?: number;
  clock?: () => number;
  /** Told of every local invalidation, so other replicas can apply it (Redis pub/sub in distributed mode). */
  broadcast?: (message: InvalidationMessage) => void;
}

/** A cache invalidation as replicas exchange it. */
export type InvalidationMessage = { kind: 'key'; tokenHash: string } | { kind: 'all-keys' } | { kind: 'customer'; endUserId: string };

interface CacheEntry<T> {
  value: T;
  expiresAtMs: number;
}

/**
 * Resolves keys to callers with a TTL cache, so steady-state requests never touch the database. Management routes
 * call `invalidate*` after every change; the TTL bounds staleness for changes made elsewhere (another replica
 * without pub/sub, or the database edited by hand).
 */
export class AuthDirectory {
  private readonly keys = new Map<string, CacheEntry<AuthContext | undefined>>();
  private readonly customers = new Map<string, CacheEntry<CustomerRecord | undefined>>();
  private readonly ttlMs: number;
  private readonly clock: () => number;
  private readonly keyHashes = new KeyHashCache();

  constructor(private readonly options: AuthDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The caller for a raw key, or AuthenticationError (unknown, blocked, expired). */
  async authenticate(rawKey: string | undefined): Promise<AuthContext> {
    if (rawKey === undefined || rawKey === '') {
      throw new AuthenticationError('No API key provided. Pass it as "Authorization: Bearer sk-...".', { code: '401' });
    }
    const tokenHash = this.keyHashes.hashOf(rawKey);
    if (this.options.masterKeyHash !== undefined && tokenHash === this.options.masterKeyHash) {
      return { kind: 'master', tokenHash };
    }
    const auth = await this.lookup(tokenHash);
    if (auth === undefined || auth.kind !== 'virtual') {
      throw new AuthenticationError('Authentication Error, Invalid proxy server token passed. Key not found.', { code: '401' });
    }
    if (auth.key.blocked) {
      throw new AuthenticationError('Authentication Error, Key is blocked.', { code: '401', type: 'auth_error' });
    }
    if (auth.key.expires !== null && auth.key.expires.getTime() <= this.clock()) {
      throw new AuthenticationError(`Authentication Error - Expired Key. Key Expiry time ${auth.key.expires.toISOString()}`, {
        code: '401',
        type: 'expired_key',
      });
    }
    if (auth.team?.blocked) {
      throw new AuthenticationError(`Team=${auth.team.teamId} is blocked. Update via /team/unblock if you are an admin.`, {
        code: '401',
        type: 'team_blocked',
      });
    }
    return auth;
  }

  /** The customer (end user) row for an id, cached; undefined when unknown. */
  async customer(endUserId: string): Promise<CustomerRecord | undefined> {
    const cached = this.customers.get(endUserId);
    if (cached !== undefined && cached.expiresAtMs > this.clock()) return cached.value;
    const value = await this.options.ledger.customers.get(endUserId);
    this.customers.set(endUserId, { value, expiresAtMs: this.clock() + this.ttlMs });
    return value;
  }

  /** Forget one key (after update, block, delete, regenerate). */
  invalidateKey(tokenHash: string): void {
    this.applyInvalidation({ kind: 'key', tokenHash });
    this.options.broadcast?.({ kind: 'key', tokenHash });
  }

  /** Forget every cached key (after a user or team change, which any key may embed). */
  invalidateAllKeys(): void {
    this.applyInvalidation({ kind: 'all-keys' });
    this.options.broadcast?.({ kind: 'all-keys' });
  }

  /** Forget a customer (after a customer change). */
  invalidateCustomer(endUserId: string): void {
    this.applyInvalidation({ kind: 'customer', endUserId });
    this.options.broadcast?.({ kind: 'customer', endUserId });
  }

  /** Applies an invalidation locally (also what a replica does with one it receives); never rebroadcasts. */
  applyInvalidation(message: InvalidationMessage): void {
    if (message.kind === 'key') this.keys.delete(message.tokenHash);
    else if (message.kind === 'all-keys') this.keys.clear();
    else this.customers.delete(message.endUserId);
  }

  private async lookup(tokenHash: string): Promise<AuthContext | undefined> {
    const cached = this.keys.get(tokenHash);
    if (cached !== undefined && cached.expiresAtMs > this.clock()) return cached.value;
    const value = await this.load(tokenHash);
    this.keys.set(tokenHash, { value, expiresAtMs: this.clock() + this.ttlMs });
    return value;
  }

  private async load(tokenHash: string): Promise<AuthContext | undefined> {
    const { ledger } = this.options;
    const key = await ledger.keys.findForAuth(tokenHash);
    if (key === undefined) return undefined;
    const [user, team] = await Promise.all([
      key.userId === null ? undefined : ledger.users.get(key.userId),
      key.teamId === null ? undefined : ledger.teams.get(key.teamId),
    ]);
    const membership =
      key.userId !== null && key.teamId !== null ? await ledger.teamMembers.get(key.teamId, key.userId) : undefined;
    return { kind: 'virtual', tokenHash: key.tokenHash, key, user, team, membership };
  }
}
