import { NotFoundError } from '@tollgate/core';

/** Why a name did not resolve to one catalogue entry. */
export type UnknownModelReason = 'unknown' | 'ambiguous';

/** Options of {@link UnknownModelError}. */
export interface UnknownModelErrorOptions {
  /** `ambiguous` when a bare name matches entries of several providers. */
  reason?: UnknownModelReason;
  /** Catalogue keys that match (ambiguous) or look close (unknown). */
  candidates?: readonly string[];
}

/** 404: a model the price catalogue does not know (and no custom price was registered for). */
export class UnknownModelError extends NotFoundError {
  /** The name that was looked up. */
  readonly modelName: string;
  /** `unknown`, or `ambiguous` when the bare name exists under several providers. */
  readonly reason: UnknownModelReason;
  /** Keys that match or look close; name one of them instead. */
  readonly candidates: readonly string[];

  constructor(modelName: string, options: UnknownModelErrorOptions = {}) {
    const reason = options.reason ?? 'unknown';
    const candidates = options.candidates ?? [];
    super(UnknownModelError.describe(modelName, reason, candidates), { model: modelName, code: 'model_not_found' });
    this.modelName = modelName;
    this.reason = reason;
    this.candidates = candidates;
  }

  private static describe(modelName: string, reason: UnknownModelReason, candidates: readonly string[]): string {
    const listed = candidates.map((candidate) => `"${candidate}"`).join(', ');
    if (reason === 'ambiguous') {
      return `Model "${modelName}" is ambiguous: it is listed under several providers (${listed}). Name one as "provider/model".`;
    }
    const hint = candidates.length > 0 ? ` Did you mean ${listed}?` : '';
    return (
      `Model "${modelName}" is not in the price catalogue.${hint} Write it as "provider/model" ` +
      `(e.g. "openai/gpt-4o"), or register its prices with registerModel("${modelName}", ` +
      `{ input_cost_per_token, output_cost_per_token }).`
    );
  }
}
