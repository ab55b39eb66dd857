// The per-model split a wallet page shows: from the daily per-model rollup (wallet) or the ledger
// index (one GPU), and equal to what the ledger holds.
import { expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { minerModelSplit, walletModelSplit } from "@/lib/server/queries/model-split";
import { db, foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

test("wallet and miner model splits add up to the ledger, per model and point type", async () => {
  const wallet = randomWallet();
  const now = new Date();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  const jobs = [
    imageJob({ miner_id: `${wallet}-a`, completed_at: at(1) }),
    imageJob({ miner_id: `${wallet}-a`, completed_at: at(30), model_id: "Aurora", width: 512, height: 512 }),
    imageJob({ miner_id: `${wallet}-b`, completed_at: at(2), status: "failed" }),
    llmJob({ miner_id: `${wallet}-b`, completed_at: at(3) }),
    imageJob({ miner_id: `${wallet}-b`, completed_at: at(24 * 10) }),
  ];
  const res = await POST(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)

  // SDXL 1024² @20 = 6 (twice in 7 days, one failed = 0); Aurora 512² @20 × 0.3 = 0.3; hermes 2,000 tokens × 0.5 = 1.
  expect(await walletModelSplit(wallet, 7, now)).toEqual([
    { modelId: "SDXL", pointType: "waifu", jobs: 2, points: 6 },
    { modelId: "hermes-3-llama3.1-8b", pointType: "llama", jobs: 1, points: 1 },
    { modelId: "Aurora", pointType: "waifu", jobs: 1, points: 0.3 },
  ]);
  expect(await walletModelSplit(wallet, 30, now)).toContainEqual({ modelId: "SDXL", pointType: "waifu", jobs: 3, points: 12 });
  expect(await minerModelSplit(`${wallet}-b`, 7, now)).toEqual([
    { modelId: "hermes-3-llama3.1-8b", pointType: "llama", jobs: 1, points: 1 },
    { modelId: "SDXL", pointType: "waifu", jobs: 1, points: 0 },
  ]);
  const ledger = await db().query("SELECT sum(points_micro)::text AS s FROM ledger_entries WHERE wallet = $1", [wallet]);
  const rollup = await db().query("SELECT sum(points_micro)::text AS s FROM wallet_model_daily WHERE wallet = $1", [wallet]);
  expect(rollup.rows[0].s).toBe(ledger.rows[0].s);
});
