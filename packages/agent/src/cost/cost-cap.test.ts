import { BadRequestError, BudgetExceededError, usdToNanoUsd } from '@tollgate/core';
import { countTokens, ModelCatalogue, worstCaseCost, worstCaseParamsOf } from '@tollgate/pricing';
import { z } from 'zod';
import { Agent } from '../agent/agent.js';
import type { ModelClient } from '../client/model-client.js';
import { MaxCostExceededError } from '../errors/max-cost-exceeded-error.js';
import { scriptedModel, type ScriptedTurn } from '../testing/scripted-model.js';
import { tool } from '../tool/tool.js';
import { CostGuard } from './cost-guard.js';

// A test price: $10 per 1M input tokens, $20 per 1M output tokens, at most 500 output tokens per call.
const catalogue = new ModelCatalogue();
catalogue.registerModel('test/priced', { input_cost_per_token: 0.00001, output_cost_per_token: 0.00002, max_output_tokens: 500 });

const echo = tool({ name: 'echo', description: 'Echoes', parameters: z.object({ text: z.string() }), execute: ({ text }) => text.repeat(20) });

/** A model that calls a tool forever, each reply using its whole output limit (the most it could cost). */
function expensiveLoop(turns: number): ScriptedTurn[] {
  return Array.from({ length: turns }, (_, index) => ({
    toolCalls: [{ id: `call_${index}`, name: 'echo', arguments: { text: `step ${index} ` } }],
    usage: { prompt_tokens: 200 + 150 * index, completion_tokens: 500 },
  }));
}

describe('maxCostUsd', () => {
  it('stops before the call that could pass the cap, so the run never overspends', async () => {
    const maxCostUsd = 0.05;
    const model = scriptedModel({ turns: expensiveLoop(50), pricingModel: 'test/priced' });
    const agent = new Agent({ model: 'test/priced', tools: [echo], client: model, catalogue, maxCostUsd, instructions: 'Loop.' });

    const error = await agent.run('spend').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MaxCostExceededError);
    expect(error).toBeInstanceOf(BudgetExceededError);
    const { result, nextCallWorstCaseUsd } = error as MaxCostExceededError;
    expect(result.stopReason).toBe('max_cost');
    expect(result.turns.length).toBeGreaterThan(1);
    expect(model.calls).toHaveLength(result.turns.length);
    expect(result.totalCostUsd).toBeLessThanOrEqual(maxCostUsd);
    // It stopped only because the next call's bound did not fit.
    expect(result.totalCostUsd + nextCallWorstCaseUsd).toBeGreaterThan(maxCostUsd);
    // Every call made was affordable at its worst case, given what had been spent before it.
    let spentNanoUsd = 0n;
    model.calls.forEach((call, index) => {
      const count = countTokens({ model: 'test/priced', messages: call.request.messages, tools: (call.request.tools ?? []) as never });
      const bound = worstCaseCost({ model: 'test/priced', catalogue, promptTokens: count.tokens, promptTokensEstimated: count.estimated });
      if (!bound.bounded) throw new Error(bound.message);
      expect(spentNanoUsd + BigInt(bound.costNanoUsd)).toBeLessThanOrEqual(usdToNanoUsd(maxCostUsd));
      spentNanoUsd += usdToNanoUsd(result.turns[index]?.costUsd ?? 0);
    });
    expect((error as MaxCostExceededError).message).toMatch(/stopped before its next model call: it could cost up to \$0\.01/);
  });

  it('prices turns from the catalogue when the client reports no cost, and prefers a reported cost', async () => {
    const model = scriptedModel({
      turns: [
        { toolCalls: [{ id: 'c1', name: 'echo', arguments: { text: 'a' } }], usage: { prompt_tokens: 1000, completion_tokens: 100 } },
        { text: 'done', usage: { prompt_tokens: 1000, completion_tokens: 100 }, costUsd: 0.5 },
      ],
      pricingModel: 'test/priced',
    });
    const result = await new Agent({ model: 'test/priced', tools: [echo], client: model, catalogue }).run('x');
    // 1000 × $0.00001 + 100 × $0.00002 = $0.012
    expect(result.turns.map((turn) => turn.costUsd)).toEqual([0.012, 0.5]);
    expect(result.totalCostUsd).toBe(0.512);
    expect(result.unpricedTurns).toBe(0);
    expect(result.usage).toMatchObject({ promptTokens: 2000, completionTokens: 200, totalTokens: 2200 });
  });

  it('reports turns it cannot price as unpriced, not as free', async () => {
    const model = scriptedModel([{ text: 'hi', usage: { prompt_tokens: 10, completion_tokens: 2 } }]);
    const result = await new Agent({ model: 'nobody/knows-this-model', client: model }).run('x');
    expect(result.turns[0]?.costUsd).toBeNull();
    expect(result.unpricedTurns).toBe(1);
    expect(result.totalCostUsd).toBe(0);
  });

  it('fails closed when the cap cannot be enforced: no price, or no output limit', () => {
    expect(() => new Agent({ model: 'nobody/knows-this-model', client: scriptedModel([]), maxCostUsd: 1 })).toThrow(BadRequestError);
    expect(() => new Agent({ model: 'nobody/knows-this-model', client: scriptedModel([]), maxCostUsd: 1 })).toThrow(/maxCostUsd cannot be enforced: the catalogue has no input and output price/);
    const noLimit = new ModelCatalogue();
    noLimit.registerModel('test/unlimited', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 });
    const create = (modelSettings: Record<string, unknown>) =>
      new Agent({ model: 'test/unlimited', client: scriptedModel([]), catalogue: noLimit, maxCostUsd: 1, modelSettings });
    expect(() => create({})).toThrow(/no output limit is known/);
    expect(() => create({ max_tokens: 100 })).not.toThrow();
  });

  it('uses the max_tokens setting as the output bound, which lets more calls fit', async () => {
    const turns = Array.from({ length: 40 }, (_, index) => ({ toolCalls: [{ id: `c${index}`, name: 'echo', arguments: { text: 'x' } }], usage: { prompt_tokens: 100, completion_tokens: 50 } }));
    const run = async (modelSettings: Record<string, unknown>) => {
      const model = scriptedModel({ turns, pricingModel: 'test/priced' });
      const error = await new Agent({ model: 'test/priced', tools: [echo], client: model, catalogue, maxCostUsd: 0.02, modelSettings }).run('x').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MaxCostExceededError);
      return model.calls.length;
    };
    const withLimit = await run({ max_tokens: 50 });
    const withoutLimit = await run({});
    expect(withLimit).toBeGreaterThan(withoutLimit);
  });

  it('counts an unpriced call at its worst case against the cap', async () => {
    // A client that reports neither cost nor usage: the run cannot know what it spent, so it assumes the worst.
    const model = scriptedModel({ turns: expensiveLoop(50), pricingModel: 'test/priced' });
    const client: ModelClient = {
      complete: async (request, options) => ({ ...(await model.complete(request, options)), usage: null, costNanoUsd: null }),
      stream: (request, options) => model.stream(request, options),
      pricingModels: () => ['test/priced'],
    };
    const error = await new Agent({ model: 'test/priced', tools: [echo], client, catalogue, maxCostUsd: 0.05 }).run('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MaxCostExceededError);
    const { result } = error as MaxCostExceededError;
    expect(result.unpricedTurns).toBe(result.turns.length);
    expect(result.turns.length).toBeGreaterThan(0);
    expect(result.turns.length).toBeLessThan(6);
  });

  it('bounds every choice a call generates (modelSettings.n), with the same rule as the gateway', () => {
    const guard = (choices: number) => new CostGuard({ maxCostUsd: 1, catalogue, pricingModels: ['test/priced'], maxOutputTokens: undefined, choices });
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], tools: [], spentNanoUsd: 0n };
    const one = guard(1).checkNextCall(request).worstCase;
    const three = guard(3).checkNextCall(request).worstCase;
    // 2 more choices × 500 output tokens × $0.00002
    expect(three.costNanoUsd - one.costNanoUsd).toBe(BigInt(2 * 500 * 20_000));
    expect(three.maxOutputTokens).toBe(1_500);
    expect(worstCaseParamsOf({ n: 3 }).choices).toBe(3);
    expect(worstCaseParamsOf({ best_of: 4, n: 2 }).choices).toBe(4);
  });
});
