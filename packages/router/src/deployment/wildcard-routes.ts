import { LruCache } from '@tollgate/core';
import type { RouterCatalogue } from '../catalogue/router-catalogue.js';
import type { ModelListEntry } from '../config/model-list-schema.js';
import { buildDeployments } from './build-deployments.js';
import type { Deployment } from './deployment.js';

/** A `model_name` with one `*`: `*`, `openai/*`, `anthropic/claude-*`. */
interface WildcardPattern {
  name: string;
  prefix: string;
  suffix: string;
  entries: ModelListEntry[];
}

/** Whether a `model_name` is a wildcard route rather than a model group. */
export function isWildcardName(name: string): boolean {
  return name.includes('*');
}

/**
 * LiteLLM's wildcard routes: a `model_name` such as `openai/*` (or `*`) serves every model it matches, with the
 * `*` of its deployments' `litellm_params.model` replaced by what the name's `*` matched (`openai/gpt-4o` →
 * `model: openai/*` calls `openai/gpt-4o`). The most specific pattern wins (longest literal text). Each name a
 * client uses becomes a group of its own deployments (own ids, so own cooldowns and usage), kept in a bounded
 * cache: names are client input, so unbounded growth would be a memory attack; an evicted name is rebuilt
 * identically on its next use.
 */
export class WildcardRoutes {
  private readonly patterns: WildcardPattern[];
  private readonly built: LruCache<string, readonly Deployment[] | null>;

  constructor(
    modelList: readonly ModelListEntry[],
    private readonly catalogue: RouterCatalogue,
    capacity = 1_000,
  ) {
    const byName = new Map<string, WildcardPattern>();
    for (const entry of modelList) {
      if (!isWildcardName(entry.model_name)) continue;
      const star = entry.model_name.indexOf('*');
      const pattern = byName.get(entry.model_name) ?? {
        name: entry.model_name,
        prefix: entry.model_name.slice(0, star),
        suffix: entry.model_name.slice(star + 1),
        entries: [],
      };
      pattern.entries.push(entry);
      byName.set(entry.model_name, pattern);
    }
    this.patterns = [...byName.values()].sort((a, b) => b.prefix.length + b.suffix.length - (a.prefix.length + a.suffix.length));
    this.built = new LruCache(capacity);
  }

  /** The wildcard `model_name`s, in specificity order. */
  patternNames(): string[] {
    return this.patterns.map((pattern) => pattern.name);
  }

  /** The deployments serving a concrete model name through a wildcard route, or undefined when none matches. */
  deploymentsFor(name: string): readonly Deployment[] | undefined {
    if (isWildcardName(name) || this.patterns.length === 0) return undefined;
    const cached = this.built.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const deployments = this.build(name);
    this.built.set(name, deployments ?? null);
    return deployments;
  }

  private build(name: string): readonly Deployment[] | undefined {
    for (const pattern of this.patterns) {
      const matches = name.length > pattern.prefix.length + pattern.suffix.length && name.startsWith(pattern.prefix) && name.endsWith(pattern.suffix);
      if (!matches) continue;
      const captured = name.slice(pattern.prefix.length, name.length - pattern.suffix.length);
      const entries = pattern.entries.map((entry): ModelListEntry => {
        const model = entry.litellm_params.model.replace('*', captured);
        // An explicit id names the template; each concrete model gets its own (cooldowns are per deployment id).
        const explicitId = entry.model_info?.id;
        const modelInfo = explicitId == null ? entry.model_info : { ...entry.model_info, id: `${explicitId}:${name}` };
        return { ...entry, model_name: name, litellm_params: { ...entry.litellm_params, model }, ...(modelInfo ? { model_info: modelInfo } : {}) };
      });
      return buildDeployments({ modelList: entries, catalogue: this.catalogue }).get(name);
    }
    return undefined;
  }
}

/** Model groups by name: the configured ones, then any name a wildcard route serves (built on first use). */
export class ModelGroupMap extends Map<string, readonly Deployment[]> {
  constructor(
    configured: ReadonlyMap<string, readonly Deployment[]>,
    private readonly wildcards: WildcardRoutes,
  ) {
    super(configured);
  }

  override get(name: string): readonly Deployment[] | undefined {
    return super.get(name) ?? this.wildcards.deploymentsFor(name);
  }

  override has(name: string): boolean {
    return super.has(name) || this.wildcards.deploymentsFor(name) !== undefined;
  }
}
