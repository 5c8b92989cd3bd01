import type { Ledger, TeamRole, UserRole } from '@tollgate/ledger';
import type { AuthContext } from '../auth/auth-context.js';

/**
 * Who is calling a management route, with the questions permission checks ask. Team memberships are read from the
 * database on first use (management calls are not the hot path, and a membership change must count at once).
 */
export class ManagementCaller {
  /** The caller's internal user id (the key's owner), or undefined for the master key and ownerless keys. */
  readonly userId: string | undefined;
  /** The owner's role; undefined for the master key and ownerless keys. */
  readonly role: UserRole | undefined;
  private teamRoles: Promise<Map<string, TeamRole>> | undefined;

  constructor(
    readonly auth: AuthContext,
    private readonly ledger: Ledger,
  ) {
    this.userId = auth.kind === 'virtual' ? (auth.key.userId ?? undefined) : undefined;
    // A key naming a user whose row is gone acts as a plain internal user: never more than that.
    this.role = auth.kind === 'virtual' && this.userId !== undefined ? (auth.user?.userRole ?? 'internal_user') : undefined;
  }

  /** SHA-256 hex of the caller's key. */
  get tokenHash(): string {
    return this.auth.tokenHash;
  }

  /** The master key, or a key of a `proxy_admin` user: may do anything. */
  get isProxyAdmin(): boolean {
    return this.auth.kind === 'master' || this.role === 'proxy_admin';
  }

  /** Proxy admins and `proxy_admin_viewer` users: may read everything. */
  get canReadAll(): boolean {
    return this.isProxyAdmin || this.role === 'proxy_admin_viewer';
  }

  /** What `created_by` records for things this caller creates. */
  get createdBy(): string | null {
    if (this.auth.kind === 'master') return 'master_key';
    return this.userId ?? null;
  }

  /** The caller's role in a team, or undefined when not a member (or not a user at all). */
  async teamRole(teamId: string): Promise<TeamRole | undefined> {
    return (await this.memberships()).get(teamId);
  }

  /** Whether the caller is an admin member of the team. */
  async isTeamAdmin(teamId: string | null): Promise<boolean> {
    return teamId !== null && (await this.teamRole(teamId)) === 'admin';
  }

  /** Whether the caller is a member (any role) of the team. */
  async isTeamMember(teamId: string | null): Promise<boolean> {
    return teamId !== null && (await this.teamRole(teamId)) !== undefined;
  }

  /** Ids of the teams the caller administers. */
  async adminTeamIds(): Promise<string[]> {
    return [...(await this.memberships())].filter(([, role]) => role === 'admin').map(([teamId]) => teamId);
  }

  /** Ids of the teams the caller belongs to. */
  async memberTeamIds(): Promise<string[]> {
    return [...(await this.memberships()).keys()];
  }

  private memberships(): Promise<Map<string, TeamRole>> {
    if (this.teamRoles === undefined) {
      const userId = this.userId;
      this.teamRoles =
        userId === undefined
          ? Promise.resolve(new Map())
          : this.ledger.teamMembers.listByUser(userId).then((members) => new Map(members.map((member) => [member.teamId, member.role])));
    }
    return this.teamRoles;
  }
}
