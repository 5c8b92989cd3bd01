// The LiteLLM-shaped serializers the spend routes apply. They belong to the proxy (apps/proxy/src/management/litellm),
// not to a package, so they are loaded from the proxy's build, which `pnpm exec tsc -b` writes with the ledger's.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LITELLM_BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps/proxy/dist/management/litellm');

function load(file) {
  const built = path.join(LITELLM_BUILD, file);
  if (!existsSync(built)) throw new Error(`${built} is missing: build first (pnpm exec tsc -b)`);
  return createRequire(import.meta.url)(built);
}

export const { toLiteLLMSpendLog } = load('to-litellm-spend-log.js');
export const { toLiteLLMKeySpendReport, toLiteLLMSpendReport, toLiteLLMSpendSummary } = load('to-litellm-spend-report.js');
