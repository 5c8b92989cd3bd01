export interface ProxyArgs {
  configPath: string;
  port: number;
  host: string;
}

export const PROXY_USAGE = 'usage: tollgate-proxy [--config FILE] [--port N] [--host ADDRESS]';

/** Parses `--config FILE --port N --host ADDRESS` (also `--flag=value`); env PORT/HOST as fallbacks. */
export function parseProxyArgs(argv: readonly string[], env: Record<string, string | undefined>): ProxyArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--help' || arg === '-h') throw new Error(PROXY_USAGE);
    const match = /^--(config|port|host)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}\n${PROXY_USAGE}`);
    const value = match[2] ?? argv[(index += 1)];
    if (value === undefined) throw new Error(`--${match[1]!} needs a value\n${PROXY_USAGE}`);
    values.set(match[1] as string, value);
  }
  const port = Number(values.get('port') ?? env['PORT'] ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${values.get('port') ?? env['PORT'] ?? ''}`);
  return {
    configPath: values.get('config') ?? env['TOLLGATE_CONFIG'] ?? 'config.yaml',
    port,
    host: values.get('host') ?? env['HOST'] ?? '127.0.0.1',
  };
}
