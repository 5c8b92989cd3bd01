import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { hashApiKey, openLedger, type Ledger } from '@tollgate/ledger';
import { AuthDirectory } from '../../auth/auth-directory.js';
import { authenticateRequest } from '../../auth/authenticate-request.js';
import { proxyConfigSchema } from '../../config/proxy-config-schema.js';
import { createErrorHandler } from '../../http/error-handler.js';
import { createLogger } from '../../observability/create-logger.js';
import { createManagementRoutes, managementRoutes } from '../create-management-routes.js';
import type { ManagementRoute } from '../management-route.js';

/** The master key of every test server. */
export const TEST_MASTER_KEY = 'sk-management-test-master-0000';

/** Storage a management test runs against. */
export type StorageTarget = 'sqlite' | 'postgres';

let warned = false;

/** SQLite always; PostgreSQL too when DATABASE_URL is set (each server gets a fresh schema, dropped on close). */
export function storageTargets(): StorageTarget[] {
  if (process.env['DATABASE_URL']) return ['sqlite', 'postgres'];
  if (!warned) {
    warned = true;
    console.warn('DATABASE_URL is not set: management tests run on SQLite only, PostgreSQL is skipped');
  }
  return ['sqlite'];
}

/** What a test gets back from {@link ManagementTestServer.call}. */
export interface CallResult {
  status: number;
  /** The parsed JSON body (`any`: tests read arbitrary response fields). */
  body: any;
}

/** A real HTTP server with the management routes, the auth middleware and the error handler, on port 0. */
export interface ManagementTestServer {
  ledger: Ledger;
  authDirectory: AuthDirectory;
  url: string;
  /** Every log line written. */
  logs: string[];
  /** Canonical paths of the routes that answered; each reply was first checked against its route's response schema. */
  answeredRoutes: Set<string>;
  /** Canonical paths of every management route. */
  routePaths: readonly string[];
  /** Calls a route: GET when there is no body (query in the path), POST with a JSON body otherwise. */
  call(path: string, options?: { key?: string; body?: unknown; method?: 'GET' | 'POST' }): Promise<CallResult>;
  close(): Promise<void>;
}

/** Options of {@link startManagementTestServer}. */
export interface StartManagementTestServerOptions {
  /** Model groups the fake proxy serves; default `gpt-4o`, `gpt-4o-mini`, `claude`. */
  modelGroups?: string[];
}

async function openTestLedger(target: StorageTarget): Promise<{ ledger: Ledger; dispose: () => Promise<void> }> {
  if (target === 'sqlite') {
    const ledger = await openLedger({ url: ':memory:' });
    return { ledger, dispose: () => ledger.close() };
  }
  const schema = `management_test_${randomBytes(6).toString('hex')}`;
  const ledger = await openLedger({ url: process.env['DATABASE_URL'] ?? '', schema, poolSize: 4 });
  return {
    ledger,
    dispose: async () => {
      await ledger.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await ledger.close();
    },
  };
}

/** Starts a management server over a fresh ledger. */
export async function startManagementTestServer(target: StorageTarget, options: StartManagementTestServerOptions = {}): Promise<ManagementTestServer> {
  const { ledger, dispose } = await openTestLedger(target);
  const modelGroups = options.modelGroups ?? ['gpt-4o', 'gpt-4o-mini', 'claude'];
  const config = proxyConfigSchema.parse({
    model_list: [
      ...modelGroups.map((name) => ({ model_name: name, litellm_params: { model: `openai/${name}` } })),
      { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' }, model_info: { access_groups: ['beta-models'] } },
    ],
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const authDirectory = new AuthDirectory({ ledger, masterKeyHash: hashApiKey(TEST_MASTER_KEY), ttlMs: 60_000 });
  const app = express();
  app.use(express.json());
  app.use(authenticateRequest(authDirectory));
  const answeredRoutes = new Set<string>();
  const onReply = (route: ManagementRoute, reply: unknown) => {
    const checked = route.response.safeParse(reply);
    if (!checked.success) throw new Error(`${route.paths[0]} answered outside its response schema: ${checked.error.message}`);
    answeredRoutes.add(route.paths[0]);
  };
  const context = { ledger, authDirectory, config, timezone: 'UTC', logger, modelGroups: () => modelGroups };
  app.use(createManagementRoutes(context, { onReply }));
  app.use((_request, response) => {
    response.status(404).json({ error: { message: 'Route not found', type: 'not_found_error', param: null, code: '404' } });
  });
  app.use(createErrorHandler({ logUnexpected: (error) => logger.error({ err: error }, 'unexpected error') }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ledger,
    authDirectory,
    url,
    logs,
    answeredRoutes,
    routePaths: managementRoutes(context).map((route) => route.paths[0]),
    async call(path, callOptions = {}) {
      const method = callOptions.method ?? (callOptions.body === undefined ? 'GET' : 'POST');
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${callOptions.key ?? TEST_MASTER_KEY}`, 'content-type': 'application/json' },
        body: callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispose();
    },
  };
}

/** A unique id for a test's users, teams and customers (the database is shared within a file). */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
