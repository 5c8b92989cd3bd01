const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { readmeExample, readmeInstall, parsePackageSpec } = require('./readme-example.cjs');

const readme = [
  '# @x/y', '', '## Install', '', '```sh', 'pnpm add @x/y zod   # zod for schemas', '```', '',
  '## Example: a loop', '', 'Text.', '', '```sh', 'echo not this', '```', '', '```ts', "import { a } from '@x/y';", 'a();', '```', '',
  '```ts', 'second();', '```', '', '## API',
].join('\n');

describe('readmeExample', () => {
  it('is the first ts block under the first "## Example" heading', () => {
    assert.equal(readmeExample(readme), "import { a } from '@x/y';\na();\n");
  });

  it('refuses a README without an example to run', () => {
    assert.throws(() => readmeExample('# x\n\n## Usage\n\n```ts\na();\n```\n'), /no "## Example" section/);
    assert.throws(() => readmeExample('# x\n\n## Example\n\n```js\na();\n```\n\n## API\n\n```ts\nb();\n```\n'), /no ```ts block/);
    assert.throws(() => readmeExample('## Example\n\n```ts\na();\n'), /not closed/);
  });
});

describe('readmeInstall', () => {
  it('lists the packages of the first `pnpm add` line, without flags or comment', () => {
    assert.deepEqual(readmeInstall(readme), ['@x/y', 'zod']);
    assert.deepEqual(readmeInstall('```sh\npnpm add -D @x/y\n```'), ['@x/y']);
  });

  it('refuses a README that does not say what to install', () => {
    assert.throws(() => readmeInstall('# x\n\nnpm i @x/y\n'), /no `pnpm add` line/);
  });
});

describe('parsePackageSpec', () => {
  it('splits a name from the range the README pins, scoped or not', () => {
    assert.deepEqual(parsePackageSpec('better-sqlite3@12'), { name: 'better-sqlite3', range: '12' });
    assert.deepEqual(parsePackageSpec('@x/y@^1.2.0'), { name: '@x/y', range: '^1.2.0' });
  });

  it('gives any version when the README names none', () => {
    assert.deepEqual(parsePackageSpec('@x/y'), { name: '@x/y', range: '*' });
    assert.deepEqual(parsePackageSpec('zod'), { name: 'zod', range: '*' });
  });
});
