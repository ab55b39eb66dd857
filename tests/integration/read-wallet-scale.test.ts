// A wallet at the top of the real network's spread (2,500+ GPUs, data/top-miner-stats-2025-01.json):
// every GPU reachable through the pages exactly once, totals over all of them, and every GPU's
// availability read in one pass, never a query per GPU.
import { expect, test, vi } from "vitest";
import { POST as postHeartbeat } from "@/app/api/v1/heartbeats/route";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { pool } from "@/lib/server/db";
import { foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
}

async function wallet(address: string, query = "") {
  const res = await getWallet(new Request(`http://localhost/api/v1/wallets/${address}?${query}`), { params: Promise.resolve({ address }) });
  return { status: res.status, body: await res.json() };
}

test("a 2,500-GPU wallet pages through every GPU exactly once, even when all points tie", async () => {
  const big = randomWallet();
  const jobs = Array.from({ length: 2500 }, (_, i) => imageJob({ miner_id: `${big}-g${i}`, completed_at: ago(3 * 3_600_000) }));
  for (let i = 0; i < jobs.length; i += 1000) await ingest(jobs.slice(i, i + 1000));
  // The router saw every GPU in the last half hour.
  const ids = jobs.map((j) => j.miner_id);
  for (let m = 30; m >= 5; m -= 5) {
    const res = await postHeartbeat(signedRequest({ at: new Date(Date.now() - m * 60_000).toISOString(), minerIds: ids }, { url: "http://localhost/api/v1/heartbeats" }));
    expect(res.status).toBe(200);
  }
  const seen: string[] = [];
  let online = 0;
  for (let page = 1; page <= 13; page++) {
    const { body } = await wallet(big, `pageSize=200&page=${page}`);
    expect(body.miners.total).toBe(2500);
    seen.push(...body.miners.items.map((m: { minerId: string }) => m.minerId));
    online += body.miners.items.reduce((n: number, m: { availability24h: { onlineBuckets: number } }) => n + m.availability24h.onlineBuckets, 0);
  }
  expect(seen).toHaveLength(2500);
  expect(new Set(seen).size).toBe(2500);
  const queries = vi.spyOn(pool(), "query");
  const { body } = await wallet(big, "pageSize=1&sort=availability24h");
  // A handful of statements for the whole answer, whatever the number of GPUs.
  expect(queries.mock.calls.length).toBeLessThan(15);
  queries.mockRestore();
  expect(body).toMatchObject({ gpuCount: 2500, totalWaifuPoints: 15_000, last24HrsWaifuPoints: 15_000, onTime24h: { ratio: 1, completed: 2500, jobs: 2500 } });
  // The headline is every GPU's figure summed: the table's rows add up to it.
  expect(body.availability24h).toMatchObject({ gpus: 2500, onlineBuckets: online, buckets: 2500 * body.miners.items[0].availability24h.buckets });
  expect(online).toBeGreaterThanOrEqual(2500 * 5);
});
