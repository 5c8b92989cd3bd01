import { Gauge, type Registry } from 'prom-client';
import type { AuthCacheSizes } from '../auth/auth-directory.js';

/** `tollgate_auth_cache_entries{cache}`: entries held by each auth cache, read when scraped (nothing on the hot path). */
export function registerAuthCacheMetrics(registry: Registry, sizes: () => AuthCacheSizes): void {
  new Gauge({
    name: 'tollgate_auth_cache_entries',
    help: 'Entries held by the auth caches (keys, unknown keys, customers, unknown customers); each is bounded',
    labelNames: ['cache'] as const,
    registers: [registry],
    collect() {
      for (const [cache, size] of Object.entries<number>({ ...sizes() })) this.set({ cache }, size);
    },
  });
}
