import { getProviderAdapter } from '@tollgate/providers';

/**
 * The catalogue name `@tollgate/providers` prices a `provider/model` call with: the adapter's own pricing name when
 * it has one (`mock/gpt-4o` → `gpt-4o`), else `provider/model` with aliases resolved. Bare names stay as they are.
 */
export function providersPricingModel(model: string): string {
  const slash = model.indexOf('/');
  if (slash <= 0) return model;
  const adapter = getProviderAdapter(model.slice(0, slash));
  if (!adapter) return model;
  const providerModel = model.slice(slash + 1);
  return adapter.pricingModel?.(providerModel) ?? `${adapter.id}/${providerModel}`;
}
