import { describe, expect, test } from "vitest";
import { bribeState, type BribeChangeInput } from "./bribes";
import { epochStartSec } from "@/lib/rewards/epoch";

// Epoch 2916 starts Friday 2025-11-21 (ms); "now" is mid-week in epoch 2917.
const E = (n: number) => epochStartSec(n) * 1000;
const NOW = E(2917) + 3 * 86_400_000;
let block = 0n;
function set(bps: number, effectiveEpoch: number, setDaysBeforeEffect = 2): BribeChangeInput {
  block += 1n;
  return { bps, effectiveEpoch, effectiveAt: E(effectiveEpoch), setAt: E(effectiveEpoch) - setDaysBeforeEffect * 86_400_000, blockNumber: block, logIndex: 0 };
}

describe("bribeState", () => {
  test("no changes: nothing in force, nothing pending, no cut", () => {
    expect(bribeState([], NOW)).toEqual({ history: [], currentBps: null, currentSince: null, pending: null, recentCut: null });
  });

  test("a set for the next epoch is pending; the one before it is in force", () => {
    const a = set(1000, 2910);
    const b = set(1500, 2918);
    const s = bribeState([b, a], NOW);
    expect(s.currentBps).toBe(1000);
    expect(s.currentSince).toBe(E(2910));
    expect(s.pending).toEqual({ bps: 1500, effectiveEpoch: 2918, effectiveAt: E(2918) });
    expect(s.history.map((h) => [h.bps, h.status])).toEqual([
      [1500, "pending"],
      [1000, "in_force"],
    ]);
    expect(s.history[1]).toMatchObject({ inForceFrom: E(2910), inForceUntil: E(2918) });
    expect(s.recentCut).toBeNull();
  });

  test("a second set in the same epoch replaces the first before it applies", () => {
    const a = set(2000, 2918);
    const b = set(500, 2918, 1);
    const s = bribeState([a, b], NOW);
    expect(s.history.map((h) => [h.bps, h.status, h.inForceFrom])).toEqual([
      [500, "pending", E(2918)],
      [2000, "superseded", null],
    ]);
    expect(s.pending?.bps).toBe(500);
    expect(s.currentBps).toBeNull();
    expect(s.recentCut).toBeNull(); // 2,000 was never in force
  });

  test.each([
    // name, sets [bps, epoch], expected cut
    [
      "cut already in force, the higher one applied 10 days ago",
      [
        [3000, 2900],
        [1000, 2917],
      ],
      { fromBps: 3000, toBps: 1000, effectiveAt: E(2917), pending: false },
    ],
    [
      "cut pending for next epoch",
      [
        [3000, 2900],
        [1000, 2918],
      ],
      { fromBps: 3000, toBps: 1000, effectiveAt: E(2918), pending: true },
    ],
    [
      "a raise is no cut",
      [
        [1000, 2900],
        [3000, 2918],
      ],
      null,
    ],
    [
      "a cut more than 30 days ago is history",
      [
        [3000, 2900],
        [1000, 2911],
      ],
      null,
    ],
    [
      "raised then cut back within the window: cut from the highest",
      [
        [1000, 2900],
        [4000, 2914],
        [2000, 2916],
        [1500, 2918],
      ],
      { fromBps: 4000, toBps: 1500, effectiveAt: E(2918), pending: true },
    ],
    [
      "cut to zero",
      [
        [500, 2915],
        [0, 2917],
      ],
      { fromBps: 500, toBps: 0, effectiveAt: E(2917), pending: false },
    ],
  ] as const)("%s", (_name, sets, cut) => {
    const s = bribeState(
      sets.map(([bps, epoch]) => set(bps, epoch)),
      NOW,
    );
    expect(s.recentCut).toEqual(cut);
  });

  test("history is newest first and each past period ends where the next began", () => {
    const s = bribeState([set(100, 2900), set(200, 2905), set(300, 2917)], NOW);
    expect(s.history.map((h) => [h.bps, h.status, h.inForceFrom, h.inForceUntil])).toEqual([
      [300, "in_force", E(2917), null],
      [200, "superseded", E(2905), E(2917)],
      [100, "superseded", E(2900), E(2905)],
    ]);
  });
});
