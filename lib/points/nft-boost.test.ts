import { describe, expect, test } from "vitest";
import { PointsError } from "./errors";
import { assignBoostSlots, boostSlots, nftMultiplierPpm, SLOTS_PER_NFT } from "./nft-boost";
import { getScheduleOrThrow } from "./schedules";

const schedule = getScheduleOrThrow("testnet-2024-09");

describe("boostSlots", () => {
  test.each([
    [0, 0],
    [1, 3],
    [2, 6],
    [10, 30],
    [500, 1_500],
  ])("%i NFTs → %i slots", (nfts, slots) => {
    expect(SLOTS_PER_NFT).toBe(3);
    expect(boostSlots(nfts)).toBe(slots);
  });

  test.each([[-1], [1.5], [Number.NaN]])("rejects %s NFTs", (nfts) => {
    expect(() => boostSlots(nfts)).toThrow(PointsError);
  });
});

describe("nftMultiplierPpm", () => {
  test.each([
    [0, true, 1_000_000],
    [1, true, 1_100_000],
    [2, true, 1_150_000],
    [3, true, 1_200_000],
    [10, true, 1_200_000],
    [0, false, 1_000_000],
    [1, false, 1_000_000],
    [2, false, 1_000_000],
    [3, false, 1_000_000],
    [10, false, 1_000_000],
  ])("k=%i, slot=%s → %i ppm", (nfts, hasSlot, ppm) => {
    expect(nftMultiplierPpm(schedule, nfts, hasSlot)).toBe(ppm);
  });

  test.each([
    [
      "rows out of order",
      [
        { minNfts: 3, ppm: 1_300_000 },
        { minNfts: 1, ppm: 1_100_000 },
      ],
      2,
      1_100_000,
    ],
    ["no row for a single NFT", [{ minNfts: 2, ppm: 1_500_000 }], 1, 1_000_000],
    ["an empty table", [], 5, 1_000_000],
  ])("uses the largest minNfts ≤ k with %s", (_name, nftBoostPpm, nfts, ppm) => {
    expect(nftMultiplierPpm({ nftBoostPpm }, nfts, true)).toBe(ppm);
  });

  test.each([[-1], [0.5]])("rejects %s NFTs", (nfts) => {
    expect(() => nftMultiplierPpm(schedule, nfts, true)).toThrow(PointsError);
  });
});

describe("assignBoostSlots", () => {
  const gpus = ["0xa-1", "0xa-2", "0xa-3", "0xa-4", "0xa-5", "0xa-6", "0xa-7"];

  test.each<{ name: string; nfts: number; explicit?: string[]; expected: string[] }>([
    { name: "no NFTs, no slots", nfts: 0, expected: [] },
    { name: "default: earliest registered first", nfts: 1, expected: ["0xa-1", "0xa-2", "0xa-3"] },
    { name: "slots beyond the GPU count", nfts: 3, expected: gpus },
    {
      name: "explicit choice wins",
      nfts: 1,
      explicit: ["0xa-7", "0xa-5", "0xa-6"],
      expected: ["0xa-7", "0xa-5", "0xa-6"],
    },
    {
      name: "explicit choice capped at 3k",
      nfts: 1,
      explicit: ["0xa-7", "0xa-6", "0xa-5", "0xa-4"],
      expected: ["0xa-7", "0xa-6", "0xa-5"],
    },
    {
      name: "foreign ids ignored, freed slot filled by default",
      nfts: 1,
      explicit: ["0xb-1", "0xa-6", "0xa-7"],
      expected: ["0xa-6", "0xa-7", "0xa-1"],
    },
    {
      name: "duplicates count once",
      nfts: 1,
      explicit: ["0xa-4", "0xa-4", "0xa-4"],
      expected: ["0xa-4", "0xa-1", "0xa-2"],
    },
    {
      name: "a new NFT tops up an old choice",
      nfts: 2,
      explicit: ["0xa-7", "0xa-6", "0xa-5"],
      expected: ["0xa-7", "0xa-6", "0xa-5", "0xa-1", "0xa-2", "0xa-3"],
    },
    { name: "explicit with no NFTs boosts nothing", nfts: 0, explicit: ["0xa-1"], expected: [] },
    { name: "ids compare verbatim", nfts: 1, explicit: ["0xA-7"], expected: ["0xa-1", "0xa-2", "0xa-3"] },
  ])("$name", ({ nfts, explicit, expected }) => {
    expect([...assignBoostSlots(gpus, nfts, explicit)]).toEqual(expected);
  });

  test("a wallet with 2,500 GPUs and 10 NFTs boosts exactly 30", () => {
    const many = Array.from({ length: 2_500 }, (_, i) => `0xw-${i}`);
    const assigned = assignBoostSlots(many, 10);
    expect(assigned.size).toBe(30);
    expect(assigned.has("0xw-29")).toBe(true);
    expect(assigned.has("0xw-30")).toBe(false);
  });
});
