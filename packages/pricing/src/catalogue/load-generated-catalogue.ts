import { compactCatalogueSchema, type CompactCatalogue } from './catalogue-schema.js';

let loaded: CompactCatalogue | undefined;

/**
 * Reads and validates the bundled catalogue once per process: every catalogue instance shares the parsed data, which
 * none modifies (custom models live beside it). Called on first use, never at import: `require` here (not a
 * top-level `import`) is what keeps 360 KB of JSON off the start-up path of programs that never price anything.
 */
export function loadGeneratedCatalogue(): CompactCatalogue {
  if (loaded !== undefined) return loaded;
  const raw: unknown = require('./catalogue.generated.json');
  const parsed = compactCatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`;
    throw new Error(`@tollgate/pricing: the bundled catalogue is invalid${where}; regenerate it with pnpm sync-pricing`);
  }
  loaded = parsed.data;
  return loaded;
}
