// Queries behind the miner and wallet pages that the JSON API does not cover: recent jobs with
// their factors (the wallet's idle GPUs: fleet-table.test.ts).
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { recentMinerJobs, recentWalletJobs } from "@/lib/server/queries/recent-jobs";
import { giveNfts, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

const HOUR = 3_600_000;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

const W = randomWallet();
const alpha = `${W}-alpha`;
const bravo = `${W}-bravo`;

beforeAll(async () => {
  const jobs = [
    imageJob({ miner_id: alpha, completed_at: ago(5 * HOUR), width: 768, height: 768, num_iterations: 30 }), // 4.625
    imageJob({ miner_id: alpha, completed_at: ago(4 * HOUR), model_id: "FLUX.1-dev" }), // 0: disabled
    llmJob({ miner_id: alpha, completed_at: ago(3 * HOUR), hardware: "NVIDIA GeForce RTX 4090" }), // 1 llama
    imageJob({ miner_id: bravo, completed_at: ago(30 * 60_000), status: "failed" }), // 0: status
    imageJob({ miner_id: bravo, completed_at: ago(2 * HOUR), inference_latency: 25 }), // 0: timeout
  ];
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(await res.text());
  await giveNfts(W);
});

describe("recent jobs", () => {
  test("one miner: newest first, every factor, the job's shape and the schedule's timeout", async () => {
    const jobs = await recentMinerJobs(alpha);
    expect(jobs.map((j) => [j.modelId, j.points, j.zeroReason])).toEqual([
      ["hermes-3-llama3.1-8b", 1, null],
      ["FLUX.1-dev", 0, "disabled"],
      ["SDXL", 4.625, null],
    ]);
    expect(jobs[2]).toMatchObject({
      kind: "job",
      minerId: alpha,
      pointType: "waifu",
      scheduleId: "testnet-2024-09",
      basePoints: 4.625,
      modelMultiplier: 1,
      nftMultiplier: 1,
      stakeMultiplier: 1,
      nftCount: 0,
      status: "completed",
      latencySec: 4.2,
      timeoutSec: 18,
      hardware: "NVIDIA GeForce RTX 4090",
      shape: { width: 768, height: 768, steps: 30, inputTokens: null, outputTokens: null },
      occurredAt: ago(5 * HOUR),
    });
    expect(jobs[0]).toMatchObject({ pointType: "llama", basePoints: 2, modelMultiplier: 0.5, timeoutSec: 180, shape: { inputTokens: 1200, outputTokens: 800 } });
    expect(await recentMinerJobs(alpha, 1)).toHaveLength(1);
  });

  test("a wallet: the newest entries across its GPUs, limited", async () => {
    const jobs = await recentWalletJobs(W, 3);
    expect(jobs.map((j) => [j.minerId, j.zeroReason, j.status])).toEqual([
      [bravo, "status", "failed"],
      [bravo, "timeout", "completed"],
      [alpha, null, "completed"],
    ]);
    expect(jobs[1]).toMatchObject({ latencySec: 25, timeoutSec: 18, basePoints: 6, points: 0 });
    expect(await recentWalletJobs(W)).toHaveLength(5);
    expect(await recentWalletJobs(randomWallet())).toEqual([]);
  });
});
