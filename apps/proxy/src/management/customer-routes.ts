import { BadRequestError, NotFoundError } from '@tollgate/core';
import type { z } from 'zod';
import type { CustomerRecord, Ledger } from '@tollgate/ledger';
import { toLiteLLMCustomerInfo } from './litellm/to-litellm-customer-info.js';
import type { ManagementContext } from '../server/proxy-context.js';
import { listAllPages } from './list-all-pages.js';
import { logManagementChange } from './log-management-change.js';
import { requireProxyAdmin, requireReadAll } from './management-permissions.js';
import { managementRoute, type ManagementCall, type ManagementRoute } from './management-route.js';
import { parseManagementInput } from './parse-management-input.js';
import {
  customerIdsBody,
  customerInfoQuery,
  listCustomersQuery,
  newCustomerBody,
  toCustomerFieldsInput,
  updateCustomerBody,
} from './schemas/customer-schemas.js';
import { customerResponses } from './schemas/customer-response-schemas.js';

type Reply<Route extends keyof typeof customerResponses> = z.output<(typeof customerResponses)[Route]>;

/** LiteLLM refuses a `default_model` the proxy does not serve (with a 422; ours is a 400 naming the field). */
function checkDefaultModel(context: ManagementContext, defaultModel: string | null | undefined): void {
  if (defaultModel === undefined || defaultModel === null) return;
  const served = context.modelGroups();
  if (!served.includes(defaultModel)) {
    throw new BadRequestError(`Default model not on proxy: default_model=${defaultModel}, proxy models: ${served.join(', ') || '(none)'}`, {
      param: 'default_model',
    });
  }
}

function forgetCustomers(context: ManagementContext, userIds: readonly string[]): void {
  for (const userId of userIds) context.authDirectory.invalidateCustomer(userId);
}

/** `POST /customer/new`. */
async function newCustomer(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'new'>> {
  requireProxyAdmin(caller, 'create customers');
  const body = parseManagementInput(newCustomerBody, request.body);
  checkDefaultModel(context, body.default_model);
  const customer = await context.ledger.customers.create({ ...toCustomerFieldsInput(body), userId: body.user_id });
  forgetCustomers(context, [customer.userId]);
  logManagementChange(context, caller, 'customer_created', { end_user_id: customer.userId });
  return toLiteLLMCustomerInfo(customer);
}

/** `GET /customer/info?end_user_id=`. */
async function customerInfo(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'info'>> {
  requireReadAll(caller, 'view customers');
  const query = parseManagementInput(customerInfoQuery, request.query);
  return toLiteLLMCustomerInfo(await context.ledger.customers.getOrThrow(query.end_user_id));
}

/** `POST /customer/update`. */
async function updateCustomer(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'update'>> {
  requireProxyAdmin(caller, 'update customers');
  const body = parseManagementInput(updateCustomerBody, request.body);
  checkDefaultModel(context, body.default_model);
  const customer = await context.ledger.customers.update(body.user_id, toCustomerFieldsInput(body));
  forgetCustomers(context, [customer.userId]);
  logManagementChange(context, caller, 'customer_updated', { end_user_id: customer.userId });
  return toLiteLLMCustomerInfo(customer);
}

async function requireExistingCustomers(ledger: Ledger, userIds: readonly string[]): Promise<void> {
  const found = await Promise.all(userIds.map((userId) => ledger.customers.get(userId)));
  const missing = userIds.filter((_, index) => found[index] === undefined);
  if (missing.length > 0) throw new NotFoundError(`End User Id(s)=${missing.join(', ')} do not exist in db`, { param: 'user_ids' });
}

/** `POST /customer/delete`: all named customers must exist, or nothing is deleted. */
async function deleteCustomers(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'delete'>> {
  requireProxyAdmin(caller, 'delete customers');
  const body = parseManagementInput(customerIdsBody, request.body);
  await requireExistingCustomers(context.ledger, body.user_ids);
  const deleted = await context.ledger.customers.delete(body.user_ids);
  forgetCustomers(context, deleted);
  logManagementChange(context, caller, 'customers_deleted', { end_user_ids: deleted });
  return { deleted_customers: deleted.length, message: `Successfully deleted customers with ids: ${deleted.join(', ')}` };
}

/** Blocks customers, creating the unknown ones blocked (LiteLLM upserts), so an end user can be refused before their first call. */
async function blockCustomers(ledger: Ledger, userIds: readonly string[]): Promise<CustomerRecord[]> {
  const blocked: CustomerRecord[] = [];
  for (const userId of userIds) {
    const existing = await ledger.customers.get(userId);
    if (existing === undefined) {
      try {
        blocked.push(await ledger.customers.create({ userId, blocked: true }));
        continue;
      } catch (error) {
        // Created meanwhile (a concurrent call, or a spend event for that end user): block the existing row.
        if ((await ledger.customers.get(userId)) === undefined) throw error;
      }
    }
    blocked.push(await ledger.customers.update(userId, { blocked: true }));
  }
  return blocked;
}

/** `POST /customer/block` and `/customer/unblock`: the customers as they now stand. */
async function setCustomersBlocked(context: ManagementContext, { request, caller }: ManagementCall, blocked: boolean): Promise<Reply<'list'>> {
  requireProxyAdmin(caller, blocked ? 'block customers' : 'unblock customers');
  const body = parseManagementInput(customerIdsBody, request.body);
  let changed: CustomerRecord[];
  if (blocked) {
    changed = await blockCustomers(context.ledger, body.user_ids);
  } else {
    await requireExistingCustomers(context.ledger, body.user_ids);
    changed = await Promise.all(body.user_ids.map((userId) => context.ledger.customers.update(userId, { blocked: false })));
  }
  forgetCustomers(context, body.user_ids);
  logManagementChange(context, caller, blocked ? 'customers_blocked' : 'customers_unblocked', { end_user_ids: body.user_ids });
  return changed.map(toLiteLLMCustomerInfo);
}

/** `GET /customer/list` (unpaged, as LiteLLM's). */
async function listCustomers(context: ManagementContext, { request, caller }: ManagementCall): Promise<Reply<'list'>> {
  requireReadAll(caller, 'list customers');
  parseManagementInput(listCustomersQuery, request.query);
  const customers = await listAllPages(async (page) => {
    const result = await context.ledger.customers.list({ page, pageSize: 100 });
    return { rows: result.customers, totalPages: result.totalPages };
  });
  return customers.map(toLiteLLMCustomerInfo);
}

/** The `/customer/*` routes, each also under LiteLLM's older `/end_user/*` name. */
export function customerRoutes(context: ManagementContext): ManagementRoute[] {
  const both = (action: string) => [`/customer/${action}`, `/end_user/${action}`] as const;
  const responses = customerResponses;
  return [
    managementRoute({ method: 'post', paths: both('new'), access: 'write', response: responses.new, handle: (call) => newCustomer(context, call) }),
    managementRoute({ method: 'get', paths: both('info'), access: 'read', response: responses.info, handle: (call) => customerInfo(context, call) }),
    managementRoute({ method: 'post', paths: both('update'), access: 'write', response: responses.update, handle: (call) => updateCustomer(context, call) }),
    managementRoute({ method: 'post', paths: both('delete'), access: 'write', response: responses.delete, handle: (call) => deleteCustomers(context, call) }),
    managementRoute({ method: 'get', paths: both('list'), access: 'read', response: responses.list, handle: (call) => listCustomers(context, call) }),
    managementRoute({ method: 'post', paths: both('block'), access: 'write', response: responses.block, handle: async (call) => ({ blocked_users: await setCustomersBlocked(context, call, true) }) }),
    managementRoute({ method: 'post', paths: both('unblock'), access: 'write', response: responses.unblock, handle: async (call) => ({ unblocked_users: await setCustomersBlocked(context, call, false) }) }),
  ];
}
