/**
 * Asks the user to approve an action (a shell command, a file write); resolves true when approved. With `--yes`
 * the CLI passes one that always approves.
 */
export type Confirm = (question: string) => Promise<boolean>;

/** Approves everything (`--yes`). */
export const approveAll: Confirm = async () => true;
