import { describe, expect, test } from "vitest";
import { epochStart } from "./epoch";
import { MIN_OPEN_EPOCH_MS, heuOfPoints, openEpochRate, settledRate } from "./token-rate";

const HEU = 10n ** 18n;
const config = { waifuBaseWei: 150_000n * HEU, llamaBaseWei: 150_000n * HEU, waifuWeiPerPoint: HEU / 100n, llamaWeiPerPoint: HEU / 5n };
const start = epochStart(2900);

describe("settledRate", () => {
  test("pool ÷ points per kind; 0 for a pool nobody earned points in", () => {
    const r = settledRate({
      epoch: 2900,
      waifuPoolWei: 150_001n * HEU,
      llamaPoolWei: 150_000n * HEU,
      waifuPointsMicro: 100_000n * 1_000_000n,
      llamaPointsMicro: 0n,
      settledAt: start,
    });
    expect(r).toMatchObject({ waifu: 1.50001, llama: 0, source: "settled-epoch", epoch: 2900 });
  });
});

describe("openEpochRate", () => {
  const at = (ms: number) => new Date(start.getTime() + ms);

  test("projects the points so far to the whole week at the pace so far, and sizes the pool for them", () => {
    // Two days in, 20,000 Waifu Points → 70,000 over the week; pool 150,000 + 0.01 × 70,000 = 150,700 HEU.
    const r = openEpochRate({ epoch: 2900, startsAt: start, now: at(2 * 86_400_000), config, waifuPointsMicro: 20_000_000_000n, llamaPointsMicro: 0n })!;
    expect(r.waifu).toBeCloseTo(150_700 / 70_000, 12);
    expect(r.llama).toBe(0);
    expect(r.source).toBe("open-epoch");
  });

  test("at the end of the week it equals what settling would pay", () => {
    const micro = 123_456_000_000n;
    const open = openEpochRate({ epoch: 2900, startsAt: start, now: at(7 * 86_400_000), config, waifuPointsMicro: micro, llamaPointsMicro: 0n })!;
    const pool = config.waifuBaseWei + (config.waifuWeiPerPoint * micro) / 1_000_000n;
    const settled = settledRate({ epoch: 2900, waifuPoolWei: pool, llamaPoolWei: 0n, waifuPointsMicro: micro, llamaPointsMicro: 0n, settledAt: at(7 * 86_400_000) });
    expect(open.waifu).toBeCloseTo(settled.waifu, 9);
  });

  test("too early in the week, or with no points, there is no open rate (the caller falls back to the last settled epoch)", () => {
    expect(openEpochRate({ epoch: 2900, startsAt: start, now: at(MIN_OPEN_EPOCH_MS - 1), config, waifuPointsMicro: 1_000_000n, llamaPointsMicro: 0n })).toBeNull();
    expect(openEpochRate({ epoch: 2900, startsAt: start, now: at(3 * 86_400_000), config, waifuPointsMicro: 0n, llamaPointsMicro: 0n })).toBeNull();
  });

  test("heuOfPoints values each kind at its own rate", () => {
    expect(heuOfPoints({ waifu: 2, llama: 0.5 }, 10, 4)).toBe(22);
  });
});
