import { describe, expect, test } from "vitest";
import { TESTNET_BOOST_CURVE } from "@/lib/points";
import { stakeRisks, type StakeRiskInput } from "./stake-risks";

const now = new Date("2026-12-05T12:00:00Z");
const healthy: StakeRiskInput = { recentCut: null, jobs7d: 40, lastSeenAt: "2026-12-05T11:00:00Z", stakeHeu: 20_000, curve: TESTNET_BOOST_CURVE };

describe("stakeRisks", () => {
  test("a busy node below the cap with no recent cut carries no warning", () => {
    expect(stakeRisks(healthy, now)).toEqual([]);
  });

  test.each([
    ["a cut from 17.5 % to 2 % yesterday", { recentCut: { from: 0.175, to: 0.02, effectiveAt: "2026-12-04T00:00:00Z", pending: false } }, "bribe-cut"],
    ["a cut announced for the next epoch", { recentCut: { from: 0.1, to: 0.05, effectiveAt: "2026-12-11T00:00:00Z", pending: true } }, "bribe-cut"],
    ["no job in 7 days", { jobs7d: 0 }, "idle"],
    ["its last job 25 hours ago", { lastSeenAt: "2026-12-04T11:00:00Z" }, "idle"],
    ["stake at the 100,000 cap", { stakeHeu: 100_000 }, "capped"],
    ["stake past the cap", { stakeHeu: 250_000 }, "capped"],
  ] as const)("%s → %s", (_name, over, kind) => {
    expect(stakeRisks({ ...healthy, ...over }, now).map((r) => r.kind)).toEqual([kind]);
  });

  test("13 hours since the last job is not idle yet", () => {
    expect(stakeRisks({ ...healthy, lastSeenAt: "2026-12-04T23:00:00Z" }, now)).toEqual([]);
  });
});
