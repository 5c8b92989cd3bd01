import { createHash } from 'node:crypto';
import { openLedger, type Ledger, type SpendEventInput } from '@tollgate/ledger';
import { MemoryLimitBackend } from '@tollgate/limits';
import { Router } from '@tollgate/router';
import type { AuthContext } from '../auth/auth-context.js';
import { AuthDirectory } from '../auth/auth-directory.js';
import { createLogger } from '../observability/create-logger.js';
import { ProxyMetrics } from '../observability/proxy-metrics.js';
import type { SpendSink } from '../spend/spend-sink.js';
import { buildProxyModelCatalogue, pricingNamesByDeployment } from './proxy-model-catalogue.js';
import { Gateway, type AdmissionInput, type CallOutcome } from './gateway.js';
import { createBudgetSeeder } from './seed-budget-counter.js';

/* Admission and settlement through the Gateway's public API, over an in-memory ledger, limiter and spend sink. */
const MASTER_KEY = 'sk-master-gateway';
// gpt-4o-mini's catalogue prices: 0.15 USD per 1M input tokens, 0.60 USD per 1M output tokens.
const USAGE = { prompt_tokens: 1_000, completion_tokens: 500, total_tokens: 1_500 };
const USAGE_COST_NANO = 1_000 * 150 + 500 * 600; // 450 000 nano-USD = 0.00045 USD

class RecordingSpendSink implements SpendSink {
  readonly events: SpendEventInput[] = [];
  async record(event: SpendEventInput): Promise<void> {
    this.events.push(event);
  }
  async totalsUpToDate(): Promise<void> {}
  async close(): Promise<void> {}
}

describe('Gateway', () => {
  let ledger: Ledger;
  let sink: RecordingSpendSink;
  let gateway: Gateway;
  let directory: AuthDirectory;
  let deploymentId: string;

  beforeEach(async () => {
    ledger = await openLedger({ url: ':memory:' });
    sink = new RecordingSpendSink();
    const modelList = [{ model_name: 'gpt-4o-mini', litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'sk-upstream', api_base: 'http://127.0.0.1:9' } }];
    const prices = buildProxyModelCatalogue(modelList);
    const router = new Router({ modelList });
    deploymentId = router.getDeployments('gpt-4o-mini')[0]!.id;
    directory = new AuthDirectory({ ledger, masterKeyHash: createHash('sha256').update(MASTER_KEY).digest('hex') });
    gateway = new Gateway({
      router,
      limiter: new MemoryLimitBackend({ seed: createBudgetSeeder(ledger) }),
      spendSink: sink,
      authDirectory: directory,
      pricingNames: pricingNamesByDeployment({ router, modelList, pricingNames: prices.pricingNames }),
      catalogue: prices.catalogue,
      globalBudget: undefined,
      timezone: 'UTC',
      metrics: new ProxyMetrics(),
      logger: createLogger({ level: 'silent' }),
    });
  });
  afterEach(() => ledger.close());

  const input = (auth: AuthContext, extra: Partial<AdmissionInput> = {}): AdmissionInput => ({
    auth,
    modelGroup: 'gpt-4o-mini',
    endUser: undefined,
    callType: 'acompletion',
    messages: [{ role: 'user', content: 'Say hello.' }],
    requestedMaxTokens: 100,
    ...extra,
  });
  const success = (usage: CallOutcome['usage'] = USAGE): CallOutcome => ({
    status: 'success',
    usage,
    deploymentId,
    model: 'gpt-4o-mini',
    provider: 'openai',
    apiBase: 'http://127.0.0.1:9',
  });
  const keyAuth = async (fields: Parameters<Ledger['keys']['create']>[0] = {}) => directory.authenticate((await ledger.keys.create(fields)).key);

  it('admits the master key without reserving anything and books its exact cost', async () => {
    const admission = await gateway.admit(input(await directory.authenticate(MASTER_KEY)));
    expect(admission).toMatchObject({ reserved: false, headers: {} });
    expect(admission.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/); // a UUIDv7
    const settlement = await gateway.settle(admission, success());
    expect(settlement.costUsd).toBe(0.00045);
    expect(settlement.keySpendUsd).toBeUndefined();
    expect(sink.events).toHaveLength(1);
    expect(sink.events[0]).toMatchObject({
      request_id: admission.requestId,
      api_key: createHash('sha256').update(MASTER_KEY).digest('hex'),
      cost_nano: String(USAGE_COST_NANO),
      prompt_tokens: 1_000,
      completion_tokens: 500,
      model_group: 'gpt-4o-mini',
      model_id: deploymentId,
      status: 'success',
    });
  });

  it("adds each settled call to the key's spend shown in x-litellm-key-spend", async () => {
    const auth = await keyAuth({ maxBudgetNano: 1_000_000_000n });
    const first = await gateway.settle(await gateway.admit(input(auth)), success());
    const second = await gateway.settle(await gateway.admit(input(auth)), success());
    expect(first.keySpendUsd).toBe(0.00045);
    expect(second.keySpendUsd).toBe(0.0009);
    expect(sink.events.map((event) => event.cost_nano)).toEqual(['450000', '450000']);
    expect(sink.events[0]?.api_key).toBe(auth.tokenHash);
  });

  it('books a call without usage, or on an unpriced deployment, with an unknown cost (never 0)', async () => {
    const auth = await keyAuth();
    const withoutUsage = await gateway.settle(await gateway.admit(input(auth)), success(null));
    const unpriced = await gateway.settle(await gateway.admit(input(auth)), { ...success(), deploymentId: 'not-a-deployment' });
    expect([withoutUsage.costUsd, unpriced.costUsd]).toEqual([null, null]);
    expect(sink.events.map((event) => event.cost_nano)).toEqual([null, null]);
    expect(withoutUsage.keySpendUsd).toBe(0);
  });

  it('refuses a request once the rpm limit is used, with a 429', async () => {
    const auth = await keyAuth({ rpmLimit: 1 });
    const admitted = await gateway.admit(input(auth));
    expect(admitted.reserved).toBe(true);
    expect(admitted.headers).toMatchObject({ 'x-ratelimit-limit-requests': '1', 'x-ratelimit-remaining-requests': '0' });
    await gateway.settle(admitted, success());
    await expect(gateway.admit(input(auth))).rejects.toMatchObject({ status: 429, message: expect.stringContaining('Limit type: requests') });
  });

  it('holds a parallel slot until the call is released or settled', async () => {
    const auth = await keyAuth({ maxParallelRequests: 1 });
    const first = await gateway.admit(input(auth));
    await expect(gateway.admit(input(auth))).rejects.toMatchObject({ status: 429, message: expect.stringContaining('max_parallel_requests') });
    await gateway.release(first);
    const second = await gateway.admit(input(auth));
    await gateway.settle(second, success());
    await expect(gateway.admit(input(auth))).resolves.toMatchObject({ reserved: true });
  });

  it('refuses a key whose budget is spent, with a 400 naming the budget', async () => {
    const auth = await keyAuth({ maxBudgetNano: 450_000n });
    await gateway.settle(await gateway.admit(input(auth, { requestedMaxTokens: 10 })), success());
    await expect(gateway.admit(input(auth, { requestedMaxTokens: 10 }))).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Budget has been exceeded!'),
    });
  });

  it('lowers max_tokens to what the remaining budget affords', async () => {
    const auth = await keyAuth({ maxBudgetNano: 1_000_000n }); // 0.001 USD: about 1 600 output tokens at 0.60 USD per 1M
    const admission = await gateway.admit(input(auth, { requestedMaxTokens: undefined }));
    expect(admission.loweredMaxTokens).toBeGreaterThan(0);
    expect(admission.loweredMaxTokens).toBeLessThan(1_000_000 / 600);
    expect(admission.outputTokenLimit).toBe(admission.loweredMaxTokens);
    await gateway.release(admission);
    const affordable = await gateway.admit(input(auth, { requestedMaxTokens: 100 }));
    expect(affordable.loweredMaxTokens).toBeUndefined();
  });

  it('refuses a blocked customer with a 403 before reserving anything', async () => {
    await ledger.customers.create({ userId: 'mallory', blocked: true });
    const auth = await keyAuth({ rpmLimit: 1 });
    await expect(gateway.admit(input(auth, { endUser: 'mallory' }))).rejects.toMatchObject({ status: 403, type: 'customer_blocked' });
    await expect(gateway.admit(input(auth))).resolves.toMatchObject({ reserved: true }); // the refused call used no rpm
  });
});
