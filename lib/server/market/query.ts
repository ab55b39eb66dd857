import "server-only";
import { parseUnits } from "viem";
import { rowYield, toMarketRow, type SnapshotContext, type SnapshotRowInput } from "@/lib/market/row";
import { getScheduleOrThrow, type StakeCurve } from "@/lib/points";
import { WEIGHT_ONE_PPM } from "@/lib/rewards";
import { DEFAULT_ORDER, DEFAULT_STAKE_HEU, NEW_NODE_DAYS, type MarketQuery, type MarketResponse, type MarketRow } from "@/lib/schemas/market";
import { serverEnv } from "@/lib/env";
import { isStale } from "@/lib/snapshots/schedule";
import type pg from "pg";
import { readOnlyTransaction, readPool } from "../db";
import { marketSnapshotMeta, marketSnapshotRows } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { isRanked, orderSql, rankColumn, sortKeySql } from "./ranks";

// One page of the market from the snapshot: filters, the sort and the page in one statement over
// market_snapshot joined to its meta row, so rows, total and rate come from the same rebuild.

function whereSql(q: MarketQuery, arg: (v: unknown) => string): string {
  const where: string[] = [];
  if (q.minBribe !== undefined) where.push(`s.forward_bribe_bps >= ${arg(Math.round(q.minBribe * 100))}::int`);
  // float8: online × 100 is a whole number, so only a percent with more digits than a float holds could tip it.
  if (q.minUptime7d !== undefined) where.push(`s.online_7d * 100.0::float8 >= ${arg(q.minUptime7d)}::float8 * m.buckets_7d`);
  if (q.maxStake !== undefined) where.push(`s.stake_wei <= ${arg(parseUnits(String(q.maxStake), 18).toString())}::numeric`);
  if (q.gpu !== undefined) where.push(`s.hardware = ${arg(q.gpu)}`);
  if (q.noRecentCut) where.push("s.cut_from_bps IS NULL");
  if (q.new) where.push(`s.first_seen_at > m.built_at - interval '${NEW_NODE_DAYS} days'`);
  if (q.q) {
    // Prefixes as ranges (C collation: '~' sorts after every ID character).
    const lo = arg(q.q);
    const hi = arg(`${q.q}~`);
    where.push(`((s.miner_id >= ${lo} AND s.miner_id < ${hi}) OR (s.wallet >= ${lo} AND s.wallet < ${hi}))`);
  }
  return where.length ? `AND ${where.join(" AND ")}` : "";
}

type Meta = marketSnapshotMeta.Result;
type Row = marketSnapshotRows.Result;

/**
 * marketSnapshotRows.sql's select list. The page statements are built from the filters and the
 * sort (not TypedSQL) and read these columns, so their rows are that query's Result too.
 */
const ROW_COLUMNS = ((sql: string) => {
  const list = /^SELECT (.+?)\n\s*FROM market_snapshot s /ms.exec(sql)?.[1];
  if (!list) throw new Error("marketSnapshotRows.sql no longer reads SELECT … FROM market_snapshot s");
  return list;
})(marketSnapshotRows([]).sql);

const META = "SELECT * FROM market_snapshot_meta WHERE id = 1";

function inputOf(r: Row): SnapshotRowInput {
  return {
    minerId: r.miner_id,
    wallet: r.wallet,
    hardware: r.hardware,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    bribeBps: r.bribe_bps,
    pendingBribeBps: r.pending_bribe_bps,
    pendingEpoch: r.pending_epoch,
    pendingAt: r.pending_at,
    forwardBribeBps: r.forward_bribe_bps,
    lastChangeBps: r.last_change_bps,
    lastChangeSetAt: r.last_change_set_at,
    lastChangeAt: r.last_change_at,
    cutFromBps: r.cut_from_bps,
    cutToBps: r.cut_to_bps,
    cutAt: r.cut_at,
    cutPending: r.cut_pending,
    stakeWei: r.stake_wei,
    stakeHeuWei: r.stake_heu_wei,
    stakeEsheuWei: r.stake_esheu_wei,
    splitStakeHeu: r.split_stake_heu,
    online: { "24h": r.online_24h, "7d": r.online_7d, "30d": r.online_30d },
    jobs: { "24h": r.jobs_24h, "7d": r.jobs_7d, "30d": r.jobs_30d },
    onTime: { "24h": r.on_time_24h, "7d": r.on_time_7d, "30d": r.on_time_30d },
    waifuMicro7d: r.waifu_micro_7d,
    llamaMicro7d: r.llama_micro_7d,
    latencyMs: r.latency_ms,
  };
}

function contextOf(m: Meta, stakeHeu: number): SnapshotContext {
  return {
    builtAt: m.built_at,
    buckets: {
      "24h": { all: m.buckets_24h, heartbeats: m.heartbeat_buckets_24h },
      "7d": { all: m.buckets_7d, heartbeats: m.heartbeat_buckets_7d },
      "30d": { all: m.buckets_30d, heartbeats: m.heartbeat_buckets_30d },
    },
    curve: getScheduleOrThrow(m.schedule_id).stakeCurve,
    rate: m.rate_waifu !== null && m.rate_llama !== null ? { waifu: m.rate_waifu, llama: m.rate_llama } : null,
    stakeHeu,
    esHeuWeight: m.esheu_weight_ppm / WEIGHT_ONE_PPM,
  };
}

/**
 * The statements for a page (limit/offset given) or for every matching row (the CSV), and for the
 * count. A precomputed order (every sort but yield at a stake other than the default) reads its
 * rank index in order and stops at the page; yield for another stake is sorted on narrow rows.
 */
export function marketSql(
  q: MarketQuery,
  curve: StakeCurve,
  page: { limit: number; offset: number } | null,
): { sql: string; count: string; args: unknown[]; countArgs: unknown[] } {
  const args: unknown[] = [q.stake];
  const arg = (v: unknown) => `$${args.push(v)}`;
  const filters = whereSql(q, arg);
  const where = `WHERE $1::float8 > 0 ${filters}`;
  const countArgs = [...args];
  const order = q.order ?? DEFAULT_ORDER[q.sort];
  const limit = page ? `LIMIT ${arg(page.limit)} OFFSET ${arg(page.offset)}` : "";
  const from = `FROM market_snapshot s CROSS JOIN (${META}) m`;
  // Without filters the count is the snapshot's node count.
  const count = filters ? `SELECT count(*)::text AS total ${from} ${where}` : `SELECT nodes::text AS total FROM (${META}) m WHERE $1::float8 > 0`;
  if (isRanked(q.sort, q.stake)) {
    return { sql: `SELECT ${ROW_COLUMNS} ${from} ${where} ORDER BY s.${rankColumn(q.sort, order)} ${limit}`, count, args, countArgs };
  }
  const key = sortKeySql(q.sort, { curve, stake: "$1::float8", rateWaifu: "m.rate_waifu", rateLlama: "m.rate_llama" });
  return {
    sql: `WITH p AS (SELECT s.miner_id, ${key} AS k ${from} ${where} ORDER BY ${orderSql(q.sort, order, "k")} ${limit})
          SELECT ${ROW_COLUMNS} FROM p JOIN market_snapshot s USING (miner_id) ORDER BY ${orderSql(q.sort, order, "p.k")}`,
    count,
    args,
    countArgs,
  };
}

/** How often the worker rebuilds the market snapshot. */
export const marketIntervalSeconds = (): number => serverEnv().MARKET_REFRESH_SECONDS;

/**
 * Runs `fn` on one snapshot: a read-only repeatable-read transaction, so the meta row and the rows
 * come from the same rebuild even while the worker commits another. Null before the worker's first
 * pass (a fresh install). Only reads: a replica can serve it.
 */
export async function withMarketSnapshot<T>(fn: (db: pg.PoolClient, meta: Meta, stale: boolean) => Promise<T>, now = new Date()): Promise<T | null> {
  return readOnlyTransaction(
    readPool(),
    async (client) => {
      const [meta] = await queryTyped(client, marketSnapshotMeta());
      return meta ? await fn(client, meta, isStale(meta.built_at, now, marketIntervalSeconds())) : null;
    },
    { snapshot: true },
  );
}

function rateOf(m: Meta): MarketResponse["rate"] {
  // rate_source is a TokenRate's source as the worker wrote it (lib/server/market/snapshot.ts).
  return m.rate_waifu !== null && m.rate_llama !== null && m.rate_source && m.rate_epoch !== null && m.rate_as_of
    ? { waifu: m.rate_waifu, llama: m.rate_llama, source: m.rate_source as NonNullable<MarketResponse["rate"]>["source"], epoch: m.rate_epoch, asOf: m.rate_as_of.toISOString() }
    : null;
}

/** Every row the query matches, in its order, from one snapshot (the CSV export). */
export function getMarketRows(q: MarketQuery, now = new Date()): Promise<{ rows: MarketRow[]; asOf: string } | null> {
  return withMarketSnapshot(async (db, m) => {
    const { sql, args } = marketSql(q, getScheduleOrThrow(m.schedule_id).stakeCurve, null);
    const ctx = contextOf(m, q.stake);
    return { rows: (await db.query<Row>(sql, args)).rows.map((r) => toMarketRow(inputOf(r), ctx)), asOf: m.built_at.toISOString() };
  }, now);
}

/** Some nodes' rows (the compare view), in the order asked, from the current snapshot. */
export function getMarketRowsById(ids: readonly string[], stakeHeu: number, now = new Date()): Promise<{ rows: MarketRow[]; asOf: string } | null> {
  return withMarketSnapshot(async (db, m) => {
    const rows = await queryTyped(db, marketSnapshotRows([...ids]));
    const ctx = contextOf(m, stakeHeu);
    const byId = new Map(rows.map((r) => [r.miner_id, toMarketRow(inputOf(r), ctx)]));
    return { rows: ids.flatMap((id) => byId.get(id) ?? []), asOf: m.built_at.toISOString() };
  }, now);
}

/** GET /api/v1/market and the market page: one page of nodes, sorted and filtered. */
export function getMarket(q: MarketQuery, now = new Date()): Promise<MarketResponse | null> {
  return withMarketSnapshot(async (db, m, stale) => {
    const curve = getScheduleOrThrow(m.schedule_id).stakeCurve;
    const { sql, args, count, countArgs } = marketSql(q, curve, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    const { rows } = await db.query<Row>(sql, args);
    const total = Number((await db.query<{ total: string }>(count, countArgs)).rows[0]!.total);
    const ctx = contextOf(m, q.stake);
    return {
      items: rows.map((r) => toMarketRow(inputOf(r), ctx)),
      page: q.page,
      pageSize: q.pageSize,
      total,
      asOf: m.built_at.toISOString(),
      stale,
      windowEnd: m.window_end.toISOString(),
      stake: q.stake,
      sort: q.sort,
      order: q.order ?? DEFAULT_ORDER[q.sort],
      scheduleId: m.schedule_id,
      esHeuWeight: m.esheu_weight_ppm / WEIGHT_ONE_PPM,
      rate: rateOf(m),
      gpus: m.gpus ?? [],
    };
  }, now);
}

/**
 * A staker's yield (% a year, for the market's default stake in HEU) on `minerId` at each bribe in
 * `bps`, from the current snapshot read on `db`: what a bribe change means to its stakers. Nulls
 * when the node is not in the snapshot or its yield cannot be priced.
 */
export async function yieldsAtBribes(db: pg.PoolClient | pg.Pool, minerId: string, bps: readonly (number | null)[]): Promise<(number | null)[]> {
  const [[meta], [row]] = await Promise.all([queryTyped(db, marketSnapshotMeta()), queryTyped(db, marketSnapshotRows([minerId]))]);
  if (!meta || !row) return bps.map(() => null);
  const ctx = contextOf(meta, DEFAULT_STAKE_HEU);
  const input = inputOf(row);
  return bps.map((b) => {
    const est = b === null ? null : rowYield({ ...input, forwardBribeBps: b }, ctx);
    return est?.ok ? est.apr * 100 : null;
  });
}
