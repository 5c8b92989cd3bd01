import { readFile } from 'node:fs/promises';
import { checkRouterConfig } from '@tollgate/router';
import { parse as parseYaml } from 'yaml';
import { resolveEnvReferences, type UnresolvedReference } from './resolve-env-references.js';
import { proxyConfigSchema, type ProxyConfig } from './proxy-config-schema.js';

/** Start-up configuration error: the message lists every bad field by its path. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadedProxyConfig {
  config: ProxyConfig;
  /** `os.environ/NAME` references whose variable is unset (left undefined, as LiteLLM does). */
  unresolved: UnresolvedReference[];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    return out === '' ? String(segment) : `${out}.${String(segment)}`;
  }, '');
}

/** `invalid config: path: message` on one line for one problem; else one problem per indented line. */
function invalidConfig(issues: readonly { path: string; message: string }[]): ConfigError {
  const lines = issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
  return new ConfigError(lines.length === 1 ? `invalid config: ${lines[0]!}` : `invalid config:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}

/**
 * Parses config text: YAML → `environment_variables` exported into `env` (without overriding what is already set)
 * → `os.environ/` references resolved → zod validation.
 */
export function parseProxyConfig(text: string, env: Record<string, string | undefined> = process.env): LoadedProxyConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(`config is not valid YAML: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('config must be a YAML mapping with model_list, router_settings, ... at the top level');
  }
  const variables = (raw as Record<string, unknown>)['environment_variables'];
  if (variables && typeof variables === 'object') {
    for (const [name, value] of Object.entries(variables)) {
      if (env[name] === undefined && value !== null && value !== undefined) env[name] = String(value);
    }
  }
  const unresolved: UnresolvedReference[] = [];
  const resolved = resolveEnvReferences(raw, env, unresolved);
  const result = proxyConfigSchema.safeParse(resolved);
  if (!result.success) throw invalidConfig(result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  // Across entries (duplicate deployment ids, fallbacks naming no group): here, so that start-up never meets them.
  const crossIssues = checkRouterConfig({ modelList: result.data.model_list, routerSettings: result.data.router_settings });
  if (crossIssues.length > 0) throw invalidConfig(crossIssues);
  return { config: result.data, unresolved };
}

/** Reads and parses a config file; a missing file is a ConfigError naming it. */
export async function loadProxyConfig(
  file: string,
  env: Record<string, string | undefined> = process.env,
): Promise<LoadedProxyConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseProxyConfig(text, env);
}
