// Times one scenario warm: a few unrecorded calls, then up to `iterations` sequential calls (fewer if the scenario
// is slow enough to pass `budgetMs`), each split into the ledger query and the LiteLLM serializer.
import { performance } from 'node:perf_hooks';

const WARMUP_CALLS = 3;

export async function timeScenario(db, scenario, { iterations, budgetMs = 60_000 }) {
  let result;
  for (let call = 0; call < WARMUP_CALLS; call += 1) result = await scenario.query(db);
  const queryMs = [];
  const totalMs = [];
  const started = performance.now();
  while (queryMs.length < iterations && (queryMs.length < 3 || performance.now() - started < budgetMs)) {
    const before = performance.now();
    result = await scenario.query(db);
    const queried = performance.now();
    scenario.serialize(result);
    const serialized = performance.now();
    queryMs.push(queried - before);
    totalMs.push(serialized - before);
  }
  const problem = await scenario.check(db, result);
  return { calls: queryMs.length, outputRows: scenario.size(result), query: stats(queryMs), total: stats(totalMs), check: problem ?? 'ok' };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (percent) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1))];
  const round = (value) => Math.round(value * 100) / 100;
  return { median: round(median(sorted)), p95: round(at(95)), min: round(sorted[0]), max: round(sorted.at(-1)) };
}

function median(sorted) {
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
