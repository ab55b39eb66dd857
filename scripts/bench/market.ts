// `npm run bench:market`: the staking market at the full network's 40,000 nodes. Builds the
// snapshot from 40,000 nodes with `--days` days of hourly rollups (every node busy every hour), a
// day of heartbeats, stakes and bribes, timing the rebuild; then GET /api/v1/market's p50/p95
// through the production server over a mix of sorts, filters, searches and deep pages. Baselines
// in the same run: GET /api/v1/health through the same server (the HTTP floor), and the page
// statement alone on the database.
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { ensureBuild } from "../lib/next-build";
import { startBackground, stopGroup } from "../lib/processes";
import { startThrowawayPostgres } from "../lib/throwaway-postgres";
import { startBenchServer } from "./bench-server";
import { percentile, timeGets } from "./measure";
import { fillNetwork } from "./network-fill";

const root = path.resolve(import.meta.dirname, "../..");
process.env.NEXT_DIST_DIR ??= ".next-bench";
const { values } = parseArgs({ options: { nodes: { type: "string", default: "40000" }, days: { type: "string", default: "7" }, requests: { type: "string", default: "400" } } });
const NODES = Number(values.nodes);
const DAYS = Number(values.days);
const REQUESTS = Number(values.requests);

const QUERIES = [
  "",
  "stake=50000&minUptime7d=98&noRecentCut=1",
  "sort=bribe",
  "sort=uptime24h&order=asc",
  "sort=uptime30d",
  "sort=onTime7d",
  "sort=stake",
  "sort=points",
  "sort=latency",
  "sort=age",
  "new=1&sort=yield",
  "gpu=NVIDIA%20GeForce%20RTX%204090&minBribe=10",
  "maxStake=20000&stake=250000",
  "q=0x00ab",
  "page=400",
  "pageSize=200&page=3&sort=bribe&order=asc",
];

async function main() {
  await ensureBuild(root);
  const pgServer = await startThrowawayPostgres({ settings: { shared_buffers: "1GB", max_wal_size: "8GB" } });
  let server: ReturnType<typeof startBackground> | undefined;
  try {
    await applyMigrations(pgServer.url);
    await fillNetwork(pgServer.url, NODES, DAYS);
    process.env.DATABASE_URL = pgServer.url;
    const { rebuildMarketSnapshot } = await import("../../lib/server/market/snapshot");
    const rebuilds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await rebuildMarketSnapshot();
      rebuilds.push(performance.now() - t);
    }
    console.log(`Snapshot rebuild: ${rebuilds.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")}`);

    // SQL alone, the same statements (the database's share of each request).
    const { marketSql } = await import("../../lib/server/market/query");
    const { marketQuerySchema } = await import("../../lib/schemas/market");
    const { scheduleAt } = await import("../../lib/points");
    const curve = scheduleAt(new Date()).stakeCurve;
    const db = new pg.Client(pgServer.url);
    await db.connect();
    const sqlMs: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const q = marketQuerySchema.parse(Object.fromEntries(new URLSearchParams(QUERIES[i % QUERIES.length])));
      const { sql, args } = marketSql(q, curve, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const t = performance.now();
      await db.query(sql, args);
      if (i >= QUERIES.length) sqlMs.push(performance.now() - t);
    }
    await db.end();

    let base: string;
    ({ base, server } = await startBenchServer(root, { DATABASE_URL: pgServer.url, MARKET_REFRESH_SECONDS: "86400" }));
    const marketUrls = Array.from({ length: REQUESTS }, (_, i) => `${base}/api/v1/market?${QUERIES[i % QUERIES.length]}`);
    const healthUrls = Array.from({ length: REQUESTS }, () => `${base}/api/v1/health`);
    await timeGets([...marketUrls.slice(0, 2 * QUERIES.length), ...healthUrls.slice(0, 30)]);
    const market = await timeGets(marketUrls);
    const health = await timeGets(healthUrls);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`\n| ${NODES.toLocaleString()} nodes | p50 | p95 |`);
    console.log("|---|---|---|");
    console.log(`| GET /api/v1/market (${QUERIES.length} queries in turn) | ${ms(percentile(market, 50))} | ${ms(percentile(market, 95))} |`);
    console.log(`| the page statement alone (SQL) | ${ms(percentile(sqlMs, 50))} | ${ms(percentile(sqlMs, 95))} |`);
    console.log(`| GET /api/v1/health (HTTP floor) | ${ms(percentile(health, 50))} | ${ms(percentile(health, 95))} |`);
    console.log(`\n${REQUESTS} sequential requests each after a warm-up; snapshot rebuild median ${((rebuilds.sort((a, b) => a - b)[1] ?? 0) / 1000).toFixed(2)} s.`);
    const { pool } = await import("../../lib/server/db");
    await pool().end();
  } finally {
    stopGroup(server);
    pgServer.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
