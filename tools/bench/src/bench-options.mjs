// Command-line options of `pnpm bench`.

/** Every option with its default; the type of the default is the type of the option. */
export const DEFAULT_OPTIONS = Object.freeze({
  mode: 'embedded', // embedded | distributed
  modes: 'chat,stream', // workloads: chat, stream
  targets: 'direct,floor,proxy', // alternation order within a round
  duration: 10, // seconds per measured load run
  connections: 50,
  rounds: 2,
  warmup: 2, // seconds of unrecorded load before each measured run
  probe: 200, // sequential one-connection requests after each load run; 0 = off
  'probe-max-s': 5,
  tokens: 32, // completion tokens from the mock (= SSE content frames)
  'prompt-chars': 400,
  timeout: 30, // per-request timeout, seconds
  out: '', // results JSON; default results/<timestamp>-<mode>.json
  'cpu-prof': false, // run the proxy under `node --cpu-prof` and summarise the profile at the end
  'max-total-s': 0, // watchdog: hard wall-clock cap; 0 = computed from the plan
  'database-url': '', // distributed: PostgreSQL server (default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
  'redis-url': '', // distributed: Redis (default $REDIS_URL or redis://127.0.0.1:6379)
  worker: 'auto', // distributed: auto (start apps/worker if built) | on | off
  'log-level': 'info', // the proxy's LOG_LEVEL (production default)
  'proxy-node-flags': '', // extra node flags for the proxy process only, space-separated (e.g. --max-semi-space-size=32)
});

export const BENCH_USAGE = `usage: pnpm bench [options]        (node tools/bench/src/run-bench.mjs)
  --mode embedded|distributed  proxy storage: SQLite + in-memory limits, or Redis + BullMQ + PostgreSQL (+ worker)
  --modes chat,stream          workloads (non-streaming and streaming chat)
  --targets direct,floor,proxy alternation order in each round (A B C A B C)
  --duration S                 seconds per measured run (default ${DEFAULT_OPTIONS.duration})
  --connections N              concurrent connections (default ${DEFAULT_OPTIONS.connections})
  --rounds N                   rounds of the alternation (default ${DEFAULT_OPTIONS.rounds})
  --warmup S                   unrecorded load before each run (default ${DEFAULT_OPTIONS.warmup})
  --probe N                    sequential 1-connection requests after each run (default ${DEFAULT_OPTIONS.probe}, 0 = off)
  --tokens N                   completion tokens from the mock (default ${DEFAULT_OPTIONS.tokens})
  --out FILE                   results JSON (a .md table is written beside it)
  --cpu-prof                   profile the proxy (node --cpu-prof) and print its top self-time functions
  --worker auto|on|off         distributed: start apps/worker/dist/main.js (auto = when built)
  --database-url URL / --redis-url URL   distributed backends (loopback only)
  --max-total-s S              watchdog cap on the whole run (default: computed)
  --log-level L                the proxy's LOG_LEVEL (default info)
  --proxy-node-flags "F ..."   extra node flags for the proxy process only (experiments with V8 heap settings)`;

const WORKLOADS = ['chat', 'stream'];
const TARGETS = ['direct', 'floor', 'proxy'];

/** Parses `--name value`, `--name=value` and bare boolean flags; throws on anything unknown or malformed. */
export function parseBenchArgs(argv) {
  const options = { ...DEFAULT_OPTIONS, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    let name = argv[index];
    if (name === '-h' || name === '--help') {
      options.help = true;
      continue;
    }
    if (!name.startsWith('--')) throw new Error(`unexpected argument ${name}`);
    name = name.slice(2);
    let value;
    const equals = name.indexOf('=');
    if (equals !== -1) {
      value = name.slice(equals + 1);
      name = name.slice(0, equals);
    }
    if (!(name in DEFAULT_OPTIONS)) throw new Error(`unknown option --${name}`);
    const kind = typeof DEFAULT_OPTIONS[name];
    if (kind === 'boolean') {
      options[name] = value === undefined ? true : value !== 'false';
      continue;
    }
    if (value === undefined) value = argv[(index += 1)];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    options[name] = kind === 'number' ? Number(value) : value;
    if (kind === 'number' && !(Number.isFinite(options[name]) && options[name] >= 0)) throw new Error(`--${name} must be a non-negative number`);
  }
  if (!['embedded', 'distributed'].includes(options.mode)) throw new Error(`--mode must be embedded or distributed, got ${options.mode}`);
  if (!['auto', 'on', 'off'].includes(options.worker)) throw new Error(`--worker must be auto, on or off, got ${options.worker}`);
  options.workloads = listOption(options.modes, WORKLOADS, '--modes');
  options.targetOrder = listOption(options.targets, TARGETS, '--targets');
  if (options.duration < 1 || options.connections < 1 || options.rounds < 1) throw new Error('--duration, --connections and --rounds must be at least 1');
  return options;
}

function listOption(text, allowed, flag) {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item)) throw new Error(`${flag}: unknown ${JSON.stringify(item)} (allowed: ${allowed.join(', ')})`);
  if (items.length === 0) throw new Error(`${flag} is empty`);
  return items;
}
