import { releaseRequestSchema, settleRequestSchema, type ReleaseRequest, type SettleRequest } from './admit-request.js';

/** How an admitted request ended, as both back-ends apply it: settled with its actual cost, or released with none. */
export interface RequestEnding {
  requestId: string;
  costNano: number;
  tokens: number;
  nowMs: number;
  finalState: 'settled' | 'released';
}

/** Validates a settlement and reads it as an ending (time from `clock` unless the request carries one). */
export function settlementEnding(input: SettleRequest, clock: () => number): RequestEnding {
  const request = settleRequestSchema.parse(input);
  const nowMs = request.nowMs ?? clock();
  return { requestId: request.requestId, costNano: request.actualCostNano, tokens: request.actualTokens, nowMs, finalState: 'settled' };
}

/** Validates a release and reads it as an ending with no cost and no tokens. */
export function releaseEnding(input: ReleaseRequest, clock: () => number): RequestEnding {
  const request = releaseRequestSchema.parse(input);
  return { requestId: request.requestId, costNano: 0, tokens: 0, nowMs: request.nowMs ?? clock(), finalState: 'released' };
}
