'use strict';
// Pure conversion: LiteLLM's price map (parsed JSON) → Tollgate's compact catalogue. No I/O here.
// The compact format is documented in packages/pricing/src/catalogue/catalogue-schema.ts, which validates it on load.
const { usdPerTokenToNanoUsdPerMillion } = require('./exact-price.cjs');

/** Bumped when the compact format changes; the loader refuses versions it does not know. */
const CATALOGUE_VERSION = 1;

/** LiteLLM price field → short key in the catalogue (`c` objects). All in nano-USD per 1M tokens. */
const PRICE_FIELDS = {
  input_cost_per_token: 'i',
  output_cost_per_token: 'o',
  cache_read_input_token_cost: 'cr',
  cache_creation_input_token_cost: 'cw',
  cache_creation_input_token_cost_above_1hr: 'cw1h',
  output_cost_per_reasoning_token: 'r',
};

/** LiteLLM capability flag → short code in the catalogue's `f` string (`!code` = explicitly false). */
const FLAG_FIELDS = {
  supports_function_calling: 'fc',
  supports_parallel_function_calling: 'pfc',
  supports_tool_choice: 'tc',
  supports_vision: 'vis',
  supports_reasoning: 'rsn',
  supports_response_schema: 'rs',
  supports_prompt_caching: 'pc',
  supports_system_messages: 'sys',
  supports_audio_input: 'ain',
  supports_audio_output: 'aout',
  supports_pdf_input: 'pdf',
  supports_web_search: 'web',
};

const LIMIT_FIELDS = { max_input_tokens: 'mi', max_output_tokens: 'mo', max_tokens: 'mt' };

/** `<price field>_above_<N>[k]_tokens`: the tiered price once the prompt exceeds N tokens. */
const ABOVE_THRESHOLD = /^(.+)_above_(\d+)(k?)_tokens$/;

/** Rebuilds a prices object in PRICE_FIELDS order, so output does not depend on the source's field order. */
const inFieldOrder = (prices) =>
  Object.fromEntries(Object.values(PRICE_FIELDS).filter((short) => short in prices).map((short) => [short, prices[short]]));

const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects problems for one run so that a malformed file reports all of them at once. */
class Problems {
  constructor() {
    this.errors = [];
    this.notes = [];
  }
  error(key, message) {
    this.errors.push(`${key}: ${message}`);
  }
  note(key, message) {
    this.notes.push(`${key}: ${message}`);
  }
}

function convertPrice(problems, where, raw) {
  const result = usdPerTokenToNanoUsdPerMillion(raw);
  if (result.error) {
    problems.error(where, result.error);
    return undefined;
  }
  if (result.snappedFrom !== undefined) {
    problems.note(where, `float noise ${result.snappedFrom} USD/token snapped to ${result.value} nano-USD/1M tokens`);
  }
  return result.value;
}

/** Base prices of an entry: `{i, o, cr, ...}` or undefined when it has none. */
function readBasePrices(problems, key, entry) {
  const prices = {};
  for (const [field, short] of Object.entries(PRICE_FIELDS)) {
    if (entry[field] === undefined || entry[field] === null) continue;
    const value = convertPrice(problems, `${key}.${field}`, entry[field]);
    if (value !== undefined) prices[short] = value;
  }
  return Object.keys(prices).length > 0 ? prices : undefined;
}

/**
 * Tiers from `*_above_<N>k_tokens` fields. LiteLLM switches to a tier only when the tier's input price exists,
 * and then bills the whole request at the tier's rates; other tier fields without it are never read.
 */
function readThresholdTiers(problems, key, entry) {
  const byThreshold = new Map();
  for (const [field, raw] of Object.entries(entry)) {
    const match = ABOVE_THRESHOLD.exec(field);
    if (!match || raw === null || raw === undefined) continue;
    const short = PRICE_FIELDS[match[1]];
    if (short === undefined) continue; // non-token units (per second, per character, ...) are not kept
    const threshold = Number(match[2]) * (match[3] === 'k' ? 1000 : 1);
    const value = convertPrice(problems, `${key}.${field}`, raw);
    if (value === undefined) continue;
    if (!byThreshold.has(threshold)) byThreshold.set(threshold, {});
    byThreshold.get(threshold)[short] = value;
  }
  const tiers = [];
  for (const [threshold, prices] of [...byThreshold].sort((a, b) => a[0] - b[0])) {
    if (prices.i === undefined) {
      problems.note(key, `tier above ${threshold} tokens has no input price; LiteLLM never applies it, dropped`);
      continue;
    }
    tiers.push({ a: threshold, c: inFieldOrder(prices) });
  }
  return tiers;
}

/**
 * `tiered_pricing` tables (Dashscope): `[{range: [start, end], input_cost_per_token, ...}]`, all-or-nothing by
 * prompt size (`start < prompt tokens <= end`, beyond the last range → last tier). The first range becomes the base
 * prices, each later one a tier that applies above its start. Tables without `range` (search providers priced per
 * query by result count) are not token prices and are skipped.
 */
function readTieredPricing(problems, key, table) {
  if (table === undefined || table === null) return undefined;
  if (!Array.isArray(table) || table.length === 0 || !table.every(isPlainObject)) {
    problems.error(`${key}.tiered_pricing`, 'must be a non-empty array of objects');
    return undefined;
  }
  const withRange = table.filter((tier) => tier.range !== undefined);
  if (withRange.length === 0) return undefined;
  if (withRange.length !== table.length) {
    problems.error(`${key}.tiered_pricing`, 'every tier needs a range when any has one');
    return undefined;
  }
  const sorted = [...table].sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  const tiers = [];
  let expectedStart = 0;
  for (const [index, tier] of sorted.entries()) {
    const where = `${key}.tiered_pricing[${index}]`;
    const range = tier.range;
    const valid =
      Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n) && n >= 0) && range[0] < range[1];
    if (!valid) {
      problems.error(where, `range must be [start, end] with integers 0 <= start < end, got ${JSON.stringify(range)}`);
      return undefined;
    }
    if (range[0] !== expectedStart) {
      problems.error(where, `ranges must be contiguous from 0; expected start ${expectedStart}, got ${range[0]}`);
      return undefined;
    }
    expectedStart = range[1];
    const prices = readBasePrices(problems, where, tier);
    if (prices?.i === undefined) {
      problems.error(where, 'a token tier needs input_cost_per_token');
      return undefined;
    }
    tiers.push({ a: range[0], c: prices });
  }
  return tiers;
}

function readLimits(problems, key, entry, compact) {
  for (const [field, short] of Object.entries(LIMIT_FIELDS)) {
    const value = entry[field];
    if (value === undefined || value === null) continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      problems.error(`${key}.${field}`, `must be a non-negative integer, got ${JSON.stringify(value)}`);
      continue;
    }
    compact[short] = value;
  }
  // Legacy max_tokens is only read when max_output_tokens is absent (LiteLLM's get_max_tokens), so keep it only then.
  if (compact.mo !== undefined) delete compact.mt;
}

function readFlags(problems, key, entry) {
  const codes = [];
  for (const [field, code] of Object.entries(FLAG_FIELDS)) {
    const value = entry[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') {
      problems.error(`${key}.${field}`, `must be a boolean, got ${JSON.stringify(value)}`);
      continue;
    }
    codes.push(value ? code : `!${code}`);
  }
  return codes.length > 0 ? codes.join(' ') : undefined;
}

function convertEntry(problems, key, entry) {
  if (!isPlainObject(entry)) {
    problems.error(key, 'must be an object');
    return undefined;
  }
  if (typeof entry.litellm_provider !== 'string' || entry.litellm_provider.length === 0) {
    problems.error(key, 'litellm_provider must be a non-empty string');
    return undefined;
  }
  if (entry.mode !== undefined && typeof entry.mode !== 'string') {
    problems.error(`${key}.mode`, `must be a string, got ${JSON.stringify(entry.mode)}`);
  }
  const compact = { p: entry.litellm_provider };
  if (typeof entry.mode === 'string') compact.m = entry.mode;
  readLimits(problems, key, entry, compact);

  let prices = readBasePrices(problems, key, entry);
  let tiers = readThresholdTiers(problems, key, entry);
  const tableTiers = readTieredPricing(problems, key, entry.tiered_pricing);
  if (tableTiers !== undefined) {
    if (prices !== undefined || tiers.length > 0) {
      problems.error(key, 'has both flat/threshold prices and a tiered_pricing table; which one applies is ambiguous');
    } else {
      prices = tableTiers[0].c;
      tiers = tableTiers.slice(1);
    }
  }
  if (prices !== undefined) compact.c = prices;
  if (tiers.length > 0) {
    if (prices?.i === undefined) problems.error(key, 'has tiered prices but no base input price');
    compact.t = tiers;
  }
  const flags = readFlags(problems, key, entry);
  if (flags !== undefined) compact.f = flags;
  return compact;
}

/**
 * Builds the catalogue object from a parsed price map. Throws one Error listing every problem when the input is
 * malformed or a price cannot be stored exactly; returns `{ catalogue, notes }` otherwise.
 */
function buildCatalogue(priceMap, source) {
  if (!isPlainObject(priceMap)) {
    throw new Error('price map must be a JSON object keyed by model name');
  }
  const problems = new Problems();
  const models = {};
  for (const key of Object.keys(priceMap).sort()) {
    if (key === 'sample_spec') continue; // documentation of the format, not a model
    const compact = convertEntry(problems, key, priceMap[key]);
    if (compact !== undefined) models[key] = compact;
  }
  if (Object.keys(models).length === 0 && problems.errors.length === 0) {
    problems.error('(file)', 'contains no models');
  }
  if (problems.errors.length > 0) {
    const shown = problems.errors.slice(0, 50).join('\n  ');
    const more = problems.errors.length > 50 ? `\n  ... and ${problems.errors.length - 50} more` : '';
    throw new Error(`price map is malformed (${problems.errors.length} problems):\n  ${shown}${more}`);
  }
  const catalogue = {
    version: CATALOGUE_VERSION,
    unit: 'nano-USD per 1M tokens',
    source: { ...source, models: Object.keys(models).length },
    models,
  };
  return { catalogue, notes: problems.notes };
}

/** Deterministic text: header fields first, then one model per line (small diffs when prices change). */
function serializeCatalogue(catalogue) {
  const lines = Object.keys(catalogue.models).map(
    (key) => `${JSON.stringify(key)}:${JSON.stringify(catalogue.models[key])}`,
  );
  const header = ['version', 'unit', 'source'].map((field) => `${JSON.stringify(field)}:${JSON.stringify(catalogue[field])}`);
  return `{\n${header.join(',\n')},\n"models":{\n${lines.join(',\n')}\n}}\n`;
}

module.exports = { buildCatalogue, serializeCatalogue, CATALOGUE_VERSION, PRICE_FIELDS, FLAG_FIELDS };
