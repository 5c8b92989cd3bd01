import type { Deployment } from './deployment.js';

/** A data-residency region a caller may be confined to (LiteLLM's `allowed_model_region`). */
export type ModelRegion = 'eu' | 'us';

/** Cloud region names (Azure, AWS, GCP) by residency; a name not listed counts as neither. */
const AZURE_EU = new Set(['westeurope', 'northeurope', 'francecentral', 'francesouth', 'germanywestcentral', 'germanynorth', 'swedencentral', 'swedensouth', 'polandcentral', 'italynorth', 'spaincentral', 'norwayeast', 'norwaywest', 'switzerlandnorth', 'switzerlandwest']);
const AZURE_US = new Set(['eastus', 'eastus2', 'westus', 'westus2', 'westus3', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus']);

/**
 * The residency of a deployment from its `litellm_params.region_name`: `eu`/`us` themselves, AWS `eu-*`/`us-*`,
 * GCP `europe-*`/`us-*`, and Azure's European and US region names. Undefined when unset or elsewhere: such a
 * deployment never serves a caller confined to a region.
 */
export function regionOfDeployment(deployment: Deployment): ModelRegion | undefined {
  const name = deployment.litellmParams.region_name;
  if (typeof name !== 'string') return undefined;
  const region = name.trim().toLowerCase();
  if (region === 'eu' || region.startsWith('eu-') || region.startsWith('europe-') || AZURE_EU.has(region)) return 'eu';
  if (region === 'us' || region.startsWith('us-') || AZURE_US.has(region)) return 'us';
  return undefined;
}
