// `npm run bench:heurist-stats`: Heurist's stats API (GET /prod/stats, decision 0033) at the full
// network's 40,000 miner IDs, on the market benchmark's synthetic network plus one wallet of 2,500
// GPUs and the wallet rollup. Times the worker's snapshot rebuild, then through the production
// server GET /prod/stats?details=true (the snapshot's text, from the server's copy of the row)
// against the same answer built per request (what details=true would cost without the snapshot: the
// reads and the serialization, in-process, no HTTP) and the row read from PostgreSQL (each request
// without the copy), the small answers, and minerId= against the /api/v1 wallet and miner answers it
// is assembled from. Floor: GET /api/v1/health through the same server.
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { ensureBuild, webServerArgs } from "../lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../lib/processes";
import { freePort, startThrowawayPostgres } from "../lib/throwaway-postgres";
import { median, percentile, timeGets, timeRuns } from "./measure";
import { fillNetwork } from "./network-fill";

const root = path.resolve(import.meta.dirname, "../..");
process.env.NEXT_DIST_DIR ??= ".next-bench";
const { values } = parseArgs({ options: { nodes: { type: "string", default: "40000" }, days: { type: "string", default: "7" }, requests: { type: "string", default: "40" } } });
const NODES = Number(values.nodes);
const REQUESTS = Number(values.requests);
const BIG = `0x${"b".repeat(40)}`;
const wallet = (i: number) => `0x${(1 + i).toString(16).padStart(40, "0")}`;

/** One wallet takes 2,500 of the miner IDs (the largest real wallet has 2,577), and wallet_hourly is what the nodes' hours add up to. */
async function addWallets(url: string): Promise<void> {
  const db = new pg.Client(url);
  await db.connect();
  await db.query("INSERT INTO wallets (address, first_seen_at) VALUES ($1, now() - interval '60 days')", [BIG]);
  await db.query("UPDATE nodes SET wallet = $1 WHERE miner_id IN (SELECT miner_id FROM nodes ORDER BY miner_id LIMIT 2500)", [BIG]);
  await db.query(
    `INSERT INTO wallet_hourly (wallet, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count)
     SELECT n.wallet, m.hour, sum(m.waifu_micro), sum(m.llama_micro), sum(m.image_count), sum(m.text_count), sum(m.job_count), sum(m.success_count)
       FROM miner_hourly m JOIN nodes n USING (miner_id) GROUP BY 1, 2`,
  );
  await db.query(
    `UPDATE nodes n SET image_count = h.images, total_waifu_micro = h.waifu FROM (SELECT miner_id, sum(image_count) AS images, sum(waifu_micro) AS waifu FROM miner_hourly GROUP BY 1) h WHERE h.miner_id = n.miner_id`,
  );
  await db.query("ANALYZE");
  await db.end();
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const row = (name: string, t: number[]) => console.log(`| ${name} | ${ms(percentile(t, 50))} | ${ms(percentile(t, 95))} |`);

await ensureBuild(root);
const pgServer = await startThrowawayPostgres({ settings: { shared_buffers: "1GB", max_wal_size: "8GB" } });
let server: ReturnType<typeof startBackground> | undefined;
try {
  await applyMigrations(pgServer.url);
  await fillNetwork(pgServer.url, NODES, Number(values.days));
  await addWallets(pgServer.url);
  process.env.DATABASE_URL = pgServer.url;
  const { buildHeuristStats, rebuildHeuristStats } = await import("../../lib/server/compat/snapshot");
  const { pool } = await import("../../lib/server/db");
  const rebuilds = await timeRuns(3, () => rebuildHeuristStats());
  // The baseline: the details=true answer built for each request (read and serialize, nothing written).
  const perRequest = await timeRuns(5, async () => {
    const client = await pool().connect();
    await buildHeuristStats(client, new Date()).finally(() => client.release());
  });
  // What a request would read without the web server's copy of the row: the whole body from PostgreSQL.
  const rowReads = await timeRuns(10, () => pool().query("SELECT built_at, details FROM heurist_stats_snapshot WHERE id = 1"));
  const size = (await pool().query<{ bytes: number; stored: number }>("SELECT octet_length(details) AS bytes, pg_column_size(details) AS stored FROM heurist_stats_snapshot"))
    .rows[0]!;
  await pool().end();

  const port = await freePort();
  const [node, args] = webServerArgs(root, port);
  const env = { DATABASE_URL: pgServer.url, NODE_ENV: "production" as const, AUTH_DOMAIN: `127.0.0.1:${port}`, RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_PAGES_PER_MINUTE: "0" };
  server = startBackground(node, args, { cwd: root, stdio: "ignore", env: { ...process.env, ...env } });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/v1/health`, 60_000, server);
  const n = (k: number, f: (i: number) => string) => Array.from({ length: k }, (_, i) => f(i));
  const wallets = n(REQUESTS, (i) => wallet(2_600 + ((i * 97) % 8_000)));
  const miners = n(REQUESTS, (i) => `${wallet((2_600 + i * 131) % 11_000)}-rig${2_600 + i * 131}`);
  await timeGets([...n(3, () => `${base}/prod/stats?details=true`), ...n(10, () => `${base}/api/v1/health`), `${base}/prod/stats?minerId=${BIG}`, `${base}/api/v1/wallets/${BIG}`]);
  const results: [string, number[]][] = [
    [`GET /prod/stats?details=true (${NODES.toLocaleString()} rows, the snapshot)`, await timeGets(n(REQUESTS, () => `${base}/prod/stats?details=true`))],
    ["the same answer built per request (in-process, no HTTP): the baseline", perRequest],
    ["the snapshot row read from PostgreSQL (in-process): each request without the copy", rowReads],
    ["GET /prod/stats (the network's figures)", await timeGets(n(REQUESTS, () => `${base}/prod/stats`))],
    ["GET /prod/stats?minerId=<wallet> (3–4 GPUs)", await timeGets(wallets.map((w) => `${base}/prod/stats?minerId=${w}`))],
    ["GET /api/v1/wallets/{address}, same wallets", await timeGets(wallets.map((w) => `${base}/api/v1/wallets/${w}`))],
    ["GET /prod/stats?minerId=<miner ID>", await timeGets(miners.map((m) => `${base}/prod/stats?minerId=${m}`))],
    ["GET /api/v1/miners/{minerId}, same miner IDs", await timeGets(miners.map((m) => `${base}/api/v1/miners/${m}`))],
    ["GET /prod/stats?minerId=<wallet of 2,500 GPUs>", await timeGets(n(10, () => `${base}/prod/stats?minerId=${BIG}`))],
    ["GET /api/v1/wallets/{address}, that wallet", await timeGets(n(10, () => `${base}/api/v1/wallets/${BIG}`))],
    ["GET /api/v1/health (HTTP floor)", await timeGets(n(REQUESTS, () => `${base}/api/v1/health`))],
  ];
  console.log(`\n| ${NODES.toLocaleString()} miner IDs | p50 | p95 |`);
  console.log("|---|---|---|");
  for (const [name, t] of results) row(name, t);
  const seconds = (t: number) => `${(t / 1000).toFixed(2)} s`;
  console.log(
    `\nSnapshot rebuild: ${rebuilds.map(seconds).join(", ")} (median ${seconds(median(rebuilds))}); details=true body ${(size.bytes / 1e6).toFixed(1)} MB (${(size.stored / 1e6).toFixed(1)} MB stored, TOAST-compressed).`,
  );
  console.log(
    `Sequential requests, each body read to the end; ${REQUESTS} each unless stated (10 for the large wallet and the row reads, 5 builds). Load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}.`,
  );
} finally {
  stopGroup(server);
  pgServer.stop();
}
