import { defaultCatalogue } from '../catalogue/default-catalogue.js';
import type { ModelCatalogue } from '../catalogue/model-catalogue.js';
import type { ModelCapabilities, ModelInfo, TokenPrices } from '../catalogue/model-info.js';
import { UnknownModelError } from '../catalogue/unknown-model-error.js';
import { completionCost } from '../cost/completion-cost.js';
import type { CostBucket } from '../cost/cost-result.js';
import { formatFemtoUsd, formatNanoUsd, formatUsdPerMillionTokens } from '../units/format-decimal.js';

export const PRICE_CLI_USAGE =
  'usage: tollgate-price <model> <prompt_tokens> <completion_tokens> [--cached N] [--cache-write N] [--reasoning N]\n' +
  '  prompt_tokens include cached and cache-written tokens; completion_tokens include reasoning tokens.';

/** Where the CLI writes; injected so tests can read it. */
export interface CliOutput {
  out: (line: string) => void;
  error: (line: string) => void;
}

interface PriceArguments {
  model: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

class ArgumentError extends Error {}

const OPTION_NAMES: Readonly<Record<string, 'cachedTokens' | 'cacheWriteTokens' | 'reasoningTokens'>> = {
  '--cached': 'cachedTokens',
  '--cache-write': 'cacheWriteTokens',
  '--reasoning': 'reasoningTokens',
};

function tokenCount(text: string | undefined, name: string): number {
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new ArgumentError(`${name} must be a non-negative integer, got ${text ?? 'nothing'}`);
  }
  return Number(text);
}

function parseArguments(argv: readonly string[]): PriceArguments {
  const positional: string[] = [];
  const options = { cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const [flag, inlineValue] = argument.split('=', 2) as [string, string | undefined];
    const option = OPTION_NAMES[flag];
    if (option !== undefined) {
      const value = inlineValue ?? argv[(index += 1)];
      options[option] = tokenCount(value, flag);
    } else if (argument.startsWith('--')) {
      throw new ArgumentError(`unknown option ${argument}`);
    } else {
      positional.push(argument);
    }
  }
  if (positional.length !== 3) throw new ArgumentError(`expected 3 arguments, got ${positional.length}`);
  const [model, prompt, completion] = positional as [string, string, string];
  const parsed = {
    model,
    promptTokens: tokenCount(prompt, 'prompt_tokens'),
    completionTokens: tokenCount(completion, 'completion_tokens'),
    ...options,
  };
  if (parsed.cachedTokens + parsed.cacheWriteTokens > parsed.promptTokens) {
    throw new ArgumentError('--cached plus --cache-write cannot exceed prompt_tokens');
  }
  if (parsed.reasoningTokens > parsed.completionTokens) {
    throw new ArgumentError('--reasoning cannot exceed completion_tokens');
  }
  return parsed;
}

const PRICE_LABELS: [keyof TokenPrices, string][] = [
  ['input', 'input'],
  ['output', 'output'],
  ['cacheRead', 'cache read'],
  ['cacheWrite', 'cache write'],
  ['cacheWriteOneHour', 'cache write (1h)'],
  ['reasoning', 'reasoning'],
];

const BUCKET_LABELS: Readonly<Record<CostBucket, string>> = {
  uncachedInput: 'uncached input',
  cacheRead: 'cache read',
  cacheWrite: 'cache write',
  cacheWriteOneHour: 'cache write (1h)',
  textOutput: 'text output',
  reasoning: 'reasoning',
};

function describePrices(prices: TokenPrices): string {
  return PRICE_LABELS.filter(([bucket]) => prices[bucket] !== undefined)
    .map(([bucket, label]) => `${label} ${formatUsdPerMillionTokens(prices[bucket] ?? 0)}`)
    .join(', ');
}

function describeCapabilities(capabilities: ModelCapabilities): string {
  const names = Object.entries(capabilities)
    .filter(([, supported]) => supported === true)
    .map(([name]) => name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`));
  return names.length > 0 ? names.join(', ') : 'none listed';
}

function describeModel(info: ModelInfo, output: CliOutput): void {
  const number = (value: number | undefined) => (value === undefined ? 'unknown' : `${value} tokens`);
  const custom = info.origin === 'custom' ? ', custom' : '';
  output.out(`${info.key}  (provider ${info.provider}, mode ${info.mode ?? 'unknown'}${custom})`);
  output.out(`  context window   ${number(info.maxInputTokens)}`);
  output.out(`  max output       ${number(info.maxOutputTokens ?? info.maxTokens)}`);
  const prices = info.nanoUsdPerMillionTokens;
  output.out(`  USD per 1M tokens: ${prices === undefined ? 'no token prices' : describePrices(prices)}`);
  for (const tier of info.tiers) {
    output.out(`    above ${tier.aboveInputTokens} prompt tokens: ${describePrices(tier.nanoUsdPerMillionTokens)}`);
  }
  output.out(`  capabilities: ${describeCapabilities(info.capabilities)}`);
}

/** Runs `tollgate-price`; returns the exit code (0 priced, 1 unknown/unpriced model, 2 bad arguments). */
export function runPriceCli(
  argv: readonly string[],
  output: CliOutput,
  catalogue: ModelCatalogue = defaultCatalogue,
): number {
  let parsed: PriceArguments;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    output.error(`error: ${error.message}`);
    output.error(PRICE_CLI_USAGE);
    return 2;
  }
  let info: ModelInfo;
  try {
    info = catalogue.getModelInfo(parsed.model);
  } catch (error) {
    if (!(error instanceof UnknownModelError)) throw error;
    output.error(`error: ${error.message}`);
    return 1;
  }
  describeModel(info, output);
  const cost = completionCost({
    model: parsed.model,
    catalogue,
    usage: {
      uncachedInputTokens: parsed.promptTokens - parsed.cachedTokens - parsed.cacheWriteTokens,
      cacheReadTokens: parsed.cachedTokens,
      cacheWriteTokens: parsed.cacheWriteTokens,
      textOutputTokens: parsed.completionTokens - parsed.reasoningTokens,
      reasoningTokens: parsed.reasoningTokens,
    },
  });
  output.out('');
  output.out(`cost of ${parsed.promptTokens} prompt + ${parsed.completionTokens} completion tokens:`);
  if (!cost.priced) {
    output.error(`not priced (${cost.reason}): ${cost.message}`);
    return 1;
  }
  if (cost.tierAboveInputTokens !== null) output.out(`  long-context tier: prompt above ${cost.tierAboveInputTokens} tokens`);
  for (const line of cost.breakdown) {
    const label = BUCKET_LABELS[line.bucket].padEnd(17);
    const rate = `${formatUsdPerMillionTokens(line.nanoUsdPerMillionTokens)}/1M`.padEnd(12);
    output.out(`  ${label}${String(line.tokens).padStart(9)} × ${rate} = $${formatFemtoUsd(line.costFemtoUsd)}`);
  }
  output.out(`  total            $${formatNanoUsd(cost.costNanoUsd)}  (${cost.costNanoUsd} nano-USD)`);
  return 0;
}
