import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dailyRewards, epochOfDay, type DayPoints, type PoolTokens } from "./daily-rewards";
import { epochStart } from "./epoch";

// Epoch E runs Friday 2025-06-06 to Friday 2025-06-13 (its days: 06-06 … 06-12).
const E = epochOfDay("2025-06-06");
const day = (date: string, waifu: bigint, llama = 0n): DayPoints => ({ date, waifuMicro: waifu, llamaMicro: llama });
const tokens = (entries: [number, PoolTokens][]) => new Map(entries);
const pick = (rows: ReturnType<typeof dailyRewards>) => rows.map((r) => [r.date, r.waifuWei, r.llamaWei]);

describe("dailyRewards", () => {
  test("epoch days are whole UTC days of one epoch", () => {
    expect(epochStart(E).toISOString()).toBe("2025-06-06T00:00:00.000Z");
    expect(epochOfDay("2025-06-12")).toBe(E);
    expect(epochOfDay("2025-06-13")).toBe(E + 1);
  });

  test.each([
    {
      name: "pro rata to each pool's points, every wei handed out",
      days: [day("2025-06-07", 1_000_000n, 3_000_000n), day("2025-06-08", 3_000_000n, 1_000_000n)],
      t: tokens([[E, { waifuWei: 100n, llamaWei: 40n }]]),
      want: [
        ["2025-06-07", 25n, 30n],
        ["2025-06-08", 75n, 10n],
      ],
    },
    {
      name: "leftover wei to the largest remainder, ties to the earlier day",
      days: [day("2025-06-07", 1n), day("2025-06-08", 1n), day("2025-06-09", 1n)],
      t: tokens([[E, { waifuWei: 100n, llamaWei: 0n }]]),
      want: [
        ["2025-06-07", 34n, 0n],
        ["2025-06-08", 33n, 0n],
        ["2025-06-09", 33n, 0n],
      ],
    },
    {
      name: "a day slashed below zero counts as no points",
      days: [day("2025-06-07", 2_000_000n), day("2025-06-10", -5_000_000n)],
      t: tokens([[E, { waifuWei: 90n, llamaWei: 0n }]]),
      want: [
        ["2025-06-07", 90n, 0n],
        ["2025-06-10", 0n, 0n],
      ],
    },
    {
      name: "a share without a day of its pool's points lands on the epoch's last day",
      days: [day("2025-06-07", 1_000_000n)],
      t: tokens([[E, { waifuWei: 10n, llamaWei: 7n }]]),
      want: [
        ["2025-06-07", 10n, 0n],
        ["2025-06-12", 0n, 7n],
      ],
    },
    {
      name: "in the open epoch, on today instead",
      days: [],
      t: tokens([[E, { waifuWei: 5n, llamaWei: 0n }]]),
      today: "2025-06-09",
      want: [["2025-06-09", 5n, 0n]],
    },
    {
      name: "each epoch over its own days; an epoch without tokens pays its days nothing",
      days: [day("2025-06-12", 1n), day("2025-06-13", 1n), day("2025-06-20", 1n)],
      t: tokens([
        [E, { waifuWei: 3n, llamaWei: 0n }],
        [E + 2, { waifuWei: 4n, llamaWei: 0n }],
      ]),
      want: [
        ["2025-06-12", 3n, 0n],
        ["2025-06-13", 0n, 0n],
        ["2025-06-20", 4n, 0n],
      ],
    },
  ])("$name", ({ days, t, today, want }) => {
    expect(pick(dailyRewards(days, t, today ?? "2026-01-01"))).toEqual(want);
  });

  test("the days of each epoch add up to its tokens exactly", () => {
    const dates = Array.from({ length: 21 }, (_, i) => new Date(epochStart(E).getTime() + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...dates), fc.bigInt({ min: -(10n ** 9n), max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n })), { maxLength: 21 }),
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.bigInt({ min: 0n, max: 10n ** 24n })), { minLength: 3, maxLength: 3 }),
        (raw, amounts) => {
          const days = [...new Map(raw.map(([d, w, l]) => [d, day(d, w, l)])).values()];
          const t = tokens(amounts.map(([w, l], i) => [E + i, { waifuWei: w, llamaWei: l }]));
          const rows = dailyRewards(days, t, "2026-01-01");
          for (const [epoch, { waifuWei, llamaWei }] of t) {
            const mine = rows.filter((r) => epochOfDay(r.date) === epoch);
            expect(mine.reduce((s, r) => s + r.waifuWei, 0n)).toBe(waifuWei);
            expect(mine.reduce((s, r) => s + r.llamaWei, 0n)).toBe(llamaWei);
          }
          expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
        },
      ),
    );
  });
});
