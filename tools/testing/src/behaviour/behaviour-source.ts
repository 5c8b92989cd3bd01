import type { RecordedRequest } from '../http/recorded-request.js';
import type { MockBehaviour, MockBehaviourFunction } from './mock-behaviour.js';

/**
 * Decides which behaviour answers a request. Order: the request's own `x-mock-behaviour` header (a black-box
 * client's choice), then the queue (a test's scripted sequence, one entry per request), then the behaviour set
 * with `setBehaviour`, then the server's default.
 */
export class BehaviourSource {
  readonly #fallback: MockBehaviour;
  readonly #initial: MockBehaviour | MockBehaviourFunction | undefined;
  #configured: MockBehaviour | MockBehaviourFunction | undefined;
  #queue: MockBehaviour[] = [];

  constructor(options: { fallback: MockBehaviour; initial: MockBehaviour | MockBehaviourFunction | undefined }) {
    this.#fallback = options.fallback;
    this.#initial = options.initial;
    this.#configured = options.initial;
  }

  /** Replaces the behaviour used when the queue is empty; `undefined` restores the default. */
  set(behaviour: MockBehaviour | MockBehaviourFunction | undefined): void {
    this.#configured = behaviour;
  }

  /** Adds behaviours answered one per request, in order, before the configured one. */
  enqueue(behaviours: readonly MockBehaviour[]): void {
    this.#queue.push(...behaviours);
  }

  /** How many queued behaviours are still waiting for a request. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Empties the queue and restores the behaviour the server started with. */
  reset(): void {
    this.#queue = [];
    this.#configured = this.#initial;
  }

  /** The behaviour for this request; consumes one queue entry when there is one. */
  pick(request: RecordedRequest, fromHeader: MockBehaviour | undefined): MockBehaviour {
    if (fromHeader) return fromHeader;
    const queued = this.#queue.shift();
    if (queued) return queued;
    const configured = this.#configured;
    if (typeof configured === 'function') return configured(request) ?? this.#fallback;
    return configured ?? this.#fallback;
  }
}
