import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ManagementContext } from '../server/proxy-context.js';
import { toLiteLLMBudget } from './litellm/to-litellm-budget.js';
import { logManagementChange } from './log-management-change.js';
import { requireProxyAdmin } from './management-permissions.js';
import { managementRoute, type ManagementCall, type ManagementRoute } from './management-route.js';
import { parseManagementInput } from './parse-management-input.js';
import { budgetResponses } from './schemas/budget-response-schemas.js';
import { budgetInfoBody, deleteBudgetBody, listBudgetsQuery, newBudgetBody, toBudgetFieldsInput, updateBudgetBody } from './schemas/budget-schemas.js';

type Reply<Route extends keyof typeof budgetResponses> = z.output<(typeof budgetResponses)[Route]>;

/** `POST /budget/new`. */
async function newBudget(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'new'>> {
  requireProxyAdmin(caller, 'create budgets');
  const body = parseManagementInput(newBudgetBody, request.body);
  const budget = await context.ledger.budgets.create({ ...toBudgetFieldsInput(body), budgetId: body.budget_id ?? randomUUID(), changedBy: caller.createdBy });
  logManagementChange(context, caller, 'budget_created', { budget_id: budget.budgetId });
  return toLiteLLMBudget(budget);
}

/** `POST /budget/update`: customers linked to the budget see the change on their next call. */
async function updateBudget(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'update'>> {
  requireProxyAdmin(caller, 'update budgets');
  const body = parseManagementInput(updateBudgetBody, request.body);
  const budget = await context.ledger.budgets.update(body.budget_id, { ...toBudgetFieldsInput(body), changedBy: caller.createdBy });
  context.authDirectory.invalidateAllCustomers();
  logManagementChange(context, caller, 'budget_updated', { budget_id: budget.budgetId });
  return toLiteLLMBudget(budget);
}

/** `POST /budget/info {budgets: [ids]}`: 404 when any is missing. */
async function budgetInfo(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'info'>> {
  requireProxyAdmin(caller, 'view budgets');
  const body = parseManagementInput(budgetInfoBody, request.body);
  return (await context.ledger.budgets.getMany(body.budgets)).map(toLiteLLMBudget);
}

/** `GET /budget/list`. */
async function listBudgets(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'list'>> {
  requireProxyAdmin(caller, 'list budgets');
  parseManagementInput(listBudgetsQuery, request.query);
  return (await context.ledger.budgets.list()).map(toLiteLLMBudget);
}

/** `POST /budget/delete {id}`: refused while customers point at the budget. */
async function deleteBudget(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'delete'>> {
  requireProxyAdmin(caller, 'delete budgets');
  const body = parseManagementInput(deleteBudgetBody, request.body);
  const budget = await context.ledger.budgets.delete(body.id);
  context.authDirectory.invalidateAllCustomers();
  logManagementChange(context, caller, 'budget_deleted', { budget_id: budget.budgetId });
  return toLiteLLMBudget(budget);
}

/** The `/budget/*` routes (LiteLLM's budget objects), for proxy admins only. */
export function budgetRoutes(context: ManagementContext): ManagementRoute[] {
  const responses = budgetResponses;
  return [
    managementRoute({ method: 'post', paths: ['/budget/new'], access: 'write', response: responses.new, handle: (call) => newBudget(context, call) }),
    managementRoute({ method: 'post', paths: ['/budget/update'], access: 'write', response: responses.update, handle: (call) => updateBudget(context, call) }),
    managementRoute({ method: 'post', paths: ['/budget/info'], access: 'read', response: responses.info, handle: (call) => budgetInfo(context, call) }),
    managementRoute({ method: 'get', paths: ['/budget/list'], access: 'read', response: responses.list, handle: (call) => listBudgets(context, call) }),
    managementRoute({ method: 'post', paths: ['/budget/delete'], access: 'write', response: responses.delete, handle: (call) => deleteBudget(context, call) }),
  ];
}
