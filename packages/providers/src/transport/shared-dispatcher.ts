import { Agent, type Dispatcher } from 'undici';

/** Connection settings of the shared agent. */
const CONNECT_TIMEOUT_MS = 10_000;
const KEEP_ALIVE_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_MAX_TIMEOUT_MS = 600_000;

let sharedDispatcher: Dispatcher | undefined;

/**
 * The process-wide undici agent: one keep-alive connection pool per origin, so consecutive calls to a provider
 * reuse warm TLS connections. Created on first use, never at import.
 */
export function getSharedDispatcher(): Dispatcher {
  sharedDispatcher ??= new Agent({
    connect: { timeout: CONNECT_TIMEOUT_MS },
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MAX_TIMEOUT_MS,
  });
  return sharedDispatcher;
}

/** Replaces the shared dispatcher (e.g. a `ProxyAgent`); the previous one is closed. */
export async function setSharedDispatcher(dispatcher: Dispatcher): Promise<void> {
  const previous = sharedDispatcher;
  sharedDispatcher = dispatcher;
  if (previous && previous !== dispatcher) await previous.close();
}
