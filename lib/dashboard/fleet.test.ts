import { describe, expect, test } from "vitest";
import type { WalletMiner } from "@/lib/schemas/wallets";
import {
  compareMiners,
  describeVsMedian,
  formatVsMedian,
  pointsPerJob,
  isIdle,
  matchesFilters,
  median,
  noComparisonReason,
  selectFleet,
  withMedians,
  type FleetRow,
} from "./fleet";

const avail = (onlineBuckets: number, buckets = 288) => ({
  ratio: buckets ? onlineBuckets / buckets : null,
  onlineBuckets,
  buckets,
  heartbeatBuckets: buckets,
  source: "heartbeats" as const,
});

function row(minerId: string, over: Partial<FleetRow> = {}): FleetRow {
  const points24h = over.points24h ?? 0;
  const jobs = over.onTime24h?.jobs ?? 0;
  return {
    minerId,
    hardware: "NVIDIA GeForce RTX 4090",
    firstSeenAt: "2026-11-01T00:00:00.000Z",
    lastSeenAt: "2026-12-05T00:00:00.000Z",
    totalWaifuPoints: 0,
    totalLlamaPoints: 0,
    totalImageCount: 0,
    totalTextCount: 0,
    last24HrsWaifuPoints: points24h,
    last24HrsLlamaPoints: 0,
    last24HrsAvailability: 1,
    availability24h: avail(288),
    onTime24h: { ratio: jobs ? 1 : null, completed: jobs, jobs },
    latencyMs: null,
    stake: 0,
    hasBoostSlot: false,
    pointType: "waifu",
    points24h,
    pointsPerJob24h: jobs ? points24h / jobs : null,
    idle: false,
    ...over,
  };
}

const jobs = (n: number) => ({ ratio: 1, completed: n, jobs: n });

describe("median", () => {
  test.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[6, 2.05, 6, 5.3125], 5.65625],
  ])("median(%j) = %s", (xs, m) => expect(median(xs)).toBe(m));
});

describe("withMedians", () => {
  const rows = [
    row("0xw-a", { points24h: 24, onTime24h: jobs(4) }),
    row("0xw-b", { points24h: 24, onTime24h: jobs(4) }),
    row("0xw-weak", { points24h: 24, onTime24h: jobs(12) }),
    row("0xw-idle"),
    row("0xw-llm", { pointType: "llama", points24h: 2, onTime24h: jobs(2) }),
    row("0xw-3090", { hardware: "NVIDIA GeForce RTX 3090", points24h: 0, onTime24h: jobs(2) }),
  ];
  const out = new Map(withMedians(rows).map((m) => [m.minerId, m.vsMedian]));

  test("a GPU is compared with the median of its model and kind of points, itself included", () => {
    expect(out.get("0xw-weak")).toEqual({ ratio: 2 / 6, median: 6, gpus: 3 });
    expect(out.get("0xw-a")).toEqual({ ratio: 1, median: 6, gpus: 3 });
  });
  test.each([
    ["0xw-idle", { ratio: null, median: 6, gpus: 3 }, "no jobs"],
    ["0xw-llm", { ratio: null, median: 1, gpus: 1 }, "none to compare"],
    ["0xw-3090", { ratio: null, median: 0, gpus: 1 }, "none to compare"],
  ])("no ratio for %s", (id, vs, reason) => {
    expect(out.get(id)).toEqual(vs);
    expect(noComparisonReason(withMedians(rows).find((m) => m.minerId === id)!)).toBe(reason);
  });
  test("a median of 0 gives no ratio", () => {
    const zero = withMedians([row("0xa", { onTime24h: jobs(1) }), row("0xb", { onTime24h: jobs(1) })]);
    expect(zero.map((m) => m.vsMedian.ratio)).toEqual([null, null]);
    expect(noComparisonReason(zero[0]!)).toBe("median 0");
  });
});

describe("filters and sort", () => {
  const all: WalletMiner[] = withMedians([
    row("0xw-c", { points24h: 10, onTime24h: jobs(2) }),
    row("0xw-a", { points24h: 12, onTime24h: jobs(2) }),
    row("0xw-b", { points24h: 12, onTime24h: jobs(2) }),
    row("0xw-zero", { points24h: 0, onTime24h: jobs(3), hardware: "NVIDIA A100" }),
    row("0xw-idle", { availability24h: avail(0), idle: true }),
  ]);

  test("idle is measured and online in none of the window; nothing measured is not idle", () => {
    expect(isIdle(avail(0))).toBe(true);
    expect(isIdle(avail(1))).toBe(false);
    expect(isIdle(avail(0, 0))).toBe(false);
  });
  test.each([
    [{ idle: true }, undefined, ["0xw-idle"]],
    [{ zeroEarning: true }, undefined, ["0xw-zero"]],
    [{ belowMedian: true }, undefined, ["0xw-c"]],
    [{}, "a100", ["0xw-zero"]],
    [{}, "W-A", ["0xw-a"]],
  ])("filters %j q=%s", (f, q, want) => {
    expect(all.filter((m) => matchesFilters(m, f, q)).map((m) => m.minerId)).toEqual(want);
  });
  test("nulls last both ways, ties by miner ID ascending both ways", () => {
    expect(selectFleet(all, { sort: "pointsPerJob24h", order: "desc" }).map((m) => m.minerId)).toEqual(["0xw-a", "0xw-b", "0xw-c", "0xw-zero", "0xw-idle"]);
    expect(selectFleet(all, { sort: "pointsPerJob24h", order: "asc" }).map((m) => m.minerId)).toEqual(["0xw-zero", "0xw-c", "0xw-a", "0xw-b", "0xw-idle"]);
    expect(selectFleet(all, { sort: "vsMedian", order: "asc" }).map((m) => m.minerId)).toEqual(["0xw-c", "0xw-a", "0xw-b", "0xw-idle", "0xw-zero"]);
    expect([...all].sort(compareMiners("hardware", "asc")).map((m) => m.minerId)[0]).toBe("0xw-zero");
  });
  test.each([
    [0.3769, "62 % below"],
    [1.06, "6 % above"],
    [0.998, "at the median"],
    [0, "100 % below"],
  ])("describeVsMedian(%s) = %s", (r, s) => expect(describeVsMedian(r)).toBe(s));
});

test.each([
  [0.3417, "−66 %"],
  [1.06, "+6 %"],
  [0.998, "±0 %"],
])("formatVsMedian(%s) = %s", (r, s) => expect(formatVsMedian(r)).toBe(s));

test("points per job are divided in micro-points: 24.6 over 12 jobs is 2.05, not 2.0500000000000003", () => {
  expect(pointsPerJob(24_600_000n, 12)).toBe(2.05);
  expect(pointsPerJob(0n, 0)).toBeNull();
});
