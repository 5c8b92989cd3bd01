// The INSERT … SELECT that generates spend-log rows [from, to] inside the database, with no round trip per row.
import { DAY_MS, DAYS, FIRST_DAY_MS, KEYS, MODELS } from './bench-shape.mjs';

const SPEND_LOG_COLUMNS = [
  'request_id', 'call_type', 'api_key', 'spend_nano', 'total_tokens', 'prompt_tokens', 'completion_tokens', 'cache_read_tokens',
  'cache_creation_tokens', 'reasoning_tokens', 'start_time', 'end_time', 'completion_start_time', 'request_duration_ms', 'model',
  'model_id', 'model_group', 'custom_llm_provider', 'api_base', '"user"', 'end_user', 'team_id', 'session_id', 'status',
  'request_tags', 'metadata',
];

/**
 * SQL text inserting rows number `from` to `to` (inclusive) of a `rows`-row dataset. Every value is an integer this
 * module computed, so they are inlined. Joins the temporary tables `bench_keys` and `bench_models`.
 */
export function spendLogRowsSql({ engine, from, to, rows }) {
  for (const value of [from, to, rows]) if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer: ${value}`);
  const n = 'series.n';
  // Start times spread evenly over DAYS in row order; n * span stays below 2^63 for any row count this tool takes.
  const start = `(${FIRST_DAY_MS} + ${n} * ${DAYS * DAY_MS} / ${rows})`;
  const duration = `(300 + ${n} % 2000)`;
  const values = [
    engine === 'postgres' ? `'bench-' || lpad(${n}::text, 10, '0')` : `printf('bench-%010d', ${n})`,
    `'acompletion'`,
    'bench_keys.token_hash',
    // Every 200th call unpriced (null cost), every 50th a failure (zero cost).
    `case when ${n} % 200 = 199 then null when ${n} % 50 = 49 then 0 else 20000 + (${n} % 997) * 1000 end`,
    `250 + ${n} % 800 + ${n} % 300`,
    `200 + ${n} % 800`,
    `50 + ${n} % 300`,
    `case when ${n} % 4 = 0 then 128 else 0 end`,
    '0',
    `case when bench_models.m = 2 then 64 else 0 end`,
    start,
    `${start} + ${duration}`,
    `${start} + 150`,
    duration,
    'bench_models.model',
    'null',
    'bench_models.model_group',
    'bench_models.provider',
    'null',
    'bench_keys.user_id',
    'bench_keys.end_user',
    'bench_keys.team_id',
    'null',
    `case when ${n} % 50 = 49 then 'failure' else 'success' end`,
    `'[]'`,
    `'{"user_api_key_alias":"' || bench_keys.key_alias || '","requester_ip_address":"10.0.0.' || (${n} % 250) || '"}'`,
  ];
  const select = `select ${values.join(', ')}
    from series
    join bench_keys on bench_keys.k = ${n} % ${KEYS}
    join bench_models on bench_models.m = (${n} / ${KEYS}) % ${MODELS.length}`;
  const insert = `insert into spend_logs (${SPEND_LOG_COLUMNS.join(', ')})`;
  if (engine === 'postgres') return `with series(n) as (select generate_series(${from}::bigint, ${to}::bigint)) ${insert} ${select}`;
  return `with recursive series(n) as (select ${from} union all select n + 1 from series where n < ${to}) ${insert} ${select}`;
}
