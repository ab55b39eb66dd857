import "server-only";

/**
 * The rollup row a time `ts` (an SQL expression) counts in, for miner_hourly, wallet_hourly and
 * hardware_hourly: its UTC hour, or its UTC day's midnight before rollup_retention.hourly_from,
 * where those rollups hold days (decision 0029). The folder, `verify` and the compaction all say
 * it with this one expression; the subquery runs once per statement.
 */
export const rollupHour = (ts: string) =>
  `CASE WHEN ${ts} < (SELECT hourly_from FROM rollup_retention) THEN date_trunc('day', ${ts}, 'UTC') ELSE date_trunc('hour', ${ts}, 'UTC') END`;
