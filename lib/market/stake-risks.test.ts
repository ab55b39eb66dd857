import { describe, expect, test } from "vitest";
import { TESTNET_BOOST_CURVE } from "@/lib/points";
import { LOW_AVAILABILITY, stakeRisks, type StakeRiskInput } from "./stake-risks";

const day = 288; // 5-minute buckets in 24 hours
const online = (buckets: number, source: "heartbeats" | "jobs" = "heartbeats") => ({ ratio: buckets / day, onlineBuckets: buckets, buckets: day, source });
const healthy: StakeRiskInput = { recentCut: null, jobs7d: 40, availability24h: online(day), stakeHeu: 20_000, curve: TESTNET_BOOST_CURVE };

describe("stakeRisks", () => {
  test("a busy node online all day, below the cap with no recent cut, carries no warning", () => {
    expect(stakeRisks(healthy)).toEqual([]);
  });

  test.each([
    ["a cut from 17.5 % to 2 % yesterday", { recentCut: { from: 0.175, to: 0.02, effectiveAt: "2026-12-04T00:00:00Z", pending: false } }, "bribe-cut"],
    ["a cut announced for the next epoch", { recentCut: { from: 0.1, to: 0.05, effectiveAt: "2026-12-11T00:00:00Z", pending: true } }, "bribe-cut"],
    ["no job in 7 days", { jobs7d: 0 }, "idle"],
    ["online 13 of the last 24 hours", { availability24h: online(13 * 12) }, "unavailable"],
    ["never seen online today", { availability24h: online(0) }, "unavailable"],
    ["online only in hours with a job, before heartbeats", { availability24h: online(2 * 12, "jobs") }, "unavailable"],
    ["stake at the 100,000 cap", { stakeHeu: 100_000 }, "capped"],
    ["stake past the cap", { stakeHeu: 250_000 }, "capped"],
  ] as const)("%s → %s", (_name, over, kind) => {
    expect(stakeRisks({ ...healthy, ...over }).map((r) => r.kind)).toEqual([kind]);
  });

  test("a node online all day with few jobs this week is not a risk: an idle day is not an offline one", () => {
    expect(stakeRisks({ ...healthy, jobs7d: 3 })).toEqual([]);
  });

  test("the threshold: just under it warns, at it does not", () => {
    const at = Math.ceil(LOW_AVAILABILITY * day);
    expect(stakeRisks({ ...healthy, availability24h: online(at - 1) }).map((r) => r.kind)).toEqual(["unavailable"]);
    expect(stakeRisks({ ...healthy, availability24h: online(at) })).toEqual([]);
  });

  test("nothing measured (a new portal with neither heartbeats nor jobs in the window) is not reported as offline", () => {
    expect(stakeRisks({ ...healthy, availability24h: { ratio: null, onlineBuckets: 0, buckets: 0, source: "none" } })).toEqual([]);
  });

  test("a node idle for a week carries one warning, not two", () => {
    expect(stakeRisks({ ...healthy, jobs7d: 0, availability24h: online(0) }).map((r) => r.kind)).toEqual(["idle"]);
  });
});
