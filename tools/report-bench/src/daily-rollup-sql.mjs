// The daily_spend rollups of the generated spend logs, built by SQL from the logs themselves, with the partitions and
// dimensions spend booking writes (packages/ledger/src/spend/aggregate-spend-events.ts): `global` per key and model;
// `user`, `team` ('' for calls without a team) and `customer`, each only for calls that name one. Day = UTC day of
// start_time; a null cost counts as 0 spend and one unpriced request.
import { DAY_MS, FIRST_DAY_MS } from './bench-shape.mjs';

const COUNTERS = [
  'prompt_tokens', 'completion_tokens', 'cache_read_tokens', 'cache_creation_tokens', 'reasoning_tokens',
  'spend_nano', 'api_requests', 'successful_requests', 'failed_requests', 'unpriced_requests',
];

/** One row per day, key, model, user, team and customer: what the partitions are summed from. */
export const DAILY_BASE_SQL = `create temporary table bench_daily_base as
  select (start_time - ${FIRST_DAY_MS}) / ${DAY_MS} as day,
    coalesce(api_key, '') as api_key, model, coalesce(model_group, '') as model_group, coalesce(custom_llm_provider, '') as provider,
    "user" as user_id, team_id, end_user,
    sum(prompt_tokens) as prompt_tokens, sum(completion_tokens) as completion_tokens, sum(cache_read_tokens) as cache_read_tokens,
    sum(cache_creation_tokens) as cache_creation_tokens, sum(reasoning_tokens) as reasoning_tokens,
    sum(coalesce(spend_nano, 0)) as spend_nano, count(*) as api_requests,
    sum(case when status = 'success' then 1 else 0 end) as successful_requests,
    sum(case when status = 'success' then 0 else 1 end) as failed_requests,
    sum(case when spend_nano is null then 1 else 0 end) as unpriced_requests
  from spend_logs
  group by 1, 2, 3, 4, 5, 6, 7, 8`;

const PARTITIONS = {
  global: { entity: `''`, where: '' },
  user: { entity: 'bench_daily_base.user_id', where: 'where bench_daily_base.user_id is not null' },
  team: { entity: `coalesce(bench_daily_base.team_id, '')`, where: '' },
  customer: { entity: 'bench_daily_base.end_user', where: 'where bench_daily_base.end_user is not null' },
};

/** Entity types of the rollup, in the order they are written. */
export const ROLLUP_PARTITIONS = Object.keys(PARTITIONS);

/** INSERT … SELECT of one partition's rollup rows. */
export function dailyPartitionSql(partition) {
  const { entity, where } = PARTITIONS[partition];
  const dimensions = ['bench_daily_base.api_key', 'bench_daily_base.model', 'bench_daily_base.model_group', 'bench_daily_base.provider'];
  // Primary-key order: the index grows at its right edge instead of splitting pages all over.
  const grouping = ['bench_days.date', ...(entity === `''` ? [] : [entity]), ...dimensions].join(', ');
  return `insert into daily_spend (date, entity_type, entity_id, api_key, model, model_group, provider, ${COUNTERS.join(', ')})
    select bench_days.date, '${partition}', ${entity}, ${dimensions.join(', ')}, ${COUNTERS.map((column) => `sum(bench_daily_base.${column})`).join(', ')}
    from bench_daily_base join bench_days on bench_days.day = bench_daily_base.day
    ${where}
    group by ${grouping}
    order by ${grouping}`;
}
