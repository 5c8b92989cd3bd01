import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

const ENV_REFERENCE = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * Which master key to use, for the start-up banner. The key itself is shown only when config.yaml holds it as
 * plain text (the development setup): a key from the environment is named by its variable, never printed.
 */
export async function describeMasterKey(options: {
  env: Record<string, string | undefined>;
  configPath: string;
  configuredKey: string | undefined;
}): Promise<string> {
  for (const variable of ['TOLLGATE_MASTER_KEY', 'LITELLM_MASTER_KEY']) {
    if (options.env[variable] !== undefined) return `from the ${variable} environment variable`;
  }
  if (options.configuredKey === undefined) return 'none: set general_settings.master_key or TOLLGATE_MASTER_KEY to manage keys';
  const where = `(general_settings.master_key in ${options.configPath})`;
  const written = await writtenMasterKey(options.configPath);
  const reference = typeof written === 'string' ? ENV_REFERENCE.exec(written.trim()) : null;
  if (reference) return `from ${reference[1]!} ${where}`;
  return written === options.configuredKey ? `${options.configuredKey} ${where}` : `set ${where}`;
}

/** The master key exactly as written in the config file (before `os.environ/` references are resolved). */
async function writtenMasterKey(configPath: string): Promise<unknown> {
  try {
    const raw = parseYaml(await readFile(configPath, 'utf8')) as { general_settings?: { master_key?: unknown } } | null;
    return raw?.general_settings?.master_key;
  } catch {
    return undefined;
  }
}
