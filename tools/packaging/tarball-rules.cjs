// What a published tarball must hold beyond what publint and attw check: the metadata a team looks for, no file
// that points at sources we do not ship, and no trace of the workspace (`workspace:` ranges, the source condition).

const REQUIRED_FILES = ['package.json', 'README.md', 'LICENSE'];
const FORBIDDEN_FILES = [
  { pattern: /^src\//, why: 'sources are not published' },
  { pattern: /\.d\.ts\.map$/, why: 'a declaration map points at sources that are not published' },
  { pattern: /\.test\.[cm]?[jt]s$/, why: 'tests are not published' },
  { pattern: /\.tsbuildinfo$/, why: 'build state is not published' },
];

/** Every string in an `exports` / `bin` tree, and the condition names met on the way. */
function walkTargets(node, found = { targets: [], conditions: [] }) {
  if (typeof node === 'string') found.targets.push(node);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith('.')) found.conditions.push(key);
      walkTargets(value, found);
    }
  }
  return found;
}

/** Problems with a packed package, as sentences; empty when it is fit to publish. */
function tarballProblems({ files, manifest }) {
  const problems = [];
  const present = new Set(files);
  for (const file of REQUIRED_FILES) if (!present.has(file)) problems.push(`${file} is not in the tarball`);
  for (const file of files) {
    const rule = FORBIDDEN_FILES.find(({ pattern }) => pattern.test(file));
    if (rule) problems.push(`${file} is in the tarball: ${rule.why}`);
  }

  if (typeof manifest.description !== 'string' || manifest.description.length < 10) problems.push('no "description"');
  if (manifest.license !== 'MIT') problems.push('"license" is not MIT');
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) problems.push('no "keywords"');
  if (typeof manifest.repository?.url !== 'string' || typeof manifest.repository?.directory !== 'string') {
    problems.push('"repository" needs "url" and "directory"');
  }
  if (typeof manifest.engines?.node !== 'string') problems.push('no "engines.node"');

  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}.${name} is still "${range}"`);
    }
  }

  const { targets, conditions } = walkTargets({ exports: manifest.exports, bin: manifest.bin });
  if (conditions.includes('@tollgate/source')) problems.push('"exports" still has the in-repo "@tollgate/source" condition');
  if (!conditions.includes('import') || !conditions.includes('require')) {
    problems.push('"exports" needs both "import" and "require" entry points');
  }
  for (const target of [...targets, manifest.main, manifest.types].filter((target) => typeof target === 'string')) {
    const file = target.replace(/^\.\//, '');
    if (!present.has(file)) problems.push(`${target} is named in package.json but is not in the tarball`);
  }
  return problems;
}

module.exports = { tarballProblems };
