// Issue 12: the market, the leaderboards and GPU throughput are snapshots the worker rebuilds;
// reads only SELECT them. Reads here run on connections that refuse every write
// (default_transaction_read_only, as on a streaming replica): a read that rebuilt, computed or
// cached into a table would fail. Before the worker's first pass pages say so; a stale snapshot is
// served as it is, with its time; and two module instances (two web servers) answer the same.
import pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as getEstimate } from "@/app/api/v1/estimate/route";
import { GET as getGpus } from "@/app/api/v1/gpus/route";
import { POST as postHeartbeat } from "@/app/api/v1/heartbeats/route";
import { POST as postJobs } from "@/app/api/v1/jobs/route";
import { GET as getBoard } from "@/app/api/v1/leaderboard/route";
import { GET as getMarketCsv } from "@/app/api/v1/market.csv/route";
import { GET as getMarketApi } from "@/app/api/v1/market/route";
import { GpuModelsSection } from "@/app/gpus/gpu-models-section";
import { LeaderboardSection } from "@/app/gpus/leaderboard-section";
import { marketQuerySchema } from "@/lib/schemas/market";
import { pool } from "@/lib/server/db";
import { rebuildGpuThroughput } from "@/lib/server/gpu-throughput/snapshot";
import { rebuildLeaderboards } from "@/lib/server/leaderboard-snapshot";
import { getMarket } from "@/lib/server/market/query";
import { rebuildMarketSnapshot } from "@/lib/server/market/snapshot";
import { getGpuThroughput } from "@/lib/server/queries/gpu-throughput";
import { db, foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";

const HOUR = 3_600_000;
const SNAPSHOT_TABLES = ["leaderboard_rows", "market_snapshot", "market_snapshot_meta", "gpu_throughput_rows", "gpu_throughput_windows"];
const g = globalThis as unknown as { heuristPool?: pg.Pool };

/** Runs `fn` with the server's pool swapped for one whose transactions are all read-only. */
async function onReadOnlyConnections<T>(fn: () => Promise<T>): Promise<T> {
  const primary = pool();
  const readOnly = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: "-c default_transaction_read_only=on" });
  g.heuristPool = readOnly;
  try {
    return await fn();
  } finally {
    g.heuristPool = primary;
    await readOnly.end();
  }
}

const get = async (handler: (req: Request) => Promise<Response>, path: string) => {
  const res = await handler(new Request(`http://localhost${path}`));
  return { status: res.status, body: res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text() };
};

/** When each snapshot was built, as stored (empty: none). */
async function builtAt(): Promise<Record<string, number[]>> {
  const q = async (sql: string) => (await db().query<{ at: Date }>(sql)).rows.map((r) => r.at.getTime()).sort();
  return {
    leaderboard: await q(`SELECT computed_at AS at FROM leaderboard_rows WHERE rank = 0`),
    market: await q(`SELECT built_at AS at FROM market_snapshot_meta`),
    throughput: await q(`SELECT as_of AS at FROM gpu_throughput_windows`),
  };
}

const html = async (node: Promise<React.ReactElement>) => renderToStaticMarkup(await node);

const wallet = randomWallet();
const HARDWARE = `Snapshot GPU ${wallet.slice(2, 8)}`;

beforeAll(async () => {
  const jobs = [1, 2, 3].map((i) => imageJob({ miner_id: `${wallet}-${i}`, hardware: "NVIDIA L40S", completed_at: new Date(Date.now() - i * HOUR).toISOString() }));
  expect((await postJobs(signedRequest({ jobs }))).status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
});

afterAll(async () => {
  // Later files find the snapshots the worker would have left.
  await Promise.all([rebuildLeaderboards(), rebuildMarketSnapshot(), rebuildGpuThroughput()]);
});

describe("before the worker's first pass", () => {
  test("pages and APIs say the worker computes the snapshot, and reading writes none", async () => {
    for (const t of SNAPSHOT_TABLES) await db().query(`DELETE FROM ${t}`);
    await onReadOnlyConnections(async () => {
      for (const [handler, path] of [
        [getBoard, "/api/v1/leaderboard?type=llama&window=24h"],
        [getMarketApi, "/api/v1/market"],
        [getMarketCsv, "/api/v1/market.csv"],
        [getGpus, "/api/v1/gpus?window=7d"],
        [getEstimate, "/api/v1/estimate?gpu=l40s&model=SDXL&width=1024&height=1024&steps=20"],
      ] as const) {
        const { status, body } = await get(handler, path);
        expect(status, path).toBe(503);
        expect(body.error.code, path).toBe("unavailable");
        expect(body.error.message, path).toMatch(/has not been computed yet: the worker \(npm run worker\) builds it every/);
      }
      // The per-job estimate needs no snapshot.
      expect((await get(getEstimate, "/api/v1/estimate?model=SDXL&width=1024&height=1024&steps=20")).status).toBe(200);

      const board = await html(LeaderboardSection({ type: "waifu", window: "all", page: 1, searchParams: {} }));
      expect(board).toContain("The leaderboard not computed yet");
      expect(board).toContain("every 60 s");
      expect(board).toContain("<code>npm run worker</code>");
      expect(await html(GpuModelsSection({ window: "24h" }))).toContain("GPU throughput not computed yet");
    });
    expect(await builtAt()).toEqual({ leaderboard: [], market: [], throughput: [] });
  });
});

describe("a snapshot the worker built two hours ago", () => {
  const then = new Date(Date.now() - 2 * HOUR);

  test("is served as it is, with its time and labelled behind, and reading it writes nothing", async () => {
    await rebuildLeaderboards(then);
    await rebuildMarketSnapshot(then);
    await rebuildGpuThroughput(then);
    const before = await builtAt();
    expect(before.market).toEqual([then.getTime()]);

    await onReadOnlyConnections(async () => {
      for (const window of ["24h", "7d", "all"] as const) {
        const board = await get(getBoard, `/api/v1/leaderboard?type=waifu&window=${window}`);
        expect(board.status).toBe(200);
        expect(board.body).toMatchObject({ computedAt: then.toISOString(), stale: true });
      }
      const market = await get(getMarketApi, `/api/v1/market?q=${wallet}`);
      expect(market.status).toBe(200);
      expect(market.body).toMatchObject({ asOf: then.toISOString(), stale: true, total: 3 });
      expect((await get(getMarketCsv, `/api/v1/market.csv?q=${wallet}`)).status).toBe(200);
      const gpus = await get(getGpus, "/api/v1/gpus?window=24h");
      expect(gpus.status).toBe(200);
      expect(gpus.body.online.asOf).toBe(then.toISOString());
      expect((await get(getEstimate, "/api/v1/estimate?gpu=l40s&model=SDXL&width=1024&height=1024&steps=20")).status).toBe(200);
      expect((await getGpuThroughput("7d"))!.asOf).toBe(then.toISOString());

      const board = await html(LeaderboardSection({ type: "waifu", window: "all", page: 1, searchParams: {} }));
      expect(board).toMatch(/Points as of \d{4}-\d\d-\d\d \d\d:\d\d UTC, behind schedule \(a snapshot the worker rebuilds every 60 s\)/);
      expect(await html(GpuModelsSection({ window: "24h" }))).toContain("computed by the worker every 5 min");
    });
    expect(await builtAt()).toEqual(before);
  });
});

describe("two web servers", () => {
  test("answer the same GPU throughput and the same market page: nothing is kept per process", async () => {
    const now = new Date();
    await rebuildGpuThroughput(now);
    await rebuildMarketSnapshot(now);
    vi.resetModules();
    const a = { t: await import("@/lib/server/queries/gpu-throughput"), m: await import("@/lib/server/market/query") };
    vi.resetModules();
    const b = { t: await import("@/lib/server/queries/gpu-throughput"), m: await import("@/lib/server/market/query") };
    expect(a.t.getGpuThroughput).not.toBe(b.t.getGpuThroughput);

    const q = marketQuerySchema.parse({ sort: "stake", pageSize: "50" });
    const first = { t: await a.t.getGpuThroughput("24h"), m: await a.m.getMarket(q) };
    // A new GPU model works (and is seen online) in the last whole hour after server A has answered.
    const at = new Date(Math.floor(Date.now() / HOUR) * HOUR - HOUR / 2).toISOString();
    const node = `${randomWallet()}-new`;
    expect((await postJobs(signedRequest({ jobs: [imageJob({ miner_id: node, hardware: HARDWARE, completed_at: at })] }))).status).toBe(200);
    await foldNow();
    const beat = await postHeartbeat(signedRequest({ at, minerIds: [node] }, { url: "http://localhost/api/v1/heartbeats" }));
    expect(beat.status).toBe(200);

    const second = { t: await b.t.getGpuThroughput("24h"), m: await b.m.getMarket(q) };
    expect(second).toEqual(first);
    expect(second.t!.items.some((i) => i.hardware === HARDWARE)).toBe(false);
    // Until the worker's next pass, which both then serve.
    await rebuildGpuThroughput();
    const [ta, tb] = [await a.t.getGpuThroughput("24h"), await b.t.getGpuThroughput("24h")];
    expect(ta).toEqual(tb);
    expect(ta!.items.some((i) => i.hardware === HARDWARE)).toBe(true);
    expect(await getMarket(q, now)).toEqual(first.m);
  });
});
