import type { CatalogueModelFacts, RouterCatalogue } from '../catalogue/router-catalogue.js';
import type { ModelListEntryInput } from '../config/model-list-schema.js';
import type { RouterSettingsInput } from '../config/router-settings-schema.js';
import { Router } from '../router.js';
import { createSeededRandom } from '../runtime/seeded-random.js';
import { InMemoryRouterStateStore } from '../state/in-memory-router-state-store.js';
import { ManualClock } from '../testing/manual-clock.js';
import { scriptedDeployments, type ScriptStep, type ScriptedDeployments } from '../testing/scripted-deployments.js';

/**
 * A catalogue for tests: one token per character of message content (easy to reason about), and the facts given
 * per model.
 */
export function characterCatalogue(facts: Record<string, CatalogueModelFacts> = {}): RouterCatalogue {
  return {
    lookupModel: (model) => facts[model],
    countPromptTokens: ({ messages }) =>
      messages.reduce(
        (sum, message) => sum + (typeof message.content === 'string' ? message.content.length : 0),
        0,
      ),
  };
}

/** A router over scripted deployments with a manual clock, a seeded random source and an inspectable store. */
export interface Harness {
  router: Router;
  deployments: ScriptedDeployments;
  clock: ManualClock;
  store: InMemoryRouterStateStore;
}

export function createHarness(options: {
  modelList: ModelListEntryInput[];
  routerSettings?: RouterSettingsInput;
  scripts?: Record<string, readonly ScriptStep[]>;
  seed?: number;
  catalogue?: RouterCatalogue;
}): Harness {
  const deployments = scriptedDeployments(options.scripts);
  const clock = new ManualClock();
  const store = new InMemoryRouterStateStore();
  const router = new Router({
    modelList: options.modelList,
    routerSettings: options.routerSettings,
    callDeployment: deployments.callDeployment,
    stateStore: store,
    clock,
    random: createSeededRandom(options.seed ?? 42),
    catalogue: options.catalogue ?? characterCatalogue(),
  });
  return { router, deployments, clock, store };
}

/** A model_list entry of group `group` whose deployment is `fake/<name>`. */
export function entry(
  group: string,
  name: string,
  params: Record<string, unknown> = {},
  modelInfo?: ModelListEntryInput['model_info'],
): ModelListEntryInput {
  return {
    model_name: group,
    litellm_params: { model: `fake/${name}`, ...params },
    ...(modelInfo ? { model_info: modelInfo } : {}),
  };
}

/** The smallest chat request. */
export function chat<const Extra extends Record<string, unknown> = {}>(
  model: string,
  extra?: Extra,
): { model: string; messages: { role: 'user'; content: string }[] } & NoInfer<Extra> {
  return { model, messages: [{ role: 'user', content: 'hi' }], ...(extra as Extra) };
}

/** Reads a whole stream. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
