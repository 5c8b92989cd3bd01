/**
 * Gemini accepts an OpenAPI subset of JSON Schema for function parameters and `responseSchema`
 * (https://ai.google.dev/api/caching#Schema) and rejects the whole request on any other keyword. This keeps the
 * supported keywords, inlines local `$ref`s, turns `["T", "null"]` types and `{type: "null"}` branches into
 * `nullable`, `const` into a one-value `enum`, and drops string formats Gemini does not know.
 */

type JsonSchema = Record<string, unknown>;

const SUPPORTED_KEYWORDS = new Set([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'maxItems',
  'minItems',
  'properties',
  'required',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'example',
  'anyOf',
  'propertyOrdering',
  'default',
  'items',
  'minimum',
  'maximum',
]);

/** Formats Gemini accepts; anything else (`email`, `uri`…) fails the request. */
const SUPPORTED_FORMATS = new Set(['enum', 'date-time', 'int32', 'int64', 'float', 'double']);

/** How deep `$ref`s are followed before a recursive schema is cut off as a plain object. */
const MAX_REF_DEPTH = 8;

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves `#/$defs/Name` and `#/definitions/Name` against the root schema. */
function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match) return undefined;
  const definitions = root[match[1] ?? ''];
  const target = isSchema(definitions) ? definitions[decodeURIComponent(match[2] ?? '')] : undefined;
  return isSchema(target) ? target : undefined;
}

function cleanNode(node: JsonSchema, root: JsonSchema, depth: number): JsonSchema {
  if (typeof node['$ref'] === 'string') {
    const target = depth < MAX_REF_DEPTH ? resolveRef(node['$ref'], root) : undefined;
    return target ? cleanNode({ ...target, ...omit(node, '$ref') }, root, depth + 1) : { type: 'object' };
  }
  const source: JsonSchema = { ...node };
  if (source['oneOf'] && !source['anyOf']) source['anyOf'] = source['oneOf'];
  if ('const' in source && source['enum'] === undefined) source['enum'] = [source['const']];

  const cleaned: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (!SUPPORTED_KEYWORDS.has(key)) continue;
    switch (key) {
      case 'type':
        Object.assign(cleaned, cleanType(value));
        break;
      case 'properties':
        if (isSchema(value)) {
          cleaned[key] = Object.fromEntries(
            Object.entries(value).map(([name, child]) => [name, isSchema(child) ? cleanNode(child, root, depth) : {}]),
          );
        }
        break;
      case 'items':
        if (isSchema(value)) cleaned[key] = cleanNode(value, root, depth);
        break;
      case 'anyOf':
        if (Array.isArray(value)) Object.assign(cleaned, cleanAnyOf(value, root, depth));
        break;
      case 'enum':
        // Gemini enums are strings only.
        if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) cleaned[key] = value;
        break;
      case 'format':
        if (typeof value === 'string' && SUPPORTED_FORMATS.has(value)) cleaned[key] = value;
        break;
      default:
        cleaned[key] = value;
    }
  }
  if (Array.isArray(cleaned['required']) && isSchema(cleaned['properties'])) {
    const properties = cleaned['properties'];
    cleaned['required'] = (cleaned['required'] as unknown[]).filter((name) => typeof name === 'string' && name in properties);
  }
  return cleaned;
}

/** `type: ["string", "null"]` → `type: "string", nullable: true`; several non-null types → `anyOf`. */
function cleanType(type: unknown): JsonSchema {
  if (!Array.isArray(type)) return { type };
  const types: unknown[] = type.filter((entry) => entry !== 'null');
  const nullable = types.length < type.length ? { nullable: true } : {};
  if (types.length === 1) return { type: types[0], ...nullable };
  return { anyOf: types.map((entry) => ({ type: entry })), ...nullable };
}

/** `anyOf` with a `{type: "null"}` branch → the other branches plus `nullable`; a single branch is inlined. */
function cleanAnyOf(branches: unknown[], root: JsonSchema, depth: number): JsonSchema {
  const nonNull = branches.filter((branch) => !(isSchema(branch) && branch['type'] === 'null'));
  const nullable = nonNull.length < branches.length ? { nullable: true } : {};
  const cleaned = nonNull.filter(isSchema).map((branch) => cleanNode(branch, root, depth));
  if (cleaned.length === 1) return { ...cleaned[0], ...nullable };
  return { anyOf: cleaned, ...nullable };
}

function omit(schema: JsonSchema, key: string): JsonSchema {
  const { [key]: _omitted, ...rest } = schema;
  return rest;
}

/** A JSON Schema cleaned for Gemini. */
export function toGeminiSchema(schema: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return cleanNode({ ...schema }, { ...schema }, 0);
}

/** Whether an object schema declares no properties (Gemini rejects function parameters that are an empty object). */
export function isEmptyObjectSchema(schema: Readonly<Record<string, unknown>>): boolean {
  const properties = schema['properties'];
  return schema['type'] === 'object' && (!isSchema(properties) || Object.keys(properties).length === 0);
}
