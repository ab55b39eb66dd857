import { expect, test } from "vitest";
import { MAINNET_ACTIVATION_CURVE, TESTNET_BOOST_CURVE, getScheduleOrThrow } from "@/lib/points";
import { describeNftTable, describeStakeCurve } from "./multipliers-text";

test("the NFT table in words", () => {
  expect(describeNftTable(getScheduleOrThrow("testnet-2024-09"))).toBe("1 NFT ×1.1, 2 NFTs ×1.15, 3+ NFTs ×1.2");
});

test.each([
  [TESTNET_BOOST_CURVE, "×1 below 10,000 stHEU, ×1 at 10,000, rising linearly to ×1.5 at 100,000 stHEU, flat above"],
  [MAINNET_ACTIVATION_CURVE, "inactive (×0) below 10,000 stHEU, ×0.1 at 10,000, rising linearly to ×1 at 100,000 stHEU, flat above"],
])("stake curve %#", (curve, text) => {
  expect(describeStakeCurve(curve)).toBe(text);
});
