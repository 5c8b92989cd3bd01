/**
 * `general_settings.budget_enforcement`. `exact` (default): every budget in scope reserves the request's worst case
 * before it is forwarded, `max_tokens` is lowered to what the budget affords, and a stream that passes its reservation
 * is stopped — spend never passes `max_budget` by more than one stream chunk. `loose` (LiteLLM's rule): a request is
 * refused only when spend has already reached `max_budget`; nothing is reserved for its output, so a call (and
 * concurrent calls) may overshoot the budget by their whole cost.
 */
export type BudgetEnforcement = 'exact' | 'loose';
