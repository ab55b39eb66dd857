import "server-only";
import type { MarketParams, MarketSort } from "@/lib/market/params";
import { MARKET_PAGE_SIZE } from "@/lib/market/params";
import { bpsToRatio, type BribeState } from "@/lib/market/bribes";
import { pool } from "../db";
import { bribeStates } from "./bribes";
import { countOf, heuOf, isoOf, pointsOf, ratioOf } from "./convert";
import { windowStart } from "./windows";

export const MARKET_WINDOW_DAYS = 7;

export interface MarketNode {
  minerId: string;
  wallet: string;
  hardware: string | null;
  /** Bribe in force, 0–1; null while no bribe the operator set has taken effect. */
  bribe: number | null;
  /** A change waiting for the next epoch. */
  pendingBribe: { bribe: number; effectiveAt: string } | null;
  /** The bribe in force or pending is lower than one in force in the last 30 days. */
  recentCut: { from: number; to: number; effectiveAt: string; pending: boolean } | null;
  stakeHeu: number;
  jobs7d: number;
  /** successes ÷ jobs over the window; null without jobs. */
  uptime7d: number | null;
  waifuPoints7d: number;
  llamaPoints7d: number;
  latencyMs: number | null;
  lastSeenAt: string;
}

export interface MarketPage {
  items: MarketNode[];
  total: number;
  page: number;
  pageSize: number;
  windowFrom: string;
}

interface Row {
  miner_id: string;
  wallet: string;
  hardware: string | null;
  stake_wei: string;
  latency_ewma_ms: number | null;
  last_seen_at: Date;
  waifu: string | null;
  llama: string | null;
  jobs: string | null;
  ok: string | null;
}

const WALLET = /^0x[0-9a-f]{40}$/;

/** WHERE clause over `nodes n` and its parameters, numbered from `first`. */
function filters(p: MarketParams, from: Date, first: number): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${first + args.push(v) - 1}`;
  if (p.activeOnly) where.push(`n.last_seen_at >= ${arg(from)}`);
  if (p.hardware) where.push(`n.hardware = ${arg(p.hardware)}`);
  if (WALLET.test(p.q)) {
    where.push(`n.wallet = ${arg(p.q)}`); // (wallet, first_seen_at) index
  } else if (p.q.startsWith("0x")) {
    // A miner ID prefix as a primary-key range (C collation: '~' sorts after every ID character).
    where.push(`n.miner_id >= ${arg(p.q)} AND n.miner_id < ${arg(`${p.q}~`)}`);
  } else if (p.q) {
    // A device tag fragment ("4090rig"): one pass over nodes, tens of thousands of short rows.
    where.push(`n.miner_id LIKE ${arg(`%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", args };
}

// Exact 7-day sums for one page of nodes: primary-key range reads on miner_hourly.
const PAGE_SUMS = `LEFT JOIN LATERAL (
    SELECT sum(waifu_micro) AS waifu, sum(llama_micro) AS llama, sum(job_count) AS jobs, sum(success_count) AS ok
      FROM miner_hourly m WHERE m.miner_id = n.miner_id AND m.hour >= $1) w ON true`;

// Sorts on nodes columns read one page of nodes, then that page's sums. Sorts on the 7-day
// numbers must rank every node's window first: that pass sums only a float8 sort key (numeric sums
// cost ~5× more), is bounded by the window (≤ 168 rows per node) and, when a search or GPU filter
// is set, reads only the matching nodes' rows through the primary key.
const NODE_ORDER: Partial<Record<MarketSort, string>> = {
  stake: "n.stake_wei DESC, n.miner_id",
  latency: "n.latency_ewma_ms ASC NULLS LAST, n.miner_id",
  id: "n.miner_id",
};
const WINDOW_KEY: Partial<Record<MarketSort, { key: string; order: string }>> = {
  points: { key: "sum((waifu_micro + llama_micro)::float8)", order: "coalesce(k.key, 0) DESC, n.miner_id" },
  uptime: { key: "sum(success_count)::float8 / nullif(sum(job_count), 0) + sum(job_count) * 1e-12", order: "k.key DESC NULLS LAST, n.miner_id" },
};

// Nodes with the stake the indexer has on record for each (0 when nobody staked).
const NODES = "(SELECT nodes.*, coalesce(s.stake_wei, 0) AS stake_wei FROM nodes LEFT JOIN node_stakes s USING (miner_id))";

const COLUMNS = `n.miner_id, n.wallet, n.hardware, n.stake_wei::text, n.latency_ewma_ms, n.last_seen_at,
                 w.waifu::text, w.llama::text, w.jobs::text, w.ok::text`;

export function marketSql(p: MarketParams, from: Date): { page: string; count: string; args: unknown[]; countArgs: unknown[] } {
  const f = filters(p, from, 4);
  const offset = (p.page - 1) * MARKET_PAGE_SIZE;
  const args = [from, MARKET_PAGE_SIZE, offset, ...f.args];
  const nodeOrder = NODE_ORDER[p.sort];
  let page: string;
  if (nodeOrder) {
    page = `WITH pg AS (SELECT * FROM ${NODES} n ${f.sql} ORDER BY ${nodeOrder} LIMIT $2 OFFSET $3)
       SELECT ${COLUMNS} FROM pg n ${PAGE_SUMS} ORDER BY ${nodeOrder}`;
  } else {
    const { key, order } = WINDOW_KEY[p.sort] ?? WINDOW_KEY.points!;
    const narrowed = p.q || p.hardware ? `AND miner_id IN (SELECT n.miner_id FROM nodes n ${f.sql})` : "";
    page = `WITH k AS (SELECT miner_id, ${key} AS key FROM miner_hourly WHERE hour >= $1 ${narrowed} GROUP BY miner_id),
       pg AS (SELECT n.*, k.key FROM ${NODES} n LEFT JOIN k USING (miner_id) ${f.sql} ORDER BY ${order} LIMIT $2 OFFSET $3)
       SELECT ${COLUMNS} FROM pg n ${PAGE_SUMS} ORDER BY ${order.replaceAll("k.key", "n.key")}`;
  }
  const c = filters(p, from, 1);
  return { page, count: `SELECT count(*)::text AS n FROM nodes n ${c.sql}`, args, countArgs: c.args };
}

function toNode(r: Row, b: BribeState | undefined): MarketNode {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    minerId: r.miner_id,
    wallet: r.wallet,
    hardware: r.hardware,
    bribe: b?.currentBps == null ? null : bpsToRatio(b.currentBps),
    pendingBribe: b?.pending ? { bribe: bpsToRatio(b.pending.bps), effectiveAt: iso(b.pending.effectiveAt) } : null,
    recentCut: b?.recentCut
      ? { from: bpsToRatio(b.recentCut.fromBps), to: bpsToRatio(b.recentCut.toBps), effectiveAt: iso(b.recentCut.effectiveAt), pending: b.recentCut.pending }
      : null,
    stakeHeu: heuOf(r.stake_wei),
    jobs7d: countOf(r.jobs),
    uptime7d: ratioOf(r.ok, r.jobs),
    waifuPoints7d: pointsOf(r.waifu),
    llamaPoints7d: pointsOf(r.llama),
    latencyMs: r.latency_ewma_ms,
    lastSeenAt: isoOf(r.last_seen_at),
  };
}

// The unfiltered "points" and "uptime" orders are the market's front page. Ranking every node's
// 7-day window on each request would re-aggregate up to 40,000 × 168 miner_hourly rows, so the
// ranking (miner IDs only) is kept per process for RANKING_TTL_MS and refreshed by the first
// reader after that (single flight). Page rows and their numbers are always read fresh.
const RANKING_TTL_MS = 60_000;

interface Ranking {
  at: number;
  from: number;
  points: string[];
  uptime: string[];
}

const rankingCache = globalThis as unknown as { heuristMarketRanking?: { at: number; from: number; value: Promise<Ranking> } };

async function computeRanking(from: Date, at: number): Promise<Ranking> {
  const { rows } = await pool().query<{ miner_id: string; pts: number; up: number | null; jobs: string }>(
    `SELECT miner_id, sum((waifu_micro + llama_micro)::float8) AS pts,
            sum(success_count)::float8 / nullif(sum(job_count), 0) AS up, sum(job_count)::text AS jobs
       FROM miner_hourly WHERE hour >= $1 GROUP BY miner_id`,
    [from],
  );
  const byId = (a: { miner_id: string }, b: { miner_id: string }) => (a.miner_id < b.miner_id ? -1 : a.miner_id > b.miner_id ? 1 : 0);
  const points = [...rows].sort((a, b) => b.pts - a.pts || byId(a, b)).map((r) => r.miner_id);
  const uptime = [...rows]
    .sort((a, b) => (b.up ?? -1) - (a.up ?? -1) || Number(b.jobs) - Number(a.jobs) || byId(a, b))
    .map((r) => r.miner_id);
  return { at, from: from.getTime(), points, uptime };
}

function rankingFor(from: Date, nowMs: number): Promise<Ranking> {
  const c = rankingCache.heuristMarketRanking;
  if (c && c.from === from.getTime() && nowMs - c.at < RANKING_TTL_MS) return c.value;
  const value = computeRanking(from, nowMs);
  rankingCache.heuristMarketRanking = { at: nowMs, from: from.getTime(), value };
  value.catch(() => {
    if (rankingCache.heuristMarketRanking?.value === value) rankingCache.heuristMarketRanking = undefined;
  });
  return value;
}

const RANKED_PAGE_SQL = `SELECT ${COLUMNS}
    FROM ${NODES} n ${PAGE_SUMS}
   WHERE n.miner_id = ANY($2::text[])
   ORDER BY array_position($2::text[], n.miner_id)`;

/** One page of the staking market: nodes with stake, bribe, 7-day uptime and points. */
export async function getMarketPage(p: MarketParams, now = new Date()): Promise<MarketPage> {
  const from = windowStart(now, MARKET_WINDOW_DAYS * 24);
  const sql = marketSql(p, from);
  const cacheable = (p.sort === "points" || p.sort === "uptime") && p.activeOnly && !p.q && !p.hardware;
  const pageRows = async (): Promise<Row[]> => {
    if (cacheable) {
      const ranking = await rankingFor(from, now.getTime());
      const start = (p.page - 1) * MARKET_PAGE_SIZE;
      const ids = ranking[p.sort === "uptime" ? "uptime" : "points"].slice(start, start + MARKET_PAGE_SIZE);
      if (ids.length === MARKET_PAGE_SIZE || start + ids.length >= ranking.points.length) {
        return ids.length ? (await pool().query<Row>(RANKED_PAGE_SQL, [from, ids])).rows : [];
      }
    }
    return (await pool().query<Row>(sql.page, sql.args)).rows;
  };
  const [rows, count] = await Promise.all([pageRows(), pool().query<{ n: string }>(sql.count, sql.countArgs)]);
  const bribes = await bribeStates(
    rows.map((r) => r.miner_id),
    now,
  );
  return {
    items: rows.map((r) => toNode(r, bribes.get(r.miner_id))),
    total: Number(count.rows[0]?.n ?? 0),
    page: p.page,
    pageSize: MARKET_PAGE_SIZE,
    windowFrom: isoOf(from),
  };
}

/** GPU models seen in the window, for the filter (hardware_hourly: a few hundred rows a day). */
export async function getMarketHardware(now = new Date()): Promise<string[]> {
  const { rows } = await pool().query<{ hardware: string }>(
    `SELECT DISTINCT hardware FROM hardware_hourly WHERE hour >= $1 AND hardware <> 'unknown' ORDER BY hardware`,
    [windowStart(now, MARKET_WINDOW_DAYS * 24)],
  );
  return rows.map((r) => r.hardware);
}

/** One node as a market row (stake, bribe, 7-day numbers), or null for a miner ID with no jobs. */
export async function getMarketNode(minerId: string, now = new Date()): Promise<MarketNode | null> {
  const from = windowStart(now, MARKET_WINDOW_DAYS * 24);
  const [{ rows }, bribes] = await Promise.all([
    pool().query<Row>(`SELECT ${COLUMNS} FROM ${NODES} n ${PAGE_SUMS} WHERE n.miner_id = $2`, [from, minerId]),
    bribeStates([minerId], now),
  ]);
  return rows[0] ? toNode(rows[0], bribes.get(minerId)) : null;
}
