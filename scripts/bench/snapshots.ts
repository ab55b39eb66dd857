// `node --conditions=react-server --import tsx scripts/bench/snapshots.ts [--nodes 40000]`: what each
// snapshot the worker builds costs to rebuild (lib/server/snapshot-jobs.ts, three times each) on the
// market benchmark's synthetic network, against what a page pays to read it (100 reads, p50/p95).
import { parseArgs } from "node:util";
import { applyMigrations } from "../../prisma/migrate";
import { startThrowawayPostgres } from "../lib/throwaway-postgres";
import { fillNetwork } from "./network-fill";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "40000" }, days: { type: "string", default: "7" } } });

async function timeReads(name: string, read: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await read();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`read ${name}: p50 ${ms[50]!.toFixed(2)} ms, p95 ${ms[95]!.toFixed(2)} ms`);
}

const server = await startThrowawayPostgres({ settings: { shared_buffers: "1GB" } });
try {
  await applyMigrations(server.url);
  await fillNetwork(server.url, Number(values.nodes), Number(values.days));
  process.env.DATABASE_URL = server.url;
  const { SNAPSHOT_JOBS } = await import("../../lib/server/snapshot-jobs");
  const { getGpuThroughput } = await import("../../lib/server/queries/gpu-throughput");
  const { getLeaderboard } = await import("../../lib/server/queries/leaderboard");
  const { getMarket } = await import("../../lib/server/market/query");
  const { marketQuerySchema } = await import("../../lib/schemas/market");
  const { pool } = await import("../../lib/server/db");
  for (const job of SNAPSHOT_JOBS) {
    const s: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await job.rebuild(new Date());
      s.push(`${((performance.now() - t) / 1000).toFixed(2)} s`);
    }
    console.log(`rebuild ${job.name}: ${s.join(", ")}`);
  }
  await timeReads("GPU throughput, 7 d", () => getGpuThroughput("7d"));
  await timeReads("leaderboard, 24 h, page 1", () => getLeaderboard({ type: "waifu", window: "24h", page: 1, pageSize: 50 }));
  await timeReads("market, default page", () => getMarket(marketQuerySchema.parse({})));
  await pool().end();
} finally {
  server.stop();
}
