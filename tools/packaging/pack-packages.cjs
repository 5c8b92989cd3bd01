// Packs published packages with `pnpm pack` (its `prepack` builds the package), the way
// `pnpm publish` would: `workspace:` ranges become versions and `publishConfig` replaces `exports`.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Packs each package into `destination`; returns a Map from package name to its tarball's absolute path. */
function packPackages(packages, destination) {
  fs.mkdirSync(destination, { recursive: true });
  const tarballs = new Map();
  for (const pkg of packages) {
    const before = new Set(fs.readdirSync(destination));
    execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const created = fs.readdirSync(destination).filter((file) => file.endsWith('.tgz') && !before.has(file));
    if (created.length !== 1) throw new Error(`${pkg.name}: pnpm pack made ${created.length} tarballs, expected 1`);
    tarballs.set(pkg.name, path.join(destination, created[0]));
  }
  return tarballs;
}

/** The file list (without the leading `package/`) and the manifest inside a tarball. */
function readTarball(tarball) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ''));
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  return { files, manifest };
}

module.exports = { packPackages, readTarball };
