import type { Ledger } from '@tollgate/ledger';
import type { AuthDirectory } from '../auth/auth-directory.js';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import type { Logger } from '../observability/create-logger.js';

/** What management routes need: storage, the key cache to invalidate, settings, and a logger. */
export interface ManagementContext {
  ledger: Ledger;
  authDirectory: AuthDirectory;
  config: ProxyConfig;
  /** IANA zone of budget windows (`litellm_settings.timezone`, default UTC). */
  timezone: string;
  logger: Logger;
  /** Names of the model groups the proxy serves (for validating `models` allow-lists). */
  modelGroups: () => readonly string[];
  /** Whether a model name is served: a model group, an alias, or a model a wildcard route (`*`, `openai/*`) matches. */
  servesModel?: (name: string) => boolean;
}
