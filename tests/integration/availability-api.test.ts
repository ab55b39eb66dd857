// Availability in the miner and wallet answers (issue 10): the share of the last 24 hours' 5-minute
// buckets in which the router saw the node online, from heartbeats sent through the real route,
// whatever jobs it did; the on-time rate beside it under its own name.
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postHeartbeat } from "@/app/api/v1/heartbeats/route";
import { POST as postJobs } from "@/app/api/v1/jobs/route";
import { GET as getMiner } from "@/app/api/v1/miners/[minerId]/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { BUCKET_MS } from "@/lib/heartbeats/buckets";
import { availabilityPlan } from "@/lib/heartbeats/coverage";
import type { MinerResponse } from "@/lib/schemas/miners";
import type { WalletMiner, WalletResponse } from "@/lib/schemas/wallets";
import { heartbeatsSince } from "@/lib/server/heartbeats/availability";
import { foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.now();
const ago = (ms: number) => new Date(t0 - ms).toISOString();
const bucketOf = (ms: number) => Math.floor(ms / BUCKET_MS);

const W = randomWallet();
const node = (tag: string) => `${W}-${tag}`;
/** Seen in every bucket of the day, one job. */
const always = node("always");
/** Jobs all day, one of them failed, but seen only in every other bucket. */
const half = node("half");
/** One job on time 13 hours ago, then offline: the old figure read 100 %. */
const idle = node("idle13");
/** Retired: a job 10 days ago, never seen since. */
const retired = node("retired");

/** Buckets (global index: ms / 5 min) each node was reported online in. */
const posted = new Map<string, Set<number>>([always, half, idle].map((m) => [m, new Set<number>()]));

async function beat(atMs: number) {
  const b = bucketOf(atMs);
  const online = [always, ...(b % 2 === 0 ? [half] : []), ...(atMs < t0 - 13 * HOUR ? [idle] : [])];
  const res = await postHeartbeat(signedRequest({ at: new Date(atMs).toISOString(), minerIds: online }, { url: "http://localhost/api/v1/heartbeats" }));
  expect(res.status).toBe(200);
  for (const m of online) posted.get(m)!.add(b);
}

async function miner(id: string): Promise<MinerResponse> {
  const res = await getMiner(new Request(`http://localhost/api/v1/miners/${id}`), { params: Promise.resolve({ minerId: id }) });
  expect(res.status).toBe(200);
  return res.json();
}

async function wallet(query = ""): Promise<WalletResponse> {
  const res = await getWallet(new Request(`http://localhost/api/v1/wallets/${W}?${query}`), { params: Promise.resolve({ address: W }) });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  const res = await postJobs(
    signedRequest({
      jobs: [
        imageJob({ miner_id: always, completed_at: ago(2 * HOUR) }),
        imageJob({ miner_id: half, completed_at: ago(1 * HOUR) }),
        imageJob({ miner_id: half, completed_at: ago(3 * HOUR), status: "failed" }),
        imageJob({ miner_id: half, completed_at: ago(6 * HOUR) }),
        imageJob({ miner_id: idle, completed_at: ago(13 * HOUR) }),
        imageJob({ miner_id: retired, completed_at: ago(10 * DAY) }),
      ],
    }),
  );
  expect(res.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
  // The router's last day, one report per 5-minute bucket. The first, 24 h ago, also moves the
  // start of coverage (one global row, only ever moved earlier) to before the window.
  const first = t0 - DAY + 5_000;
  await beat(first);
  for (let b = bucketOf(first) + 1; b * BUCKET_MS <= Date.now(); b++) await beat(Math.min(b * BUCKET_MS + 60_000, Date.now()));
  // The window ends at the current bucket's start: it must not begin before the first report's bucket.
  const ready = bucketOf(first) * BUCKET_MS + DAY;
  if (Date.now() < ready) await new Promise((r) => setTimeout(r, ready - Date.now()));
});

/** The plan the answer's window is measured by, and each node's expected online buckets in it. */
async function expected(a: { from: string; to: string }) {
  const [from, to] = [new Date(a.from), new Date(a.to)];
  const plan = availabilityPlan(from, to, await heartbeatsSince());
  // Heartbeats cover the whole window, so every measured bucket is a heartbeat bucket at its tail.
  expect(plan).toMatchObject({ source: "heartbeats", jobBuckets: 0 });
  const start = bucketOf(to.getTime()) - plan.buckets;
  const online = (m: string) => [...(posted.get(m) ?? [])].filter((b) => b >= start && b < bucketOf(to.getTime())).length;
  return { plan, online };
}

describe("availability over the last 24 hours in /api/v1/miners and /api/v1/wallets", () => {
  test("online all day with one job reads 100 %; jobs all day but online half the time reads ~50 %; idle for 13 hours is not 100 %", async () => {
    const [a, h, i, r] = await Promise.all([always, half, idle, retired].map(miner));
    const { plan, online } = await expected(a!.availability24h);
    // The window: the 24 hours before the current 5-minute bucket.
    expect(Date.parse(a!.availability24h.to) % BUCKET_MS).toBe(0);
    expect(Date.parse(a!.availability24h.to)).toBeGreaterThanOrEqual(bucketOf(t0) * BUCKET_MS);
    expect(Date.parse(a!.availability24h.to) - Date.parse(a!.availability24h.from)).toBe(DAY);
    // Coverage starts at the first whole hour of heartbeats: 23 to 24 hours of the window measured.
    const n = plan.buckets;
    expect(n).toBeGreaterThanOrEqual(23 * 12);
    expect(n).toBeLessThanOrEqual(288);

    expect(a!.availability24h).toMatchObject({ onlineBuckets: n, buckets: n, heartbeatBuckets: n, source: "heartbeats", ratio: 1 });
    expect(a!.last24HrsAvailability).toBe(1);
    expect(a!.onTime24h).toEqual({ ratio: 1, completed: 1, jobs: 1 });

    expect(h!.availability24h).toMatchObject({ onlineBuckets: online(half), buckets: n, source: "heartbeats" });
    expect(Math.abs(2 * online(half) - n)).toBeLessThanOrEqual(1);
    expect(h!.last24HrsAvailability).toBe(online(half) / n);
    expect(h!.last24HrsAvailability).toBeCloseTo(0.5, 1);
    expect(h!.onTime24h).toEqual({ ratio: 2 / 3, completed: 2, jobs: 3 });

    // Seen until 13 hours ago: about 11 of the hours measured.
    expect(i!.availability24h).toMatchObject({ onlineBuckets: online(idle), buckets: n });
    expect(i!.last24HrsAvailability).toBeCloseTo(11 / 24, 1);
    expect(i!.last24HrsAvailability).toBeLessThan(0.5);
    expect(i!.onTime24h).toEqual({ ratio: 1, completed: 1, jobs: 1 });

    expect(r!.availability24h).toMatchObject({ onlineBuckets: 0, buckets: n, ratio: 0 });
    expect(r!.onTime24h).toEqual({ ratio: null, completed: 0, jobs: 0 });
  });

  test("the wallet's GPU rows carry the same figures and samples as /api/v1/miners; its headline sums the GPUs in service", async () => {
    const w = await wallet();
    const rows = new Map(w.miners.items.map((m: WalletMiner) => [m.minerId, m]));
    expect([...rows.keys()].sort()).toEqual([always, half, idle, retired].sort());
    for (const id of [always, half, idle, retired]) {
      const m = await miner(id);
      const { from, to, ...sample } = m.availability24h;
      expect([from, to]).toEqual([w.availability24h.from, w.availability24h.to]);
      expect(rows.get(id)!.availability24h).toEqual(sample);
      expect(rows.get(id)!.last24HrsAvailability).toBe(m.last24HrsAvailability);
      expect(rows.get(id)!.onTime24h).toEqual(m.onTime24h);
    }
    const { plan, online } = await expected(w.availability24h);
    const sum = online(always) + online(half) + online(idle);
    // The retired GPU (no job in 7 days, not seen) is left out of the wallet's figure.
    expect(w.availability24h).toMatchObject({ gpus: 3, onlineBuckets: sum, buckets: 3 * plan.buckets, heartbeatBuckets: 3 * plan.buckets, source: "heartbeats" });
    expect(w.last24HrsAvailability).toBe(sum / (3 * plan.buckets));
    expect(w.availability24h.ratio).toBe(w.last24HrsAvailability);
    // The on-time rate over the wallet: 4 of its 5 jobs in the last 24 h completed in time.
    expect(w.onTime24h).toEqual({ ratio: 4 / 5, completed: 4, jobs: 5 });
    expect(w.last24HrsJobCount).toBe(5);
  });

  test("the GPU table sorts by availability both ways, ties by miner ID", async () => {
    const asc = await wallet("sort=availability24h&order=asc");
    expect(asc.miners.items.map((m) => m.minerId)).toEqual([retired, idle, half, always]);
    const desc = await wallet("sort=availability24h&order=desc&pageSize=2");
    expect(desc.miners.items.map((m) => m.minerId)).toEqual([always, half]);
    const page2 = await wallet("sort=availability24h&order=desc&pageSize=2&page=2");
    expect(page2.miners.items.map((m) => m.minerId)).toEqual([idle, retired]);
    const filtered = await wallet("sort=availability24h&order=asc&q=always");
    expect(filtered.miners).toMatchObject({ total: 1, items: [{ minerId: always, last24HrsAvailability: 1 }] });
  });
});
