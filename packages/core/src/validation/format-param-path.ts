/**
 * A path into a request body written the way OpenAI names params in errors: `messages[0].content[1].image_url`.
 * The empty path (the body itself) gives the empty string.
 */
export function formatParamPath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') formatted += `[${segment}]`;
    else formatted += formatted === '' ? String(segment) : `.${String(segment)}`;
  }
  return formatted;
}
