// Reads what a package README tells a user to install and the runnable example: the first ```ts block under the first heading that starts with
// "## Example". That block is the one a reader copies first, so it is the one CI runs.

const HEADING = /^##\s+Example\b/;
const FENCE_OPEN = /^```(ts|typescript)\s*$/;
const FENCE_CLOSE = /^```\s*$/;

/** The example's code, or throws naming what is missing. */
function readmeExample(markdown) {
  const lines = markdown.split(/\r?\n/);
  const headingIndex = lines.findIndex((line) => HEADING.test(line));
  if (headingIndex === -1) throw new Error('the README has no "## Example" section');
  let start = -1;
  for (let index = headingIndex + 1; index < lines.length; index++) {
    if (/^##\s/.test(lines[index])) break;
    if (FENCE_OPEN.test(lines[index])) {
      start = index + 1;
      break;
    }
  }
  if (start === -1) throw new Error('the "## Example" section has no ```ts block');
  const end = lines.findIndex((line, index) => index >= start && FENCE_CLOSE.test(line));
  if (end === -1) throw new Error('the example\'s ```ts block is not closed');
  return lines.slice(start, end).join('\n') + '\n';
}

/** The packages the README's first `pnpm add` line installs (flags dropped), or throws when there is none. */
function readmeInstall(markdown) {
  const line = markdown.split(/\r?\n/).find((candidate) => /^pnpm add\s/.test(candidate.trim()));
  if (line === undefined) throw new Error('the README has no `pnpm add` line');
  return line.replace(/#.*$/, '').trim().split(/\s+/).slice(2).filter((word) => !word.startsWith('-'));
}

/** `{ name, range }` of a `pnpm add` argument (`pkg`, `pkg@12`, `@scope/pkg@^1.2.0`); `range` is `*` when none is given. */
function parsePackageSpec(spec) {
  const at = spec.indexOf('@', 1);
  return at === -1 ? { name: spec, range: '*' } : { name: spec.slice(0, at), range: spec.slice(at + 1) };
}

module.exports = { readmeExample, readmeInstall, parsePackageSpec };
