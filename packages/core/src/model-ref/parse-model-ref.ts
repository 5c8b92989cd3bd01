import { BadRequestError } from '../errors/bad-request-error.js';

/** A model named by its provider and the provider's own model id. */
export interface ModelRef {
  /** Provider id, e.g. `openai`, `anthropic`, `together_ai`. */
  provider: string;
  /** The provider's model id; may contain `/` (`meta-llama/Llama-3-70b`). */
  model: string;
}

/** Options of `parseModelRef`. */
export interface ParseModelRefOptions {
  /** Provider ids Tollgate can call; the first path segment of a model name is a provider only if listed here. */
  knownProviders: ReadonlySet<string> | readonly string[];
  /**
   * Looks up a name that does not start with a known provider (a bare `gpt-4o`, or `meta-llama/x`), usually in the
   * pricing catalogue. Returns undefined when it does not know the name. Core cannot depend on the catalogue, so
   * the caller injects it.
   */
  resolveBareModel?: (name: string) => ModelRef | undefined;
}

const SHOWN_PROVIDERS = 30;

/**
 * Splits a model name into provider and model id. `provider/model` names a known provider explicitly (the model id
 * may itself contain `/`: `openrouter/anthropic/claude-3.5` is provider `openrouter`, model
 * `anthropic/claude-3.5`); any other name goes to `resolveBareModel`. Throws `BadRequestError` (param `model`) when
 * neither gives a known provider.
 */
export function parseModelRef(model: string, options: ParseModelRefOptions): ModelRef {
  // A caller on the hot path passes a Set once built; only arrays are copied.
  const knownProviders: ReadonlySet<string> =
    options.knownProviders instanceof Set ? options.knownProviders : new Set(options.knownProviders);
  if (model.trim() === '') throw new BadRequestError("Missing required parameter: 'model'.", { param: 'model' });

  const slash = model.indexOf('/');
  if (slash !== -1) {
    const provider = model.slice(0, slash);
    const providerModel = model.slice(slash + 1);
    if (knownProviders.has(provider)) {
      if (providerModel === '') {
        throw new BadRequestError(
          `Invalid value for 'model': '${model}' names provider '${provider}' but no model. ` +
            `Name it as '${provider}/<model>'.`,
          { param: 'model', model },
        );
      }
      return { provider, model: providerModel };
    }
  }

  const resolved = options.resolveBareModel?.(model);
  if (resolved === undefined) throw unknownModelError(model, knownProviders);
  if (!knownProviders.has(resolved.provider)) {
    throw new BadRequestError(
      `Invalid value for 'model': '${model}' is served by provider '${resolved.provider}', which Tollgate cannot ` +
        `call. ${knownProvidersSentence(knownProviders)}`,
      { param: 'model', model },
    );
  }
  return resolved;
}

function unknownModelError(model: string, knownProviders: ReadonlySet<string>): BadRequestError {
  const slash = model.indexOf('/');
  const prefixNote =
    slash === -1 ? '' : ` '${model.slice(0, slash)}' is not a known provider, so the whole name was looked up.`;
  return new BadRequestError(
    `Invalid value for 'model': unknown model '${model}'.${prefixNote} Name the provider explicitly as ` +
      `'<provider>/<model>' (e.g. 'openai/gpt-4o', 'anthropic/claude-sonnet-4-5'), or use a model name the ` +
      `catalogue knows. ${knownProvidersSentence(knownProviders)}`,
    { param: 'model', model },
  );
}

function knownProvidersSentence(knownProviders: ReadonlySet<string>): string {
  if (knownProviders.size === 0) return 'No providers are configured.';
  const sorted = [...knownProviders].sort();
  const shown = sorted.slice(0, SHOWN_PROVIDERS).join(', ');
  const more = sorted.length > SHOWN_PROVIDERS ? ` and ${sorted.length - SHOWN_PROVIDERS} more` : '';
  return `Known providers: ${shown}${more}.`;
}
