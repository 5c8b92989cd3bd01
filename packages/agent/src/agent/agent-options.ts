import { ModelCatalogue } from '@tollgate/pricing';
import { z } from 'zod';
import type { ModelClient } from '../client/model-client.js';
import type { Tool } from '../tool/tool.js';
import { RESERVED_SETTINGS, type ModelSettings } from './model-settings.js';

const isTool = (value: unknown): value is Tool =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Tool).name === 'string' &&
  typeof (value as Tool).execute === 'function' &&
  typeof (value as Tool).jsonSchema === 'object';

const isModelClient = (value: unknown): value is ModelClient =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ModelClient).complete === 'function' &&
  typeof (value as ModelClient).stream === 'function';

/** The Agent's options, validated when it is built (strict: a misspelt option is an error). */
export const agentOptionsSchema = z.strictObject({
  /** Model to call: `provider/model` for the providers client, a model group for a Router, the endpoint's name for a proxy. */
  model: z.string().min(1),
  /** The system message of every call. */
  instructions: z.string().optional(),
  /** Tools the model may call (built with `tool()`); names must be unique. */
  tools: z
    .array(z.custom<Tool>(isTool, 'must be a tool built with tool()'))
    .default([])
    .refine((tools) => new Set(tools.map((tool) => tool.name)).size === tools.length, 'tool names must be unique'),
  /** Params sent with every call (`temperature`, `max_tokens`, provider-specific ones…). */
  modelSettings: z
    .custom<ModelSettings>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be an object of model params')
    .default({})
    .refine((settings) => !RESERVED_SETTINGS.some((key) => key in settings), {
      error: `may not set ${RESERVED_SETTINGS.join(', ')} (the agent sets them)`,
    }),
  /** Most model calls in one run (default 10); one more would throw `MaxTurnsExceededError`. */
  maxTurns: z.number().int().positive().default(10),
  /** Cap on a run's cost, USD: a call whose worst case could pass it is not made (`MaxCostExceededError`). */
  maxCostUsd: z.number().positive().optional(),
  /** Time limit of a tool execution in milliseconds when the tool sets none (default 60 000). */
  toolTimeoutMs: z.number().int().positive().default(60_000),
  /** How the agent calls the model (default: `providersClient()`, direct provider calls). */
  client: z.custom<ModelClient>(isModelClient, 'must be a ModelClient (complete and stream)').optional(),
  /** Prices for the cost cap and for calls the client could not price (default: `@tollgate/pricing`'s catalogue). */
  catalogue: z.custom<ModelCatalogue>((value) => value instanceof ModelCatalogue, 'must be a ModelCatalogue').optional(),
  /** Catalogue name to price the model with, overriding the client's choice (e.g. a proxy's alias). */
  pricingModel: z.string().min(1).optional(),
});

/** What `new Agent()` takes. */
export type AgentOptions = z.input<typeof agentOptionsSchema>;
