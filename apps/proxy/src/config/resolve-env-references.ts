/** A value `os.environ/NAME` in config.yaml means "the environment variable NAME" (LiteLLM's convention). */
const ENV_REFERENCE = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;

export interface UnresolvedReference {
  /** Config path of the value, e.g. `model_list[0].litellm_params.api_key`. */
  path: string;
  /** The environment variable it names. */
  variable: string;
}

/**
 * Replaces every `os.environ/NAME` string in a parsed YAML tree with the variable's value. Missing variables are
 * collected (not thrown) so that one start-up error can list all of them with their paths.
 */
export function resolveEnvReferences(
  value: unknown,
  env: Record<string, string | undefined>,
  missing: UnresolvedReference[] = [],
  path = '',
): unknown {
  if (typeof value === 'string') {
    const match = ENV_REFERENCE.exec(value.trim());
    if (!match) return value;
    const variable = match[1] as string;
    const resolved = env[variable];
    if (resolved === undefined) missing.push({ path, variable });
    return resolved;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => resolveEnvReferences(item, env, missing, `${path}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = resolveEnvReferences(item, env, missing, path === '' ? key : `${path}.${key}`);
    }
    return out;
  }
  return value;
}
