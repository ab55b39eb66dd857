import { describe, expect, test } from "vitest";
import { bribeState, type BribeChangeInput } from "./bribes";
import { stakedBribeRows } from "./staked-bribes";

const WEEK = 7 * 86_400_000;
const now = 100 * WEEK;
let block = 0n;
const set = (bps: number, effectiveEpoch: number, setAt: number): BribeChangeInput => ({
  bps,
  effectiveEpoch,
  effectiveAt: effectiveEpoch * WEEK,
  setAt,
  blockNumber: ++block,
  logIndex: 0,
});

describe("stakedBribeRows", () => {
  test("a pending cut comes first, then a pending raise, then changes in force or past, newest first", () => {
    const states = new Map([
      ["0xa-raise", bribeState([set(1_000, 90, 89 * WEEK), set(1_500, 101, now - 1_000)], now)],
      ["0xb-cut", bribeState([set(3_000, 95, 94 * WEEK), set(500, 101, now - 2_000)], now)],
      ["0xc-steady", bribeState([set(2_000, 99, 98 * WEEK)], now)],
    ]);
    const rows = stakedBribeRows(states);
    expect(rows.map((r) => [r.minerId, r.bps, r.status, r.cut])).toEqual([
      ["0xb-cut", 500, "pending", true],
      ["0xa-raise", 1_500, "pending", false],
      ["0xc-steady", 2_000, "in_force", false],
      ["0xb-cut", 3_000, "in_force", false],
      ["0xa-raise", 1_000, "in_force", false],
    ]);
    expect(rows[0]).toMatchObject({ fromBps: 3_000, effectiveEpoch: 101 });
  });

  test("a pending bribe on a node with none in force is no cut", () => {
    const rows = stakedBribeRows(new Map([["0xd-new", bribeState([set(2_500, 101, now - 5)], now)]]));
    expect(rows).toMatchObject([{ status: "pending", fromBps: null, cut: false }]);
  });
});
