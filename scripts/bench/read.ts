// `npm run bench:read`: p95 latency of the miner, wallet (2,500 GPUs) and leaderboard APIs through
// the production server, on a 10 M-row ledger and, in the same run, on a 100 k-row ledger with the
// same 40,000 miner IDs and 11,000 wallets. The ratio shows whether cost grows with the ledger.
// Each dataset gets its snapshots built once before it is read (reads never build them; the worker
// does), and the load average before each measurement is printed: the machine may be shared.
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { ensureBuild, webServerArgs } from "../lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../lib/processes";
import { freePort, startThrowawayPostgres } from "../lib/throwaway-postgres";
import { buildSnapshots } from "./build-snapshots";
import { generateDataset } from "./dataset";
import { percentile, timeGets } from "./measure";
import { loadAverages } from "./observe";

const root = path.resolve(import.meta.dirname, "../..");
// Benchmarks build into their own folder so a running `next dev` (which uses .next) is left alone.
process.env.NEXT_DIST_DIR ??= ".next-bench";
const { values } = parseArgs({
  options: { large: { type: "string", default: "10000000" }, small: { type: "string", default: "100000" }, requests: { type: "string", default: "300" } },
});
const REQUESTS = Number(values.requests);

type Figures = Record<"miner" | "wallet" | "leaderboard" | "walletPage", { p50: number; p95: number }>;

async function measure(dbUrl: string, sample: { whale: string; sampleMiners: string[] }): Promise<Figures> {
  const port = await freePort();
  const [node, args] = webServerArgs(root, port);
  const server = startBackground(node, args, {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: "production", AUTH_DOMAIN: `127.0.0.1:${port}`, RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_PAGES_PER_MINUTE: "0" },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/v1/health`, 60_000, server);
    const pick = <T>(list: T[], i: number) => list[i % list.length]!;
    const sorts = ["totalWaifuPoints", "totalLlamaPoints", "lastSeenAt", "minerId"];
    const boards = ["waifu&window=24h", "llama&window=7d", "waifu&window=all", "llama&window=24h"];
    const minerUrls = Array.from({ length: REQUESTS }, (_, i) => `${base}/api/v1/miners/${pick(sample.sampleMiners, i)}`);
    const walletUrls = Array.from({ length: REQUESTS }, (_, i) => `${base}/api/v1/wallets/${sample.whale}?sort=${pick(sorts, i)}&order=desc&page=${1 + (i % 50)}&pageSize=50`);
    const pageUrls = Array.from({ length: REQUESTS }, (_, i) => `${base}/wallets/${sample.whale}?sort=${pick(sorts, i)}&page=${1 + (i % 50)}`);
    const boardUrls = Array.from({ length: REQUESTS }, (_, i) => `${base}/api/v1/leaderboard?type=${pick(boards, i)}&page=${1 + (i % 20)}`);
    // Warm-up: connection pool, JIT, page cache.
    await timeGets([...minerUrls.slice(0, 30), ...walletUrls.slice(0, 30), ...boardUrls.slice(0, 30), ...pageUrls.slice(0, 10)]);
    const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) });
    return {
      miner: stats(await timeGets(minerUrls)),
      wallet: stats(await timeGets(walletUrls)),
      leaderboard: stats(await timeGets(boardUrls)),
      walletPage: stats(await timeGets(pageUrls)),
    };
  } finally {
    stopGroup(server);
  }
}

async function createDb(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  await applyMigrations(url);
  return url;
}

async function main() {
  await ensureBuild(root);
  const pgServer = await startThrowawayPostgres({ settings: { shared_buffers: "2GB", max_wal_size: "8GB", effective_cache_size: "8GB", checkpoint_timeout: "30min" } });
  try {
    const results: Record<string, Figures> = {};
    for (const [label, rows] of [
      ["small", Number(values.small)],
      ["large", Number(values.large)],
    ] as const) {
      console.log(`Dataset "${label}": ${rows.toLocaleString()} ledger rows`);
      const url = await createDb(pgServer.url, `bench_${label}`);
      const sample = await generateDataset(url, rows, console.log);
      await buildSnapshots(root, url);
      console.log(`  load average before measuring (1/5/15 min): ${loadAverages()}`);
      results[label] = await measure(url, sample);
    }
    const s = results.small!;
    const l = results.large!;
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      `\n| endpoint | p50 @ ${Number(values.small).toLocaleString()} | p95 @ ${Number(values.small).toLocaleString()} | p50 @ ${Number(values.large).toLocaleString()} | p95 @ ${Number(values.large).toLocaleString()} | p95 ratio |`,
    );
    console.log("|---|---|---|---|---|---|");
    for (const k of ["miner", "wallet", "leaderboard", "walletPage"] as const) {
      console.log(`| ${k} | ${ms(s[k].p50)} | ${ms(s[k].p95)} | ${ms(l[k].p50)} | ${ms(l[k].p95)} | ${(l[k].p95 / s[k].p95).toFixed(2)} |`);
    }
    console.log(`\n${REQUESTS} sequential requests per endpoint per dataset after 30 warm-up requests each.`);
  } finally {
    pgServer.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
