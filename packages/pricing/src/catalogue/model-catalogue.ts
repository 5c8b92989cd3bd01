import { costInCatalogue } from '../cost/cost-in-catalogue.js';
import type { CostResult } from '../cost/cost-result.js';
import type { PriceableUsage } from '../cost/priceable-usage.js';
import { compactCatalogueSchema, type CompactCatalogue, type CompactEntry } from './catalogue-schema.js';
import { mergeEntry, parseCustomModelInfo, type CustomModelInfo } from './custom-model-info.js';
import { loadGeneratedCatalogue } from './load-generated-catalogue.js';
import { toModelInfo, type ModelInfo } from './model-info.js';
import { providerMatches } from './provider-family.js';
import { UnknownModelError } from './unknown-model-error.js';

/** Options of {@link ModelCatalogue}. */
export interface ModelCatalogueOptions {
  /**
   * Supplies the compact catalogue (validated on first use). Defaults to the bundled, generated one; tests pass a
   * small literal.
   */
  load?: () => unknown;
}

/** The outcome of looking a name up: the model, or why there is none (`candidates`: the keys an ambiguous name matches). */
export type ModelLookup =
  | { found: true; info: ModelInfo }
  | { found: false; reason: 'unknown' | 'ambiguous'; candidates: readonly string[] };

/** Filter of {@link ModelCatalogue.listModels}. */
export interface ListModelsFilter {
  /** Provider id or LiteLLM provider (`vertex_ai` lists every `vertex_ai-*` sub-catalogue). */
  provider?: string;
  /** `chat`, `embedding`, ... */
  mode?: string;
}

interface CustomEntry {
  entry: CompactEntry;
  info: ModelInfo;
}

const MAX_SUGGESTIONS = 3;

/**
 * The model catalogue: bundled LiteLLM-derived data plus prices registered at run time, which win. Loads nothing
 * until first asked. Names resolve in this order:
 * 1. a custom model registered under exactly that name; 2. a catalogue key equal to the name;
 * 3. `provider/model` where `model` is a key (or custom name) of that provider (`anthropic/claude-sonnet-4-5` →
 *    `claude-sonnet-4-5`); 4. a bare name listed only as `<provider>/<name>` (`glm-4.6` → `zai/glm-4.6`) — when
 *    several providers list it, the name is ambiguous and does not resolve.
 */
export class ModelCatalogue {
  readonly #load: () => unknown;
  #data: CompactCatalogue | undefined;
  #bareIndex: Map<string, string[]> | undefined;
  readonly #infos = new Map<string, ModelInfo>();
  readonly #custom = new Map<string, CustomEntry>();

  constructor(options: ModelCatalogueOptions = {}) {
    this.#load = options.load ?? loadGeneratedCatalogue;
  }

  /** Where the bundled data came from: source file sha256, upstream commit, model count. */
  get source(): CompactCatalogue['source'] {
    return this.#catalogue().source;
  }

  /** Looks a name up without throwing. */
  findModel(name: string): ModelLookup {
    const custom = this.#custom.get(name);
    if (custom !== undefined) return { found: true, info: custom.info };
    const exact = this.#catalogueInfo(name);
    if (exact !== undefined) return { found: true, info: exact };

    const slash = name.indexOf('/');
    if (slash > 0) {
      const provider = name.slice(0, slash);
      const rest = name.slice(slash + 1);
      const inner = this.#custom.get(rest)?.info ?? this.#catalogueInfo(rest);
      if (inner !== undefined && providerMatches(provider, inner.litellmProvider)) return { found: true, info: inner };
    }

    const listed = this.#bareIndexOf().get(name) ?? [];
    if (listed.length === 1 && listed[0] !== undefined) {
      const info = this.#catalogueInfo(listed[0]);
      if (info !== undefined) return { found: true, info };
    }
    if (listed.length > 1) return { found: false, reason: 'ambiguous', candidates: listed };
    return { found: false, reason: 'unknown', candidates: [] };
  }

  /** The model's info, or undefined when the name does not resolve. */
  findModelInfo(name: string): ModelInfo | undefined {
    const lookup = this.findModel(name);
    return lookup.found ? lookup.info : undefined;
  }

  /** The model's info, or undefined when the name does not resolve (same as {@link findModelInfo}). */
  lookup(name: string): ModelInfo | undefined {
    return this.findModelInfo(name);
  }

  /**
   * The exact cost of a call at this catalogue's prices, in integer nano-USD (see `completionCost`): `{priced: false}`
   * for an unknown or unpriced model, never a silent 0.
   */
  costOf(model: string, usage: PriceableUsage): CostResult {
    return costInCatalogue(this, model, usage);
  }

  /** The model's info. Throws {@link UnknownModelError} (404) when the name is unknown or ambiguous. */
  getModelInfo(name: string): ModelInfo {
    const lookup = this.findModel(name);
    if (lookup.found) return lookup.info;
    // Suggestions scan every key, so they are computed here, on the error path, and not in findModel.
    const candidates = lookup.reason === 'unknown' ? this.#suggest(name) : lookup.candidates;
    throw new UnknownModelError(name, { reason: lookup.reason, candidates });
  }

  /**
   * Resolves a model name without a provider (`gpt-4o`, `glm-4.6`) to `{provider, model}`; undefined when the
   * catalogue does not know it or several providers list it. Used by core's model-reference parsing.
   */
  resolveBareModel(name: string): { provider: string; model: string } | undefined {
    const info = this.findModelInfo(name);
    return info === undefined ? undefined : { provider: info.provider, model: info.model };
  }

  /** Every model (custom ones included, which replace a catalogue entry of the same key), sorted by key. */
  listModels(filter: ListModelsFilter = {}): ModelInfo[] {
    const keys = new Set([...Object.keys(this.#catalogue().models), ...this.#custom.keys()]);
    const result: ModelInfo[] = [];
    for (const key of [...keys].sort()) {
      const info = this.#custom.get(key)?.info ?? this.#catalogueInfo(key);
      if (info === undefined) continue;
      if (filter.provider !== undefined && !providerMatches(filter.provider, info.litellmProvider)) continue;
      if (filter.mode !== undefined && info.mode !== filter.mode) continue;
      result.push(info);
    }
    return result;
  }

  /**
   * Registers prices/limits for a model under `name`, in LiteLLM's `model_info` field names with USD-per-token
   * prices (converted exactly; a price finer than 1e-15 USD is refused). When `name` (or `base_model`) resolves to a
   * known model, the given fields are laid over its data; otherwise they stand alone. Throws BadRequestError naming
   * the bad field.
   */
  registerModel(name: string, info: CustomModelInfo): ModelInfo {
    return this.#register(name, info, `model_info`);
  }

  /** Registers several models at once; nothing is registered when any entry is invalid. */
  registerModels(models: Readonly<Record<string, CustomModelInfo>>): ModelInfo[] {
    const staged = new Map<string, CustomEntry>();
    for (const [name, info] of Object.entries(models)) {
      staged.set(name, this.#prepare(name, info, `${name}.model_info`));
    }
    for (const [name, entry] of staged) this.#custom.set(name, entry);
    return [...staged.values()].map((entry) => entry.info);
  }

  /** Removes a custom model; true when there was one. */
  unregisterModel(name: string): boolean {
    return this.#custom.delete(name);
  }

  /** Removes every custom model (for tests and config reloads). */
  resetCustomModels(): void {
    this.#custom.clear();
  }

  #register(name: string, info: CustomModelInfo, param: string): ModelInfo {
    const entry = this.#prepare(name, info, param);
    this.#custom.set(name, entry);
    return entry.info;
  }

  #prepare(name: string, input: CustomModelInfo, param: string): CustomEntry {
    if (name.length === 0) throw new TypeError('registerModel needs a non-empty model name');
    const override = parseCustomModelInfo(input, param);
    const baseName = override.baseModel ?? name;
    const baseLookup = this.findModel(baseName);
    if (override.baseModel !== undefined && !baseLookup.found) {
      throw new UnknownModelError(override.baseModel, { reason: baseLookup.reason, candidates: baseLookup.candidates });
    }
    const base = baseLookup.found ? this.#compactOf(baseLookup.info) : undefined;
    const slash = name.indexOf('/');
    const prefix = slash > 0 ? name.slice(0, slash) : undefined;
    // A deployment priced like another model (`azure/my-deployment` with base_model gpt-4o) keeps its own provider.
    if (override.baseModel !== undefined && prefix !== undefined) override.provider ??= prefix;
    const entry = mergeEntry(base, override, { defaultProvider: prefix ?? 'custom', param });
    return { entry, info: toModelInfo(name, entry, 'custom') };
  }

  #compactOf(info: ModelInfo): CompactEntry | undefined {
    return info.origin === 'custom' ? this.#custom.get(info.key)?.entry : this.#catalogue().models[info.key];
  }

  #catalogue(): CompactCatalogue {
    if (this.#data === undefined) {
      const raw = this.#load();
      // The bundled loader validates already; data passed in by callers is validated here.
      this.#data = this.#load === loadGeneratedCatalogue ? (raw as CompactCatalogue) : compactCatalogueSchema.parse(raw);
    }
    return this.#data;
  }

  #catalogueInfo(key: string): ModelInfo | undefined {
    const cached = this.#infos.get(key);
    if (cached !== undefined) return cached;
    const models = this.#catalogue().models;
    if (!Object.hasOwn(models, key)) return undefined;
    const entry = models[key];
    if (entry === undefined) return undefined;
    const info = toModelInfo(key, entry, 'catalogue');
    this.#infos.set(key, info);
    return info;
  }

  /** Bare name → the `<provider>/<name>` keys that list it, for names that have no bare key of their own. */
  #bareIndexOf(): Map<string, string[]> {
    if (this.#bareIndex !== undefined) return this.#bareIndex;
    const models = this.#catalogue().models;
    const index = new Map<string, string[]>();
    for (const [key, entry] of Object.entries(models)) {
      const slash = key.indexOf('/');
      if (slash <= 0) continue;
      const rest = key.slice(slash + 1);
      if (Object.hasOwn(models, rest) || !providerMatches(key.slice(0, slash), entry.p)) continue;
      const keys = index.get(rest) ?? [];
      keys.push(key);
      index.set(rest, keys);
    }
    this.#bareIndex = index;
    return index;
  }

  /** A few keys that end with, or start with, the name's last segment: cheap "did you mean". */
  #suggest(name: string): string[] {
    const needle = (name.split('/').pop() ?? name).toLowerCase();
    if (needle.length < 3) return [];
    const keys = Object.keys(this.#catalogue().models);
    const tail = (key: string) => (key.split('/').pop() ?? key).toLowerCase();
    const close = keys.filter((key) => {
      const last = tail(key);
      return last.length >= 3 && (last.startsWith(needle) || needle.startsWith(last));
    });
    const distance = (key: string) => Math.abs(tail(key).length - needle.length);
    return close.sort((a, b) => distance(a) - distance(b) || a.length - b.length).slice(0, MAX_SUGGESTIONS);
  }
}
