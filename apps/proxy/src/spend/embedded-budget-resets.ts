import { resetExpiredBudgets, type Ledger, type ResetExpiredBudgetsResult } from '@tollgate/ledger';

export interface EmbeddedBudgetResetsOptions {
  ledger: Ledger;
  /** IANA zone of the budget calendar (`litellm_settings.timezone`). */
  timezone: string;
  logger: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
  /** How often due budgets are rolled over; default 60 s (the worker's schedule in distributed mode). */
  everyMs?: number;
  /** Told after a run that rolled over at least one budget (cached key records then hold old figures). */
  onReset?: (result: ResetExpiredBudgetsResult) => void;
  clock?: () => Date;
}

/**
 * The embedded proxy's budget reset (distributed mode has the worker's scheduled job): every `everyMs`, stored spend
 * of keys, users, teams, members and customers whose `budget_reset_at` passed is rolled over to the current window
 * and `budget_reset_at` moves on. One run at a time; a failed run is logged and retried at the next tick.
 */
export function startEmbeddedBudgetResets(options: EmbeddedBudgetResetsOptions): { stop(): Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      const result = await resetExpiredBudgets(options.ledger.db, { now: clock(), timezone: options.timezone });
      if (Object.values(result).some((count) => count > 0)) {
        options.logger.info({ result }, 'budgets reset');
        options.onReset?.(result);
      }
    } catch (error) {
      options.logger.warn({ err: error }, 'budget reset failed; retrying at the next tick');
    }
  };
  const tick = () => {
    running ??= run().finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
