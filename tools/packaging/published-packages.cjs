// The workspace packages that are published to npm, in dependency order (a package comes after what it uses).
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const PUBLISHED = ['core', 'redis-kit', 'pricing', 'providers', 'router', 'limits', 'ledger', 'agent'];

/** `{ name, dir, manifest, workspaceDependencies }` for each published package. */
function publishedPackages() {
  const packages = PUBLISHED.map((folder) => {
    const dir = path.join(ROOT, 'packages', folder);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return { name: manifest.name, folder, dir, manifest };
  });
  const names = new Set(packages.map((pkg) => pkg.name));
  for (const pkg of packages) {
    pkg.workspaceDependencies = Object.keys(pkg.manifest.dependencies ?? {}).filter((name) => names.has(name));
  }
  return packages;
}

/** The package's workspace dependencies, transitively, and the package itself. */
function withWorkspaceDependencies(pkg, packages) {
  const byName = new Map(packages.map((candidate) => [candidate.name, candidate]));
  const closure = new Set();
  const visit = (name) => {
    if (closure.has(name)) return;
    closure.add(name);
    for (const dependency of byName.get(name).workspaceDependencies) visit(dependency);
  };
  visit(pkg.name);
  return [...closure];
}

module.exports = { ROOT, publishedPackages, withWorkspaceDependencies };
