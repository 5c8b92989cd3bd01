import type { RequestHandler } from 'express';
import { PermissionDeniedError } from '@tollgate/core';
import { isProxyAdmin } from '../auth/auth-context.js';
import { authOf } from '../auth/authenticate-request.js';

/** A dependency readiness depends on, checked by resolving `check` (rejecting or timing out means down). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<unknown>;
}

const CHECK_TIMEOUT_MS = 5_000;

async function timed(check: () => Promise<unknown>): Promise<{ status: 'connected' | 'not connected'; latency_ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS)))]);
    return { status: 'connected', latency_ms: Math.round(performance.now() - started) };
  } catch {
    // What failed and where stays out of the answer (it may name hosts); the status says enough to act on.
    return { status: 'not connected', latency_ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health/readiness/details` (proxy admins): each dependency's status and round-trip time, the version and
 * uptime; 503 when one is down. `/health/readiness` stays the public, one-line probe.
 */
export function createReadinessDetailsHandler(options: { checks: readonly ReadinessCheck[]; version: string; startedAtMs: number }): RequestHandler {
  return async (_request, response) => {
    if (!isProxyAdmin(authOf(response))) throw new PermissionDeniedError('Only proxy admins may read readiness details', { code: '403' });
    const results = await Promise.all(options.checks.map(async ({ name, check }) => [name, await timed(check)] as const));
    const healthy = results.every(([, result]) => result.status === 'connected');
    response.status(healthy ? 200 : 503).json({
      status: healthy ? 'healthy' : 'unhealthy',
      services: Object.fromEntries(results),
      litellm_version: options.version,
      tollgate_version: options.version,
      uptime_seconds: Math.round((Date.now() - options.startedAtMs) / 1000),
    });
  };
}
