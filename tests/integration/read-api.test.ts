// Miner and wallet read API: exact numbers from jobs ingested through the real POST route.
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getMiner } from "@/app/api/v1/miners/[minerId]/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { foldNow, giveNfts, imageJob, llmJob, randomWallet, signedRequest, stakeOn } from "../support/fixtures";

const HOUR = 3_600_000;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms).toISOString();
const day = (iso: string) => iso.slice(0, 10);

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
}

async function miner(id: string, query = "") {
  const res = await getMiner(new Request(`http://localhost/api/v1/miners/${id}?${query}`), { params: Promise.resolve({ minerId: id }) });
  return { status: res.status, body: await res.json() };
}

async function wallet(address: string, query = "") {
  const res = await getWallet(new Request(`http://localhost/api/v1/wallets/${address}?${query}`), { params: Promise.resolve({ address }) });
  return { status: res.status, body: await res.json() };
}

// One wallet, three GPUs. In force now: testnet-2024-09 (SDXL 1024²@20 = 6, hermes 2,000 tokens = 1).
const W = randomWallet();
const [alpha, bravo, charlie] = ["alpha", "bravo", "charlie"].map((tag) => `${W}-${tag}`) as [string, string, string];
const alphaJobs = [
  imageJob({ miner_id: alpha, completed_at: ago(1 * HOUR) }), // 6
  imageJob({ miner_id: alpha, completed_at: ago(1 * HOUR), inference_latency: 20 }), // 0: over the 18 s timeout
  llmJob({ miner_id: alpha, completed_at: ago(2 * HOUR), hardware: "NVIDIA GeForce RTX 4090" }), // 1 llama
  imageJob({ miner_id: alpha, completed_at: ago(72 * HOUR), width: 512, height: 512 }), // 1
  imageJob({ miner_id: alpha, completed_at: ago(40 * 24 * HOUR), num_iterations: 40 }), // 12, outside 30 days
];
const bravoJobs = [
  imageJob({ miner_id: bravo, completed_at: ago(5 * HOUR) }), // 6
  imageJob({ miner_id: bravo, completed_at: ago(5 * HOUR), status: "failed" }), // 0
];
const charlieJobs = [llmJob({ miner_id: charlie, completed_at: ago(72 * HOUR), hardware: "NVIDIA RTX A6000", input_tokens: 3000, output_tokens: 1000 })]; // 2 llama

beforeAll(async () => {
  await ingest([...alphaJobs, ...bravoJobs, ...charlieJobs]);
  // Bought after those jobs: changes the multipliers in force, not the points already earned.
  await giveNfts(W);
  await stakeOn(alpha, 55_000);
});

describe("GET /api/v1/miners/{minerId}", () => {
  test("totals, last 24 hours, the on-time rate and the multipliers in force", async () => {
    const { status, body } = await miner(alpha);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      minerId: alpha,
      wallet: W,
      deviceTag: "alpha",
      hardware: "NVIDIA GeForce RTX 4090",
      firstSeenAt: ago(40 * 24 * HOUR),
      lastSeenAt: ago(1 * HOUR),
      totalWaifuPoints: 19,
      totalLlamaPoints: 1,
      totalImageCount: 3,
      totalTextCount: 1,
      totalFailedCount: 1,
      last24HrsWaifuPoints: 6,
      last24HrsLlamaPoints: 1,
      last24HrsImageCount: 1,
      last24HrsTextCount: 1,
      last24HrsJobCount: 3,
      onTime24h: { ratio: 2 / 3, completed: 2, jobs: 3 },
      stake: 55_000,
      nftCount: 1,
      multipliers: { scheduleId: "testnet-2024-09", hasBoostSlot: true, nftMultiplier: 1.1, stakeMultiplier: 1.25 },
    });
  });

  test("dailyPoints: the last 30 UTC days, oldest first, days without jobs as zeros", async () => {
    const { body } = await miner(alpha);
    const series = body.dailyPoints as { date: string; waifuPoints: number; llamaPoints: number; jobCount: number }[];
    expect(series).toHaveLength(30);
    expect(series.at(-1)!.date).toBe(day(new Date(now).toISOString()));
    expect(series[0]!.date).toBe(day(ago(29 * 24 * HOUR)));
    expect(series.map((d) => d.date)).toEqual([...series.map((d) => d.date)].sort());
    const expected = new Map<string, { waifu: number; llama: number; jobs: number }>();
    const add = (iso: string, waifu: number, llama: number) => {
      const e = expected.get(day(iso)) ?? { waifu: 0, llama: 0, jobs: 0 };
      expected.set(day(iso), { waifu: e.waifu + waifu, llama: e.llama + llama, jobs: e.jobs + 1 });
    };
    add(ago(1 * HOUR), 6, 0);
    add(ago(1 * HOUR), 0, 0);
    add(ago(2 * HOUR), 0, 1);
    add(ago(72 * HOUR), 1, 0);
    for (const d of series) {
      const e = expected.get(d.date) ?? { waifu: 0, llama: 0, jobs: 0 };
      expect([d.date, d.waifuPoints, d.llamaPoints, d.jobCount]).toEqual([d.date, e.waifu, e.llama, e.jobs]);
    }
  });

  test("days=60 reaches the job 40 days ago", async () => {
    const { body } = await miner(alpha, "days=60");
    expect(body.dailyPoints).toHaveLength(60);
    expect(body.dailyPoints.find((d: { date: string }) => d.date === day(ago(40 * 24 * HOUR)))).toMatchObject({ waifuPoints: 12, imageCount: 1 });
  });

  test("a failed job counts against the on-time rate; the ID is case-insensitive", async () => {
    const { body } = await miner(bravo.toUpperCase().replace("0X", "0x"));
    expect(body).toMatchObject({ minerId: bravo, last24HrsJobCount: 2, onTime24h: { ratio: 0.5, completed: 1, jobs: 2 }, stake: 0, multipliers: { stakeMultiplier: 1 } });
  });

  test("availability is its own measured figure: last24HrsAvailability = availability24h.ratio, with its sample", async () => {
    for (const id of [alpha, bravo]) {
      const { body } = await miner(id);
      const a = body.availability24h;
      expect(a.buckets).toBeGreaterThan(0);
      expect(a.onlineBuckets).toBeLessThanOrEqual(a.buckets);
      expect(body.last24HrsAvailability).toBe(a.onlineBuckets / a.buckets);
      expect(["heartbeats", "jobs", "mixed"]).toContain(a.source);
    }
  });

  test("no job and never seen in the last 24 hours: 0 % available (measured, not unknown); the on-time rate is null", async () => {
    const { body } = await miner(charlie);
    expect(body).toMatchObject({ totalLlamaPoints: 2, last24HrsJobCount: 0, last24HrsAvailability: 0, onTime24h: { ratio: null, completed: 0, jobs: 0 } });
    expect(body.availability24h).toMatchObject({ ratio: 0, onlineBuckets: 0 });
    expect(body.availability24h.buckets).toBeGreaterThan(0);
  });

  test("404 for an unknown miner, 400 for a malformed ID or days", async () => {
    const unknown = await miner(`${randomWallet()}-nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    const bad = await miner("0x123-rig");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: "minerId", reason: expect.stringMatching(/wallet address/) }]);
    const days = await miner(alpha, "days=0");
    expect(days.status).toBe(400);
    expect(days.body.error.details).toEqual([{ field: "days", reason: "days must be ≥ 1" }]);
  });
});

describe("GET /api/v1/wallets/{address}", () => {
  test("totals over the wallet's GPUs, last 24 hours and boost slots", async () => {
    const { status, body } = await wallet(W.toUpperCase().replace("0X", "0x"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      address: W,
      gpuCount: 3,
      nftCount: 1,
      boostSlots: 3,
      stake: 55_000,
      firstSeenAt: ago(40 * 24 * HOUR),
      lastSeenAt: ago(1 * HOUR),
      totalWaifuPoints: 25,
      totalLlamaPoints: 3,
      totalImageCount: 4,
      totalTextCount: 2,
      totalFailedCount: 2,
      last24HrsWaifuPoints: 12,
      last24HrsLlamaPoints: 1,
      last24HrsJobCount: 5,
      onTime24h: { ratio: 3 / 5, completed: 3, jobs: 5 },
    });
    expect(body.last24HrsAvailability).toBe(body.availability24h.ratio);
    expect(body.availability24h.gpus).toBe(3);
    expect(body.dailyPoints).toHaveLength(30);
    const sum = (key: string) => body.dailyPoints.reduce((n: number, d: Record<string, number>) => n + d[key]!, 0);
    expect([sum("waifuPoints"), sum("llamaPoints"), sum("jobCount")]).toEqual([13, 3, 7]);
  });

  test("miners: paginated and sorted by points with the ID breaking ties", async () => {
    const first = await wallet(W, "pageSize=2");
    expect(first.body.miners).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.miners.items.map((m: { minerId: string }) => m.minerId)).toEqual([alpha, bravo]);
    expect(first.body.miners.items[0]).toMatchObject({
      totalWaifuPoints: 19,
      last24HrsWaifuPoints: 6,
      last24HrsLlamaPoints: 1,
      onTime24h: { ratio: 2 / 3, completed: 2, jobs: 3 },
      stake: 55_000,
      hasBoostSlot: true,
    });
    const second = await wallet(W, "pageSize=2&page=2");
    expect(second.body.miners.items.map((m: { minerId: string }) => m.minerId)).toEqual([charlie]);
    const byLlama = await wallet(W, "sort=totalLlamaPoints&order=desc");
    expect(byLlama.body.miners.items.map((m: { minerId: string }) => m.minerId)).toEqual([charlie, alpha, bravo]);
    const byId = await wallet(W, "sort=minerId&order=desc");
    expect(byId.body.miners.items.map((m: { minerId: string }) => m.minerId)).toEqual([charlie, bravo, alpha]);
    const bySeen = await wallet(W, "sort=lastSeenAt&order=asc");
    expect(bySeen.body.miners.items.map((m: { minerId: string }) => m.minerId)).toEqual([charlie, bravo, alpha]);
  });

  test("miners: q filters on miner ID or hardware, case-insensitively, with its own total", async () => {
    const byTag = await wallet(W, "q=BRAVO");
    expect(byTag.body.miners).toMatchObject({ total: 1, items: [{ minerId: bravo }] });
    const byHardware = await wallet(W, "q=a6000");
    expect(byHardware.body.miners).toMatchObject({ total: 1, items: [{ minerId: charlie, hardware: "NVIDIA RTX A6000" }] });
    const none = await wallet(W, "q=h100");
    expect(none.body.miners).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
    expect(none.body.gpuCount).toBe(3);
  });

  test("404 for an unknown wallet, 400 for a malformed address or query", async () => {
    const unknown = await wallet(randomWallet());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "not_found", message: expect.stringMatching(/No GPU of wallet/) });
    const bad = await wallet("0xnothex");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: "address", reason: expect.stringMatching(/40 hex/) }]);
    const query = await wallet(W, "sort=points&pageSize=500");
    expect(query.status).toBe(400);
    expect(query.body.error.details).toEqual(
      expect.arrayContaining([
        { field: "sort", reason: expect.stringMatching(/sort must be one of/) },
        { field: "pageSize", reason: "pageSize must be ≤ 200" },
      ]),
    );
  });
});
