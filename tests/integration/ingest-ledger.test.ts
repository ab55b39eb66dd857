// Accepted batches: every job priced once, every factor on its ledger entry, rollups that add up.
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { count, db, foldNow, giveNfts, imageJob, jobId, llmJob, randomWallet, signedRequest, stakeOn, tableCounts } from "../support/fixtures";

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status}: ${JSON.stringify(body)}`);
  return body as { accepted: number; duplicates: number; results: { job_id: string; status: string; pointType: string; points: number }[] };
}

async function ledgerFor(jobIdValue: string) {
  const res = await db().query("SELECT * FROM ledger_entries WHERE job_id = $1", [jobIdValue]);
  return res.rows[0];
}

describe("pricing on ingest", () => {
  test("prices image and LLM jobs by the schedule in force at completion and keeps every factor", async () => {
    const sdxl = imageJob();
    const hermes = llmJob();
    const early = imageJob({ completed_at: "2024-05-10T08:00:00Z", width: 768, height: 768, num_iterations: 30 });
    const body = await ingest([sdxl, hermes, early]);
    expect(body).toEqual({
      accepted: 3,
      duplicates: 0,
      results: [
        { job_id: sdxl.job_id, status: "created", pointType: "waifu", points: 6 },
        { job_id: hermes.job_id, status: "created", pointType: "llama", points: 1 },
        // testnet-2024-04 priced SDXL at 1.8: 4.625 × 1.8
        { job_id: early.job_id, status: "created", pointType: "waifu", points: 8.325 },
      ],
    });
    const entry = await ledgerFor(early.job_id);
    expect(entry).toMatchObject({
      kind: "job",
      schedule_id: "testnet-2024-04",
      base_micro: "4625000",
      model_multiplier_ppm: 1_800_000,
      nft_multiplier_ppm: 1_000_000,
      stake_multiplier_ppm: 1_000_000,
      points_micro: "8325000",
      zero_reason: null,
    });
  });

  test("timeouts and failures earn 0, are recorded with the reason, and count against the on-time rate", async () => {
    const miner = `${randomWallet()}-rig1`;
    const ok = imageJob({ miner_id: miner });
    const slow = imageJob({ miner_id: miner, inference_latency: 18.5 });
    const failed = imageJob({ miner_id: miner, status: "failed" });
    const body = await ingest([ok, slow, failed]);
    expect(body.results.map((r) => r.points)).toEqual([6, 0, 0]);
    expect((await ledgerFor(slow.job_id)).zero_reason).toBe("timeout");
    expect((await ledgerFor(failed.job_id)).zero_reason).toBe("status");
    await foldNow();
    const hourly = await db().query("SELECT job_count, success_count, image_count, waifu_micro::text FROM miner_hourly WHERE miner_id = $1", [miner]);
    expect(hourly.rows).toEqual([{ job_count: 3, success_count: 1, image_count: 1, waifu_micro: "6000000" }]);
  });

  test("flux in testnet-2024-09 is disabled: recorded at 0 with the reason", async () => {
    const flux = imageJob({ model_id: "FLUX.1-dev", completed_at: "2024-10-01T00:00:00Z" });
    const body = await ingest([flux]);
    expect(body.results[0]).toMatchObject({ status: "created", points: 0 });
    expect((await ledgerFor(flux.job_id)).zero_reason).toBe("disabled");
  });

  test("NFT boost goes to the wallet's 3 earliest GPUs per NFT; stake raises the node's multiplier", async () => {
    const wallet = randomWallet();
    const miners = ["a", "b", "c", "d"].map((tag) => `${wallet}-${tag}`);
    await ingest(miners.map((m, i) => imageJob({ miner_id: m, completed_at: `2024-09-02T0${i}:00:00Z` })));
    // The NFT arrives and the stake is made at noon on the chain.
    const noon = new Date("2024-09-02T12:00:00Z");
    await giveNfts(wallet, 1, noon);
    await stakeOn(miners[0]!, 55_000, noon);

    const next = miners.map((m) => imageJob({ miner_id: m, completed_at: "2024-09-03T00:00:00Z" }));
    const body = await ingest(next);
    // 6 × 1.10 (boost) × 1.25 (55,000 stHEU on the boost curve) for the first; 6 × 1.10 for b and c; d has no slot.
    expect(body.results.map((r) => r.points)).toEqual([8.25, 6.6, 6.6, 6]);
    expect(await ledgerFor(next[0]!.job_id)).toMatchObject({ nft_count: 1, nft_multiplier_ppm: 1_100_000, stake_multiplier_ppm: 1_250_000 });
  });

  test("a job is priced with the NFTs and stake in force when it completed, even when reported later", async () => {
    const wallet = randomWallet();
    const miner = `${wallet}-late`;
    const noon = new Date("2024-09-05T12:00:00Z");
    await ingest([imageJob({ miner_id: miner, completed_at: "2024-09-05T08:00:00Z" })]);
    await giveNfts(wallet, 1, noon);
    await stakeOn(miner, 55_000, noon);
    await stakeOn(miner, 45_000, new Date("2024-09-05T18:00:00Z")); // 100,000 from 18:00: ×1.5

    // Reported together, after all three chain events: each job gets the state at its own time.
    const jobs = ["2024-09-05T11:59:59Z", "2024-09-05T12:00:00Z", "2024-09-05T17:00:00Z", "2024-09-05T19:00:00Z"].map((t) => imageJob({ miner_id: miner, completed_at: t }));
    const body = await ingest(jobs);
    expect(body.results.map((r) => r.points)).toEqual([6, 8.25, 8.25, 9.9]);
    expect(await ledgerFor(jobs[0]!.job_id)).toMatchObject({ nft_count: 0, nft_multiplier_ppm: 1_000_000, stake_multiplier_ppm: 1_000_000 });
    expect(await ledgerFor(jobs[3]!.job_id)).toMatchObject({ nft_count: 1, nft_multiplier_ppm: 1_100_000, stake_multiplier_ppm: 1_500_000 });
  });
});

describe("idempotency", () => {
  test("replaying the same signed batch leaves the ledger unchanged and reports duplicates with their points", async () => {
    const jobs = [imageJob(), llmJob(), imageJob({ status: "timeout" })];
    const req = signedRequest({ jobs });
    const replay = req.clone();
    expect((await (await POST(req)).json()).accepted).toBe(3);
    const before = await tableCounts();
    const second = await (await POST(replay)).json();
    expect(second).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(second.results.map((r: { status: string; points: number }) => [r.status, r.points])).toEqual([
      ["duplicate", 6],
      ["duplicate", 1],
      ["duplicate", 0],
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  test("a known job id with different content is a 409 and the rest of the batch is not written", async () => {
    const original = imageJob();
    await ingest([original]);
    const fresh = imageJob();
    const before = await tableCounts();
    const res = await POST(signedRequest({ jobs: [fresh, { ...original, num_iterations: 40 }] }));
    expect(res.status).toBe(409);
    expect((await res.json()).error.details).toEqual({ job_ids: [original.job_id] });
    expect(await tableCounts()).toEqual(before);
    expect(await count("jobs", "job_id = $1", [fresh.job_id])).toBe(0);
  });

  test("concurrent overlapping batches price every job exactly once and rollups equal the ledger", async () => {
    const wallet = randomWallet();
    const pool = Array.from({ length: 400 }, (_, i) => imageJob({ job_id: jobId("race"), miner_id: `${wallet}-g${i % 25}`, completed_at: `2024-09-05T1${i % 10}:00:00Z` }));
    // Eight batches of 100 drawn from 400 jobs: every job appears in two batches.
    const batches = Array.from({ length: 8 }, (_, b) => pool.slice((b % 4) * 100, (b % 4) * 100 + 100));
    const answers = await Promise.all(batches.map((jobs) => ingest(jobs)));
    expect(answers.reduce((n, a) => n + a.accepted, 0)).toBe(400);
    expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(400);
    const sums = () =>
      db().query(
        `SELECT (SELECT sum(points_micro) FROM ledger_entries WHERE wallet = $1)::text AS ledger,
              (SELECT sum(waifu_micro) FROM wallet_hourly WHERE wallet = $1)::text AS wallet_rollup,
              (SELECT sum(waifu_micro) FROM miner_hourly WHERE miner_id LIKE $1 || '-%')::text AS miner_rollup,
              (SELECT sum(total_waifu_micro) FROM nodes WHERE wallet = $1)::text AS node_totals,
              (SELECT count(*) FROM ledger_entries WHERE wallet = $1)::int AS entries`,
        [wallet],
      );
    // The batches wrote no rollup (decision 0024): the points wait in deltas until the folder runs.
    expect((await sums()).rows[0]).toEqual({ ledger: "2400000000", wallet_rollup: null, miner_rollup: null, node_totals: "0", entries: 400 });
    await foldNow();
    expect((await sums()).rows[0]).toEqual({ ledger: "2400000000", wallet_rollup: "2400000000", miner_rollup: "2400000000", node_totals: "2400000000", entries: 400 });
  });
});

test("the ledger refuses edits and deletions", async () => {
  const job = imageJob();
  await ingest([job]);
  await expect(db().query("UPDATE ledger_entries SET points_micro = 0 WHERE job_id = $1", [job.job_id])).rejects.toThrow(/append-only/);
  await expect(db().query("DELETE FROM ledger_entries WHERE job_id = $1", [job.job_id])).rejects.toThrow(/append-only/);
});
