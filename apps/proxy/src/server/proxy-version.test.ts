import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROXY_VERSION, readProxyVersion } from './proxy-version.js';

describe('proxy version', () => {
  it('is the version in apps/proxy/package.json', () => {
    const manifest = require('../../package.json') as { name: string; version: string };
    expect(manifest.name).toBe('@tollgate/proxy');
    expect(PROXY_VERSION).toBe(manifest.version);
  });

  it('follows the package.json it reads, and refuses one without a version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-version-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '7.8.9' }));
      expect(readProxyVersion(join(dir, 'package.json'))).toBe('7.8.9');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
      expect(() => readProxyVersion(join(dir, 'package.json'))).toThrow(/version/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
