/** A member's role in a team. */
export type TeamRole = 'admin' | 'user';

/** A user's membership of a team, with the member's own budget and limits in that team. */
export interface TeamMemberRecord {
  teamId: string;
  userId: string;
  role: TeamRole;
  /** The member's cap for spend through this team's keys, nano-USD; null = none. */
  maxBudgetInTeamNano: bigint | null;
  /** Spend booked for this member through this team's keys in the current window, nano-USD. */
  spendNano: bigint;
  budgetDuration: string | null;
  budgetResetAt: Date | null;
  rpmLimit: number | null;
  tpmLimit: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields accepted when changing a membership; `undefined` leaves a field as it is, `null` clears it. */
export interface TeamMemberFieldsInput {
  role?: TeamRole;
  maxBudgetInTeamNano?: bigint | null;
  budgetDuration?: string | null;
  rpmLimit?: number | null;
  tpmLimit?: number | null;
  /** Overwrites the member's stored spend. */
  spendNano?: bigint;
}

/** Input of `TeamMemberStore.add`. Unset budget fields take the team's `team_member_*` defaults. */
export interface AddTeamMemberInput extends TeamMemberFieldsInput {
  teamId: string;
  userId: string;
}
