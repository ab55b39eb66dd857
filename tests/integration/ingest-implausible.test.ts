// Issue 9, item 8: a physically impossible job (SDXL at 16384×16384, 1,000 steps, latency 0) was
// paid 85,300 points and put its wallet at #1. Through the real signed ingestion route it is now
// accepted and recorded, earns 0 with zero reason "implausible", leaves the wallet off the top,
// is explained on the miner page, and is listed in the admin flags with its evidence.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { GET as flagsRoute } from "@/app/api/v1/admin/flags/route";
import { GET as leaderboardRoute } from "@/app/api/v1/leaderboard/route";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET as walletRoute } from "@/app/api/v1/wallets/[address]/route";
import { explainZero } from "@/lib/dashboard/explain";
import { rebuildLeaderboards } from "@/lib/server/leaderboard-snapshot";
import { recentMinerJobs } from "@/lib/server/queries/recent-jobs";
import { verifyAll } from "@/lib/server/verify/verify";
import { db, foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";
import { admin, adminRequest, signInCookie } from "./admin-session";

vi.hoisted(() => {
  process.env.ADMIN_ADDRESSES = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
});

const cheater = randomWallet();
const honest = randomWallet();
const cheaterMiner = `${cheater}-rig`;
const tenMinutesAgo = new Date(Math.floor((Date.now() - 10 * 60_000) / 1000) * 1000).toISOString();
const impossible = imageJob({ miner_id: cheaterMiner, completed_at: tenMinutesAgo, width: 16_384, height: 16_384, num_iterations: 1_000, inference_latency: 0 });
// An honest wallet with a normal day's work: 20 SDXL jobs at 1024² × 20 steps (6 points each).
const honestJobs = Array.from({ length: 20 }, (_, i) => imageJob({ miner_id: `${honest}-a`, completed_at: new Date(Date.parse(tenMinutesAgo) - i * 30_000).toISOString() }));
let body: { accepted: number; results: { job_id: string; status: string; points: number }[] };

beforeAll(async () => {
  const res = await ingest(signedRequest({ jobs: [impossible, ...honestJobs] }));
  expect(res.status).toBe(200);
  body = await res.json();
  await foldNow(); // what the worker's folder does within a second (decision 0024)
});

describe("a physically impossible job", () => {
  test("is accepted (200, not a refusal) and earns 0", () => {
    expect(body.accepted).toBe(21);
    expect(body.results[0]).toEqual({ job_id: impossible.job_id, status: "created", pointType: "waifu", points: 0 });
    expect(body.results[1]).toMatchObject({ status: "created", points: 6 });
  });

  test("is recorded in jobs and in the ledger at 0 points with zero reason implausible, every factor kept", async () => {
    const job = await db().query("SELECT width, height, num_iterations, inference_latency::text FROM jobs WHERE job_id = $1", [impossible.job_id]);
    expect(job.rows).toEqual([{ width: 16_384, height: 16_384, num_iterations: 1_000, inference_latency: "0.000" }]);
    const entry = await db().query("SELECT points_micro::text, zero_reason, base_micro::text, schedule_id FROM ledger_entries WHERE job_id = $1", [impossible.job_id]);
    expect(entry.rows).toEqual([{ points_micro: "0", zero_reason: "implausible", base_micro: "85300000000", schedule_id: "testnet-2024-09" }]);
  });

  test("counts as a job received and completed in time (like a floor-sized one), paying nothing", async () => {
    const hourly = await db().query("SELECT job_count, success_count, waifu_micro::text FROM miner_hourly WHERE miner_id = $1", [cheaterMiner]);
    expect(hourly.rows).toEqual([{ job_count: 1, success_count: 1, waifu_micro: "0" }]);
  });

  test("leaves the wallet's totals at 0 and off the top of the leaderboard, below an honest wallet", async () => {
    const wallet = await (await walletRoute(new Request(`http://localhost/api/v1/wallets/${cheater}`), { params: Promise.resolve({ address: cheater }) })).json();
    expect(wallet).toMatchObject({ totalWaifuPoints: 0, last24HrsWaifuPoints: 0 });

    await rebuildLeaderboards();
    const board = await (await leaderboardRoute(new Request("http://localhost/api/v1/leaderboard?type=waifu&window=24h&pageSize=200"))).json();
    const rank = (address: string) => board.items.find((r: { address: string }) => r.address === address)?.rank ?? Infinity;
    expect(board.items[0].address).not.toBe(cheater);
    expect(rank(honest)).toBeLessThan(rank(cheater));
  });

  test("the miner page says which bound it broke, in a miner's words", async () => {
    const [job] = await recentMinerJobs(cheaterMiner);
    expect(job).toMatchObject({ jobId: impossible.job_id, zeroReason: "implausible", points: 0 });
    expect(explainZero(job!.zeroReason, job!)).toBe("268,435,456 pixels is above the 4,194,304-pixel limit (2048×2048) for SDXL; such jobs earn nothing and are reviewed.");
  });

  test("is listed in the admin flags with its evidence", async () => {
    const cookie = await signInCookie(admin);
    const res = await flagsRoute(adminRequest("/api/v1/admin/flags?hours=1", { cookie }));
    expect(res.status).toBe(200);
    const flags = await res.json();
    expect(flags.thresholds.implausible).toEqual({ maxMiners: 100, examplesPerMiner: 5 });
    const flag = flags.implausible.find((f: { minerId: string }) => f.minerId === cheaterMiner);
    expect(flag).toMatchObject({ jobs: 1, claimedPoints: 85_300 });
    expect(flag.examples).toEqual([
      {
        jobId: impossible.job_id,
        modelId: "SDXL",
        scheduleId: "testnet-2024-09",
        completedAt: new Date(tenMinutesAgo).toISOString(),
        hardware: "NVIDIA GeForce RTX 4090",
        latencySec: 0,
        width: 16_384,
        height: 16_384,
        steps: 1_000,
        inputTokens: null,
        outputTokens: null,
        claimedPoints: 85_300,
        breach: { boundsId: "plausibility-2024-04", bound: "pixels", actual: 268_435_456, limit: 4_194_304 },
        explanation: "268,435,456 pixels is above the 4,194,304-pixel limit (2048×2048) for SDXL",
      },
    ]);
    expect(flag.summary).toMatch(/^1 job outside the plausibility bounds, claiming 85,300 points \(paid 0\)/);
    expect(flags.implausible.map((f: { minerId: string }) => f.minerId)).not.toContain(`${honest}-a`);
  });

  test("verify re-prices it to the same 0 (the ledger matches the pricing library)", async () => {
    const results = await verifyAll(db());
    expect(results.find((r) => r.name.startsWith("ledger_entries"))).toMatchObject({ mismatches: 0 });
  });
});
