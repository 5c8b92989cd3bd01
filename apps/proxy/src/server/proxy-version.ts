import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const proxyManifestSchema = z.object({ version: z.string().min(1) });

/**
 * The version in the proxy's package.json, so that a release (`pnpm version-packages`) is the only place it changes.
 * Built (`dist/server/`) and source (`src/server/`) files both sit two folders below it.
 */
export function readProxyVersion(packageJsonPath = join(__dirname, '..', '..', 'package.json')): string {
  return proxyManifestSchema.parse(JSON.parse(readFileSync(packageJsonPath, 'utf8'))).version;
}

/** Read once, at start-up. */
export const PROXY_VERSION = readProxyVersion();
