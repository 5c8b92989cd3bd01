import { describeDatabase } from './describe-database.js';

describe('describeDatabase', () => {
  it('gives the absolute SQLite file for a relative path or a sqlite: URL', () => {
    expect(describeDatabase('.tollgate/tollgate.db', { cwd: '/srv/app' })).toBe('SQLite file /srv/app/.tollgate/tollgate.db');
    expect(describeDatabase('sqlite:///var/lib/tollgate.db', { cwd: '/srv/app' })).toBe('SQLite file /var/lib/tollgate.db');
    expect(describeDatabase(':memory:')).toBe('SQLite in memory (nothing is kept after exit)');
  });

  it('never shows a PostgreSQL password, and names the schema', () => {
    const shown = describeDatabase('postgres://tollgate:s3cret-pw@db.internal:5432/ledger', { schema: 'tenant_a' });
    expect(shown).toBe('PostgreSQL postgres://tollgate@db.internal:5432/ledger schema tenant_a');
    expect(shown).not.toContain('s3cret-pw');
  });
});
