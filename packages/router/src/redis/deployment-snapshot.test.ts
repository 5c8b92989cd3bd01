import { type DeploymentSnapshot, deploymentStateOf } from './deployment-snapshot.js';
import type { RouterWrite } from './router-write-journal.js';

const MINUTE = 60_000;
const start = 100 * MINUTE;
const snapshot = (): DeploymentSnapshot => ({
  readAtMs: start,
  minute: 100,
  includedSeq: 4,
  cooldownUntilMs: start + 1_000,
  inFlight: 2,
  requestsThisMinute: 7,
  tokensThisMinute: 70,
  responseLatencies: [
    { latencyMs: 1, atMs: start - 3 },
    { latencyMs: 2, atMs: start - 2 },
  ],
  firstChunkLatencies: [],
});
const end = (seq: number, nowMs: number, extra: Partial<RouterWrite & { kind: 'end' }> = {}): RouterWrite => ({
  kind: 'end',
  seq,
  deploymentId: 'x',
  nowMs,
  member: undefined,
  tokens: undefined,
  latency: undefined,
  ...extra,
});

describe('deploymentStateOf', () => {
  it("adds the proxy's writes as Redis would: counters of the snapshot's minute only, capped samples, no negative count", () => {
    const base = snapshot();
    const writes: RouterWrite[] = [
      { kind: 'start', seq: 5, deploymentId: 'x', nowMs: start + 1, member: 'p:1' },
      { kind: 'start', seq: 6, deploymentId: 'x', nowMs: start + MINUTE, member: 'p:2' },
      end(7, start + 2, { member: 'p:1', tokens: 5, latency: { kind: 'response', latencyMs: 3 } }),
      end(8, start + MINUTE, { tokens: 100 }),
      end(9, start + 3, { member: 'p:3' }),
      end(10, start + 4, { member: 'p:4' }),
      end(11, start + 5, { member: 'p:5' }),
      end(12, start + 6, { member: 'p:6', latency: { kind: 'first-chunk', latencyMs: 4 } }),
    ];
    const state = deploymentStateOf(base, writes, { nowMs: start + 10, latencySampleLimit: 2 });
    expect(state).toEqual({
      cooldownUntilMs: start + 1_000,
      inFlight: 0,
      requestsThisMinute: 8,
      tokensThisMinute: 75,
      responseLatencies: [
        { latencyMs: 2, atMs: start - 2 },
        { latencyMs: 3, atMs: start + 2 },
      ],
      firstChunkLatencies: [{ latencyMs: 4, atMs: start + 6 }],
    });
    expect(base).toEqual(snapshot());
  });

  it('drops a cooldown that has ended by the time of the read', () => {
    expect(deploymentStateOf(snapshot(), [], { nowMs: start + 1_000, latencySampleLimit: 10 }).cooldownUntilMs).toBeUndefined();
  });
});
