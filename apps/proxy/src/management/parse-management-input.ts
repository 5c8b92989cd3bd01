import { BadRequestError, describeZodIssue, formatParamPath } from '@tollgate/core';
import type { z } from 'zod';

/**
 * Validates a management request body or query string against its schema and reports the first problem as a 400
 * whose `param` names the field (`max_budget`, `members_with_roles[0].role`, or the unknown field itself). A
 * missing body counts as `{}`, so the error names the missing required field rather than "invalid body".
 */
export function parseManagementInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new BadRequestError('Invalid request.');
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.map((key) => formatParamPath([...issue.path, key]));
    throw new BadRequestError(
      `Unrecognized parameter(s): ${fields.map((field) => `'${field}'`).join(', ')}. Check the spelling against LiteLLM's management API.`,
      { param: fields[0] ?? null },
    );
  }
  // The zod error is not kept as `cause`: its issues hold pieces of the body (keys among them), which must not
  // reach logs.
  const { param, message } = describeZodIssue(issue);
  throw new BadRequestError(message, { param });
}
