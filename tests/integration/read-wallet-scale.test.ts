// A wallet at the top of the real network's spread (2,500+ GPUs, data/top-miner-stats-2025-01.json):
// every GPU reachable through the pages exactly once, totals over all of them.
import { expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { imageJob, randomWallet, signedRequest } from "../support/fixtures";

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
}

async function wallet(address: string, query = "") {
  const res = await getWallet(new Request(`http://localhost/api/v1/wallets/${address}?${query}`), { params: Promise.resolve({ address }) });
  return { status: res.status, body: await res.json() };
}

test("a 2,500-GPU wallet pages through every GPU exactly once, even when all points tie", async () => {
  const big = randomWallet();
  const jobs = Array.from({ length: 2500 }, (_, i) => imageJob({ miner_id: `${big}-g${i}`, completed_at: ago(3 * 3_600_000) }));
  for (let i = 0; i < jobs.length; i += 1000) await ingest(jobs.slice(i, i + 1000));
  const seen: string[] = [];
  for (let page = 1; page <= 13; page++) {
    const { body } = await wallet(big, `pageSize=200&page=${page}`);
    expect(body.miners.total).toBe(2500);
    seen.push(...body.miners.items.map((m: { minerId: string }) => m.minerId));
  }
  expect(seen).toHaveLength(2500);
  expect(new Set(seen).size).toBe(2500);
  const { body } = await wallet(big, "pageSize=1");
  expect(body).toMatchObject({ gpuCount: 2500, totalWaifuPoints: 15_000, last24HrsWaifuPoints: 15_000, last24HrsAvailability: 1 });
});
