import { AuthenticationError, LruCache, ServiceUnavailableError } from '@tollgate/core';
import type { CustomerRecord, Ledger } from '@tollgate/ledger';
import type { AuthContext } from './auth-context.js';
import { KeyHashCache } from './key-hash-cache.js';

export interface AuthDirectoryOptions {
  ledger: Ledger;
  /** The master key's SHA-256 hex, or undefined when no master key is configured. */
  masterKeyHash: string | undefined;
  /** How long a resolved key stays cached; changes made through this proxy invalidate at once. */
  ttlMs?: number;
  /** Keys and customers kept (each), most recently used first. Default 10 000. */
  capacity?: number;
  /** Unknown keys and unknown customers remembered (each), so a repeated bad token costs no database read. Default 1 000. */
  negativeCapacity?: number;
  clock?: () => number;
  /** Told of every local invalidation, so other replicas can apply it (Redis pub/sub in distributed mode). */
  broadcast?: (message: InvalidationMessage) => void;
  /**
   * While the database cannot be read, a key or customer whose cache entry expired at most this long ago is still
   * served from it (invalidated entries are gone, so a revoked key is never served). Default 10 minutes.
   */
  staleIfErrorMs?: number;
  /** Told each time an expired entry is served because the database could not be read. */
  onStaleServed?: (error: unknown) => void;
}

/** A cache invalidation as replicas exchange it. */
export type InvalidationMessage =
  | { kind: 'key'; tokenHash: string }
  | { kind: 'all-keys' }
  | { kind: 'customer'; endUserId: string }
  | { kind: 'all-customers' };

/** A read of one id through the caches: `found` and `unknown` hold its answer, `loads` the read in flight. */
interface LoadOptions<Value> {
  id: string;
  loads: Map<string, Promise<Value | undefined>>;
  load: () => Promise<Value | undefined>;
  found: LruCache<string, Value>;
  unknown: LruCache<string, true>;
}

/** How many entries each cache holds (for tests and metrics). */
export interface AuthCacheSizes {
  keys: number;
  unknownKeys: number;
  customers: number;
  unknownCustomers: number;
}

/**
 * Resolves keys to callers with bounded TTL caches, so steady-state requests never touch the database and random
 * tokens or end-user ids cannot grow memory without bound: found keys and customers in LRUs of `capacity`, unknown
 * ones in small separate LRUs (a flood of bad tokens pushes out other bad tokens, never a valid key). Requests that
 * miss on the same key or customer at once share one database read. Management routes call `invalidate*` after
 * every change; the TTL bounds staleness for changes made elsewhere (another replica without pub/sub, or the
 * database edited by hand).
 */
export class AuthDirectory {
  private readonly keys: LruCache<string, AuthContext>;
  private readonly unknownKeys: LruCache<string, true>;
  private readonly customers: LruCache<string, CustomerRecord>;
  private readonly unknownCustomers: LruCache<string, true>;
  private readonly keyLoads = new Map<string, Promise<AuthContext | undefined>>();
  private readonly customerLoads = new Map<string, Promise<CustomerRecord | undefined>>();
  private readonly clock: () => number;
  private readonly keyHashes = new KeyHashCache();

  constructor(private readonly options: AuthDirectoryOptions) {
    this.clock = options.clock ?? Date.now;
    const cacheOptions = { ttlMs: options.ttlMs ?? 30_000, clock: this.clock };
    const capacity = options.capacity ?? 10_000;
    const negativeCapacity = options.negativeCapacity ?? 1_000;
    this.keys = new LruCache(capacity, cacheOptions);
    this.unknownKeys = new LruCache(negativeCapacity, cacheOptions);
    this.customers = new LruCache(capacity, cacheOptions);
    this.unknownCustomers = new LruCache(negativeCapacity, cacheOptions);
  }

  cacheSizes(): AuthCacheSizes {
    return { keys: this.keys.size, unknownKeys: this.unknownKeys.size, customers: this.customers.size, unknownCustomers: this.unknownCustomers.size };
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

  /** The customer (end user) for an id as calls see it (held to its linked budget object), cached; undefined when unknown. */
  async customer(endUserId: string): Promise<CustomerRecord | undefined> {
    const cached = this.customers.get(endUserId);
    if (cached !== undefined || this.unknownCustomers.has(endUserId)) return cached;
    return this.loadOrServeStale({
      id: endUserId,
      loads: this.customerLoads,
      load: () => this.options.ledger.customers.getForCall(endUserId),
      found: this.customers,
      unknown: this.unknownCustomers,
    });
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

  /** Forget every cached customer (after a budget object changes, which any customer may point at). */
  invalidateAllCustomers(): void {
    this.applyInvalidation({ kind: 'all-customers' });
    this.options.broadcast?.({ kind: 'all-customers' });
  }

  /** Applies an invalidation locally (also what a replica does with one it receives); never rebroadcasts. */
  applyInvalidation(message: InvalidationMessage): void {
    // Dropping an id's load (or all of them) also tells that load, still running, not to cache what it reads.
    if (message.kind === 'key') {
      this.keys.delete(message.tokenHash);
      this.unknownKeys.delete(message.tokenHash);
      this.keyLoads.delete(message.tokenHash);
    } else if (message.kind === 'all-keys') {
      this.keys.clear();
      this.unknownKeys.clear();
      this.keyLoads.clear();
    } else if (message.kind === 'all-customers') {
      this.customers.clear();
      this.unknownCustomers.clear();
      this.customerLoads.clear();
    } else {
      this.customers.delete(message.endUserId);
      this.unknownCustomers.delete(message.endUserId);
      this.customerLoads.delete(message.endUserId);
    }
  }

  private async lookup(tokenHash: string): Promise<AuthContext | undefined> {
    const cached = this.keys.get(tokenHash);
    if (cached !== undefined || this.unknownKeys.has(tokenHash)) return cached;
    return this.loadOrServeStale({ id: tokenHash, loads: this.keyLoads, load: () => this.load(tokenHash), found: this.keys, unknown: this.unknownKeys });
  }

  /**
   * Loads a missing id; when the database cannot be read, serves the expired entry (found or unknown) if it expired
   * recently enough, else answers 503 without saying where the database is.
   */
  private async loadOrServeStale<Value>(options: LoadOptions<Value>): Promise<Value | undefined> {
    try {
      return await this.loadOnce(options);
    } catch (error) {
      const maxStaleMs = this.options.staleIfErrorMs ?? 600_000;
      const found = options.found.peekStale(options.id);
      const unknown = options.unknown.peekStale(options.id);
      const stale = found ?? unknown;
      if (stale !== undefined && stale.expiredForMs <= maxStaleMs) {
        this.options.onStaleServed?.(error);
        return found?.value;
      }
      throw new ServiceUnavailableError('Keys cannot be checked right now: the key store is unavailable. Retry shortly.', { cause: error });
    }
  }

  /** One database read per missing id however many requests wait for it; its answer is cached unless that id was invalidated meanwhile. */
  private loadOnce<Value>(options: LoadOptions<Value>): Promise<Value | undefined> {
    const { id, loads } = options;
    const running = loads.get(id);
    if (running !== undefined) return running;
    const loading = options.load().then(
      (value) => {
        // Still the registered load: no invalidation of this id (or of all) came meanwhile, so its answer is current.
        // An invalidation of another id leaves it alone (replicas' invalidations arrive at any time).
        if (loads.get(id) === loading) {
          loads.delete(id);
          if (value === undefined) options.unknown.set(id, true);
          else options.found.set(id, value);
        }
        return value;
      },
      (error: unknown) => {
        if (loads.get(id) === loading) loads.delete(id);
        throw error;
      },
    );
    loads.set(id, loading);
    return loading;
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
