import type { CallDeployment } from './call/deployment-call.js';
import type { RouterCatalogue } from './catalogue/router-catalogue.js';
import type { Deployment } from './deployment/deployment.js';
import type { RouterPolicy } from './policy/router-policy.js';
import type { Clock } from './runtime/clock.js';
import type { RouterStateStore } from './state/router-state-store.js';
import type { RoutingStrategy } from './strategies/routing-strategy.js';

/** Everything a routed request needs from its router; built once by the Router. */
export interface RouterContext {
  /** Model group → its deployments, in configuration order. */
  readonly groups: ReadonlyMap<string, readonly Deployment[]>;
  /** Alias → model group. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly policy: RouterPolicy;
  readonly strategy: RoutingStrategy;
  readonly store: RouterStateStore;
  readonly clock: Clock;
  readonly random: () => number;
  readonly catalogue: RouterCatalogue;
  readonly callDeployment: CallDeployment;
}
