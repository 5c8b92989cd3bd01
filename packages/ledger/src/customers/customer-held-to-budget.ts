import type { BudgetRecord } from '../budget-objects/budget-record.js';
import type { CustomerRecord } from './customer-record.js';

/**
 * A customer with its linked budget object's limits filled in where the customer sets none. The customer's own
 * field wins when both are set (an override per end user, as a key's own fields win over its team's defaults).
 * `max_budget` and `budget_duration` travel together: a budget cap taken from the budget object keeps that object's
 * window. Spend stays the customer's own: a budget object is a template, not a shared pot.
 */
export function customerHeldToBudget(customer: CustomerRecord, budget: BudgetRecord): CustomerRecord {
  const takesBudgetCap = customer.maxBudgetNano === null && budget.maxBudgetNano !== null;
  return {
    ...customer,
    maxBudgetNano: customer.maxBudgetNano ?? budget.maxBudgetNano,
    budgetDuration: takesBudgetCap ? budget.budgetDuration : customer.budgetDuration,
    budgetResetAt: takesBudgetCap ? budget.budgetResetAt : customer.budgetResetAt,
    softBudgetNano: customer.softBudgetNano ?? budget.softBudgetNano,
    rpmLimit: customer.rpmLimit ?? budget.rpmLimit,
    tpmLimit: customer.tpmLimit ?? budget.tpmLimit,
    maxParallelRequests: customer.maxParallelRequests ?? budget.maxParallelRequests,
  };
}
