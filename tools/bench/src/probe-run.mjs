// The one-connection probe: sequential requests on one keep-alive socket, no queueing, so the difference between
// targets is the per-request cost of the hop. This is the "added latency" figure.
import http from 'node:http';
import { timedRequest } from './http-request.mjs';
import { roundTo, summarizeTimings } from './statistics.mjs';

/** `count` measured requests after a few unmeasured ones, stopped early at `maxSeconds`. */
export async function probeRun({ target, body, count, maxSeconds, timeoutSeconds }) {
  if (count === 0) return null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { ...target.headers, 'content-type': 'application/json' };
  const firstByte = [];
  const total = [];
  let errors = 0;
  let firstError = null;
  const warmupCount = Math.min(10, Math.ceil(count / 10));
  const deadline = Date.now() + maxSeconds * 1000;
  try {
    for (let index = 0; index < count + warmupCount && Date.now() < deadline; index += 1) {
      try {
        const response = await timedRequest(target.url, { method: 'POST', headers, body, agent, timeoutMs: timeoutSeconds * 1000 });
        if (response.status !== 200) {
          errors += 1;
          firstError ??= `HTTP ${response.status} ${response.body.slice(0, 120)}`;
          continue;
        }
        if (index >= warmupCount) {
          firstByte.push(response.firstByteMs);
          total.push(response.totalMs);
        }
      } catch (error) {
        errors += 1;
        firstError ??= String(error?.message ?? error);
      }
    }
  } finally {
    agent.destroy();
  }
  const firstByteTimings = summarizeTimings(firstByte);
  const totalTimings = summarizeTimings(total);
  return {
    count: totalTimings.count,
    errors,
    firstError,
    firstByteMs: { p50: roundTo(firstByteTimings.p50, 3), p90: roundTo(firstByteTimings.p90, 3), p99: roundTo(firstByteTimings.p99, 3) },
    totalMs: { p50: roundTo(totalTimings.p50, 3), p90: roundTo(totalTimings.p90, 3), p99: roundTo(totalTimings.p99, 3), mean: roundTo(totalTimings.mean, 3) },
  };
}
