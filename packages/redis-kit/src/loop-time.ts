/**
 * Time during which this thread's event loop was turning, as opposed to wall time. A shared ticker (running only
 * while someone holds it) adds the gap between its ticks, but at most `MAX_GAP_MS` per gap: a gap longer than that
 * means the loop was blocked (a GC pause, code compiled on first use, a saturated core) and could not have read a
 * reply that was waiting in its sockets.
 */
const TICK_MS = 10;
const MAX_GAP_MS = TICK_MS;

let turningMs = 0;
let lastTickAtMs = performance.now();
let holders = 0;
let ticker: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  const nowMs = performance.now();
  turningMs += Math.min(nowMs - lastTickAtMs, MAX_GAP_MS);
  lastTickAtMs = nowMs;
}

/** Milliseconds the loop has been turning, on a clock that only moves while a holder keeps the ticker running. */
export function loopTimeMs(): number {
  tick();
  return turningMs;
}

/** Keeps the ticker running until the returned function is called (once). */
export function holdLoopClock(): () => void {
  if (holders++ === 0) {
    lastTickAtMs = performance.now();
    ticker = setInterval(tick, TICK_MS);
    ticker.unref();
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}
