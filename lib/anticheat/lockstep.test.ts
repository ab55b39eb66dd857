import { describe, expect, test } from "vitest";
import { createNetwork } from "@/scripts/simulator/network";
import { assessLockstep, lockstepFlags, lockstepStatsOf, zScore, type CompletedJob, type LockstepStats } from "./lockstep";

const stats = (over: Partial<LockstepStats>): LockstepStats => ({
  wallet: "0xw",
  gpus: 8,
  jobs: 400,
  sameSecondJobs: 380,
  controlJobs: 40,
  maxGpusInOneSecond: 8,
  exampleSeconds: [],
  ...over,
});

describe("assessLockstep", () => {
  test.each<[string, Partial<LockstepStats>, boolean]>([
    ["8 GPUs finishing together 95 % of the time, 10 % seven seconds later", {}, true],
    ["fewer than 4 GPUs", { gpus: 3 }, false],
    ["too few jobs to tell", { jobs: 40, sameSecondJobs: 38, controlJobs: 4 }, false],
    ["an honest dense farm: same second as often as 7 s later", { sameSecondJobs: 300, controlJobs: 296 }, false],
    ["a farm so dense that every second is shared: nothing to say", { sameSecondJobs: 400, controlJobs: 400 }, false],
    ["less than half shared", { sameSecondJobs: 180, controlJobs: 20 }, false],
    ["shared a lot, but not twice the control", { sameSecondJobs: 300, controlJobs: 160 }, false],
    ["small sample, difference within noise (z < 4)", { jobs: 50, sameSecondJobs: 26, controlJobs: 12 }, false],
    ["small sample, clear difference", { jobs: 50, sameSecondJobs: 45, controlJobs: 5 }, true],
  ])("%s → flagged: %s", (_name, over, flagged) => {
    expect(assessLockstep(stats(over)) !== null).toBe(flagged);
  });

  test("the flag carries the evidence in numbers and words", () => {
    const flag = assessLockstep(stats({}))!;
    expect(flag.share).toBeCloseTo(0.95);
    expect(flag.controlShare).toBeCloseTo(0.1);
    expect(flag.z).toBeGreaterThan(4);
    expect(flag.summary).toBe("95 % of 400 jobs on 8 GPUs finished in the same second as another GPU of the wallet, against 10 % 7 s later; up to 8 GPUs in one second.");
  });
});

describe("zScore", () => {
  test.each([
    [0.5, 0.5, 100, 0],
    [1, 0, 50, 99],
    [0.9, 0.1, 100, 0.8 / Math.sqrt((0.09 + 0.09) / 100)],
  ])("p1 %d vs p2 %d over %d", (p1, p2, n, z) => {
    expect(zScore(p1, p2, n)).toBeCloseTo(z, 9);
  });
});

test("lockstepFlags keeps the flagged wallets, strongest first", () => {
  const rows = [stats({ wallet: "0xa", jobs: 60, sameSecondJobs: 50, controlJobs: 5 }), stats({ wallet: "0xb" }), stats({ wallet: "0xc", gpus: 2 })];
  expect(lockstepFlags(rows).map((f) => f.wallet)).toEqual(["0xb", "0xa"]);
});

describe("lockstepStatsOf", () => {
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const wallet = "0x" + "ab".repeat(20);

  test("counts same-second and 7-seconds-later company from other GPUs only", () => {
    const jobs: CompletedJob[] = [
      { minerId: `${wallet}-a`, completedAt: t0 + 100 },
      { minerId: `${wallet}-b`, completedAt: t0 + 900 }, // same second as a
      { minerId: `${wallet}-a`, completedAt: t0 + 7_500 }, // 7 s after both: a's own job does not count for a
      { minerId: `${wallet}-c`, completedAt: t0 + 20_000 },
      { minerId: `${wallet}-c`, completedAt: t0 + 20_001 }, // same GPU twice: not company
      { minerId: `${wallet}-d`, completedAt: t0 + 40_000 },
      { minerId: "0x" + "cd".repeat(20) + "-x", completedAt: t0 + 40_000 }, // another wallet
    ];
    expect(lockstepStatsOf(jobs)).toEqual([
      {
        wallet,
        gpus: 4,
        jobs: 6,
        sameSecondJobs: 2,
        controlJobs: 1, // b at second 0 has a at second 7
        maxGpusInOneSecond: 2,
        exampleSeconds: ["2026-01-01T00:00:00.000Z"],
      },
    ]);
  });

  test("six GPUs answering on one clock are flagged", () => {
    const jobs: CompletedJob[] = [];
    for (let i = 0; i < 200; i++) for (const tag of "abcdef") jobs.push({ minerId: `${wallet}-${tag}`, completedAt: t0 + i * 10_000 + tag.charCodeAt(0) });
    const [flag] = lockstepFlags(lockstepStatsOf(jobs));
    expect(flag).toMatchObject({ wallet, gpus: 6, jobs: 1200, share: 1, controlShare: 0, maxGpusInOneSecond: 6 });
  });

  test("the simulator's honest wallets are never flagged, from 4 GPUs to 2,500", () => {
    // About 20 jobs a second, the portal's live rate: dense enough for big farms to share seconds.
    const network = createNetwork({ scale: 0.05 });
    const jobs = [...network.generateJobs({ count: 72_000, from: new Date("2025-01-19T10:00:00Z"), to: new Date("2025-01-19T11:00:00Z"), seed: 9 })]
      .filter((j) => j.status === "completed")
      .map((j) => ({ minerId: j.miner_id, completedAt: Date.parse(j.completed_at) }));
    const stats = lockstepStatsOf(jobs);
    // Wallets the rule would judge (enough jobs), with and without seconds shared.
    expect(stats.filter((s) => s.jobs >= 50 && s.sameSecondJobs > 0).length).toBeGreaterThan(10);
    expect(lockstepFlags(stats)).toEqual([]);
  });
});
