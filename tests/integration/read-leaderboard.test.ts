// Leaderboards served from the snapshots the worker rebuilds (reads never rebuild: see
// snapshot-reads.test.ts), their idempotent rebuild, and the GPU-model table.
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getGpus } from "@/app/api/v1/gpus/route";
import { GET as getBoard } from "@/app/api/v1/leaderboard/route";
import { rebuildGpuThroughput } from "@/lib/server/gpu-throughput/snapshot";
import { rebuildLeaderboard, rebuildLeaderboards } from "@/lib/server/leaderboard-snapshot";
import { getLeaderboard } from "@/lib/server/queries/leaderboard";
import { getWalletOrThrow } from "@/lib/server/queries/wallet";
import { walletQuerySchema } from "@/lib/schemas/wallets";
import { db, foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
  return (await res.json()).results.map((r: { points: number }) => r.points) as number[];
}

async function board(query: string) {
  const res = await getBoard(new Request(`http://localhost/api/v1/leaderboard?${query}`));
  return { status: res.status, body: await res.json() };
}

type Row = { rank: number; address: string; points: number; gpuCount: number };
const rowOf = (items: Row[], address: string) => items.find((r) => r.address === address);

// 10,000,000 + 10,000,000 hermes tokens = 10,000 Llama points: far above anything else in the test database.
// The largest job the plausibility bounds allow a Llama 3.1 model: 131,072 tokens × 0.5 = 65.536 points.
const huge = (minerId: string, completedAt: string) =>
  llmJob({ miner_id: minerId, completed_at: completedAt, input_tokens: 100_000, output_tokens: 31_072, inference_latency: 60 });

/**
 * Two wallets ranked after a rebuild: y above x in the last 24 h (131.072 to 65.536 points), y's
 * third GPU idle for 30 days. Each test makes its own, so any one runs alone and in any order.
 */
async function rankedPair(): Promise<{ x: string; y: string; points: number[] }> {
  const x = randomWallet();
  const y = randomWallet();
  const points = await ingest([huge(`${x}-1`, ago(HOUR)), huge(`${y}-1`, ago(HOUR)), huge(`${y}-2`, ago(2 * HOUR)), huge(`${y}-3`, ago(30 * 24 * HOUR))]);
  await rebuildLeaderboards();
  return { x, y, points };
}

describe("GET /api/v1/leaderboard", () => {
  test("ranks wallets by points in the window after a refresh, with their GPU count (all their GPUs, as the wallet counts them)", async () => {
    const { x, y, points } = await rankedPair();
    expect(points).toEqual([65.536, 65.536, 65.536, 65.536]);
    const day = await board("type=llama&window=24h&pageSize=200");
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ type: "llama", window: "24h", page: 1, pageSize: 200, stale: false });
    expect(Date.now() - Date.parse(day.body.computedAt)).toBeLessThan(60_000);
    // y's third GPU last worked 30 days ago: it is still one of the wallet's 3 GPUs, on every page.
    expect(rowOf(day.body.items, y)).toEqual({ rank: expect.any(Number), address: y, points: 131.072, gpuCount: 3 });
    expect(rowOf(day.body.items, x)).toEqual({ rank: expect.any(Number), address: x, points: 65.536, gpuCount: 1 });
    expect(rowOf(day.body.items, x)!.rank).toBeGreaterThan(rowOf(day.body.items, y)!.rank);
    // Ranks are 1, 2, 3… down the page, in order of points (other tests' wallets may sit between x and y).
    const ranks = day.body.items.map((r: Row) => r.rank);
    expect(ranks).toEqual(ranks.map((_: number, i: number) => i + 1));
    const byPoints = day.body.items.map((r: Row) => r.points);
    expect(byPoints).toEqual([...byPoints].sort((a, b) => b - a));

    const all = await board("type=llama&window=all&pageSize=200");
    expect(rowOf(all.body.items, y)).toMatchObject({ points: 196.608, gpuCount: 3 });
    const waifu = await board("type=waifu&window=all&pageSize=200");
    expect(rowOf(waifu.body.items, y)).toBeUndefined();
  });

  test("a read serves the snapshot the worker last built: points earned since count from its next rebuild", async () => {
    const { x, y } = await rankedPair();
    await ingest([huge(`${x}-1`, ago(HOUR)), huge(`${x}-2`, ago(HOUR))]);
    const query = { type: "llama", window: "24h", page: 1, pageSize: 200 } as const;
    const before = (await getLeaderboard(query))!;
    expect(before.stale).toBe(false);
    expect(rowOf(before.items, x)).toMatchObject({ points: 65.536 });
    expect(rowOf(before.items, x)!.rank).toBeGreaterThan(rowOf(before.items, y)!.rank);

    // An hour later nobody has rebuilt it: the same snapshot, labelled behind schedule, not recomputed.
    const later = (await getLeaderboard(query, new Date(Date.now() + HOUR)))!;
    expect(later).toMatchObject({ computedAt: before.computedAt, stale: true });
    expect(rowOf(later.items, x)!.points).toBe(65.536);

    await rebuildLeaderboards();
    const rebuilt = (await getLeaderboard(query))!;
    expect(Date.parse(rebuilt.computedAt)).toBeGreaterThan(Date.parse(before.computedAt));
    expect(rowOf(rebuilt.items, x)).toMatchObject({ points: 196.608, gpuCount: 2 });
    expect(rowOf(rebuilt.items, x)!.rank).toBeLessThan(rowOf(rebuilt.items, y)!.rank);
  });

  test("rebuilds are idempotent: of five at the same time one rebuilds and the others keep its snapshot", async () => {
    const at = new Date();
    const results = await Promise.all(Array.from({ length: 5 }, () => rebuildLeaderboard("all", at)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const headers = await db().query(`SELECT point_type, computed_at FROM leaderboard_rows WHERE "window" = 'all' AND rank = 0 ORDER BY point_type`);
    expect(headers.rows.map((r) => r.computed_at.getTime())).toEqual([at.getTime(), at.getTime()]);
  });

  test("after a rebuild every window equals the wallet's own totals", async () => {
    const w = randomWallet();
    await ingest([huge(`${w}-1`, ago(HOUR)), huge(`${w}-2`, ago(HOUR))]);
    await rebuildLeaderboards();
    // The wallet earns more after the snapshot: until the next rebuild the board lags it by a third.
    await ingest([huge(`${w}-3`, ago(HOUR / 2))]);
    const lagging = (await getLeaderboard({ type: "llama", window: "24h", page: 1, pageSize: 200 }))!;
    expect(rowOf(lagging.items, w)!.points).toBe(131.072);
    const now = new Date();
    await rebuildLeaderboards(now);
    const wallet = await getWalletOrThrow(w, walletQuerySchema.parse({}), now);
    expect(wallet.totalLlamaPoints).toBe(196.608);
    for (const window of ["24h", "7d", "all"] as const) {
      const served = (await getLeaderboard({ type: "llama", window, page: 1, pageSize: 200 }, now))!;
      expect(served.computedAt, window).toBe(now.toISOString());
      expect(served.stale, window).toBe(false);
      // Every job of w is in the last hour, so its 24 h, 7 d and all-time totals are one number.
      expect(rowOf(served.items, w), window).toMatchObject({ points: wallet.totalLlamaPoints, gpuCount: wallet.gpuCount });
    }
    expect(rowOf((await getLeaderboard({ type: "llama", window: "24h", page: 1, pageSize: 200 }, now))!.items, w)!.points).toBe(wallet.last24HrsLlamaPoints);
  });

  test("the GPU count is the wallet's own, live: a GPU added after the snapshot counts on both at once", async () => {
    const w = randomWallet();
    await ingest([huge(`${w}-a`, ago(HOUR)), huge(`${w}-b`, ago(26 * HOUR))]);
    await rebuildLeaderboards();
    const query = { type: "llama", window: "24h", page: 1, pageSize: 200 } as const;
    const before = (await getLeaderboard(query))!;
    const wallet = await getWalletOrThrow(w, walletQuerySchema.parse({}));
    expect(rowOf(before.items, w)!.gpuCount).toBe(2);
    expect(wallet.gpuCount).toBe(2);

    await ingest([huge(`${w}-c`, ago(HOUR))]);
    const after = (await getLeaderboard(query))!;
    expect(after.computedAt).toBe(before.computedAt); // the same snapshot of points...
    expect(rowOf(after.items, w)!.gpuCount).toBe((await getWalletOrThrow(w, walletQuerySchema.parse({}))).gpuCount); // ...with the live count
    expect(rowOf(after.items, w)!.gpuCount).toBe(3);
  });

  test("pages are rank ranges; bad parameters are 400s", async () => {
    await rankedPair();
    const second = await board("type=llama&window=all&pageSize=1&page=2");
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].rank).toBe(2);
    const bad = await board("type=tokens&window=1y");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { field: "type", reason: "type must be waifu or llama" },
      { field: "window", reason: "window must be 24h, 7d or all" },
    ]);
  });
});

describe("GET /api/v1/gpus", () => {
  test("aggregates per GPU model: devices, jobs, availability, points per device per day, latency", async () => {
    const hardware = `Test GPU ${randomBytes(4).toString("hex")}`;
    const w = randomWallet();
    await ingest([
      imageJob({ miner_id: `${w}-1`, hardware, completed_at: ago(HOUR), inference_latency: 4 }),
      imageJob({ miner_id: `${w}-1`, hardware, completed_at: ago(HOUR), inference_latency: 6 }),
      imageJob({ miner_id: `${w}-2`, hardware, completed_at: ago(2 * HOUR), inference_latency: 3 }),
      imageJob({ miner_id: `${w}-2`, hardware, completed_at: ago(2 * HOUR), status: "failed" }),
      imageJob({ miner_id: `${w}-3`, hardware, completed_at: ago(3 * 24 * HOUR), inference_latency: 5 }),
    ]);
    await rebuildGpuThroughput(); // the worker's pass: the ranking reads its figures
    const day = await (await getGpus(new Request("http://localhost/api/v1/gpus"))).json();
    expect(day.window).toBe("24h");
    expect(day.items.find((g: { hardware: string }) => g.hardware === hardware)).toMatchObject({
      hardware,
      activeDevices: 2,
      jobs: 4,
      successes: 3,
      availability: 0.75,
      waifuPoints: 18,
      llamaPoints: 0,
      waifuPointsPerDevicePerDay: 9,
      llamaPointsPerDevicePerDay: 0,
      pointsPerDevicePerDay: 9,
      medianLatencyMs: 4000, // devices average 5,000 and 3,000 ms
      meanLatencyMs: 13_000 / 3,
    });
    // Ranked by points per day online (decision 0015; tests/integration/gpu-throughput.test.ts), unranked last.
    const perDay = day.items.map((g: { pointsPerDayOnline: number | null }) => g.pointsPerDayOnline ?? -1);
    expect(perDay).toEqual([...perDay].sort((a, b) => b - a));

    const week = await (await getGpus(new Request("http://localhost/api/v1/gpus?window=7d"))).json();
    expect(week.items.find((g: { hardware: string }) => g.hardware === hardware)).toMatchObject({
      activeDevices: 3,
      jobs: 5,
      waifuPoints: 24,
      pointsPerDevicePerDay: 24 / 3 / 7,
      medianLatencyMs: 5000,
    });
    const bad = await getGpus(new Request("http://localhost/api/v1/gpus?window=30d"));
    expect(bad.status).toBe(400);
  });
});
