import type { z } from 'zod';
import { formatParamPath } from './format-param-path.js';

type ZodIssue = z.core.$ZodIssue;

/** One validation problem of a request, ready for an OpenAI error body. */
export interface RequestIssue {
  /** Path of the faulty param (`messages[0].role`), or null when the body itself is wrong. */
  param: string | null;
  /** OpenAI-style explanation that names the param, e.g. `Invalid value for 'messages[0].role': 'bot'. …`. */
  message: string;
}

const MAX_SHOWN_VALUE_LENGTH = 80;

/**
 * Describes a zod issue (parsed with `reportInput: true`, so issues carry the offending value) in OpenAI's wording.
 * Union failures are resolved to the alternative the value came closest to, so a bad image detail inside a user
 * message's content parts is reported at `messages[0].content[0].image_url.detail`, not as "invalid content".
 */
export function describeZodIssue(issue: ZodIssue, basePath: readonly PropertyKey[] = []): RequestIssue {
  const path = [...basePath, ...issue.path];
  const param = path.length === 0 ? null : formatParamPath(path);
  const name = param === null ? 'the request body' : `'${param}'`;
  const input = 'input' in issue ? issue.input : undefined;

  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { param, message: `Missing required parameter: ${name}.` };
      return { param, message: describeWrongType(name, [describeExpectedType(issue.expected)], input) };
    case 'invalid_value':
      return { param, message: describeWrongValue(name, input, issue.values) };
    case 'invalid_union':
      return describeUnionIssue(issue, path, param, name);
    case 'too_small':
    case 'too_big':
      return {
        param,
        message: `Invalid value for ${name}: ${describeBound(issue)}, but got ${describeSize(issue.origin, input)}.`,
      };
    case 'unrecognized_keys':
      return {
        param,
        message: `Unrecognized parameter(s) in ${name}: ${issue.keys.map((key) => `'${key}'`).join(', ')}.`,
      };
    default:
      return { param, message: `Invalid value for ${name}: ${issue.message}.` };
  }
}

function describeUnionIssue(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: PropertyKey[],
  param: string | null,
  name: string,
): RequestIssue {
  const input = issue.input;
  // A discriminated union whose tag (e.g. `role`) matched no alternative: the path already ends at the tag.
  if (issue.discriminator !== undefined) {
    const tag = isRecord(input) ? input[issue.discriminator] : undefined;
    if (tag === undefined) return { param, message: `Missing required parameter: ${name}.` };
    return { param, message: describeWrongValue(name, tag, 'options' in issue ? (issue.options ?? []) : []) };
  }
  if (input === undefined) return { param, message: `Missing required parameter: ${name}.` };
  // Report the failure of the alternative the value came closest to: first one whose type matched and that failed
  // deeper inside, then one whose type matched but not its value or size, fewest problems first.
  const closest = closestBranch(issue.errors);
  if (closest?.[0]) return describeZodIssue(closest[0], path);
  const expected = issue.errors
    .flat()
    .flatMap((inner) => (inner.code === 'invalid_type' ? [describeExpectedType(inner.expected)] : []));
  return { param, message: describeWrongType(name, [...new Set(expected)], input) };
}

function describeWrongType(name: string, expected: readonly string[], input: unknown): string {
  return `Invalid type for ${name}: expected ${expected.join(' or ')}, but got ${describeTypeOf(input)}.`;
}

function describeWrongValue(name: string, input: unknown, supported: readonly unknown[]): string {
  const values = supported.map(showValue).join(', ');
  return `Invalid value for ${name}: ${showValue(input)}. Supported values are: ${values}.`;
}

function closestBranch(branches: readonly ZodIssue[][]): ZodIssue[] | undefined {
  const rank = (branch: readonly ZodIssue[]): number => {
    if (branch.some((inner) => inner.path.length > 0)) return 0;
    if (branch.some((inner) => inner.code !== 'invalid_type')) return 1;
    return 2; // only "wrong type" at the union's own level: this alternative is not what the client meant
  };
  return branches
    .filter((branch) => rank(branch) < 2)
    .sort((left, right) => rank(left) - rank(right) || left.length - right.length)[0];
}

function describeBound(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>): string {
  const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const comparison =
    issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  const word = issue.code === 'too_small' ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `expected an array with ${word} ${String(limit)} item(s)`;
    case 'string':
      return `expected a string of ${word} ${String(limit)} character(s)`;
    case 'int':
      return `expected an integer ${comparison} ${String(limit)}`;
    default:
      return `expected a number ${comparison} ${String(limit)}`;
  }
}

function describeSize(origin: string, input: unknown): string {
  if ((origin === 'array' || origin === 'set') && Array.isArray(input)) return `${input.length} item(s)`;
  if (origin === 'string' && typeof input === 'string') return `${input.length} character(s)`;
  return showValue(input);
}

function describeExpectedType(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'array':
    case 'object':
      return `an ${expected}`;
    case 'record':
      return 'an object';
    case 'null':
    case 'undefined':
      return expected;
    default:
      return `a ${expected}`;
  }
}

function describeTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return describeExpectedType(typeof value);
}

function showValue(value: unknown): string {
  const shown = typeof value === 'string' ? `'${value}'` : toJsonOrString(value);
  return shown.length > MAX_SHOWN_VALUE_LENGTH ? `${shown.slice(0, MAX_SHOWN_VALUE_LENGTH)}…` : shown;
}

/** SDK callers may pass values JSON cannot show (a BigInt, a cycle); the message must still be built. */
function toJsonOrString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
