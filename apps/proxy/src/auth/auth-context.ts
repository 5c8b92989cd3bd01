import type { KeyRecord, TeamMemberRecord, TeamRecord, UserRecord } from '@tollgate/ledger';

/** Who is calling, resolved once per request from the key (cached; no database read in steady state). */
export type AuthContext =
  | {
      kind: 'master';
      /** SHA-256 hex of the master key (never the key itself). */
      tokenHash: string;
    }
  | {
      kind: 'virtual';
      tokenHash: string;
      key: KeyRecord;
      /** The key's owner, when it has one and the row exists. */
      user: UserRecord | undefined;
      /** The key's team, when it has one and the row exists. */
      team: TeamRecord | undefined;
      /** The owner's membership in the key's team (per-member budget and limits). */
      membership: TeamMemberRecord | undefined;
    };

/** True for the master key and for keys owned by a `proxy_admin` user. */
export function isProxyAdmin(auth: AuthContext): boolean {
  return auth.kind === 'master' || auth.user?.userRole === 'proxy_admin';
}
