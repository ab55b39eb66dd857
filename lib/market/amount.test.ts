import { describe, expect, test } from "vitest";
import { formatBps, formatTokenAmount, parseBribePercent, parseTokenAmount } from "./amount";

const E18 = 10n ** 18n;

describe("parseTokenAmount", () => {
  test.each([
    ["1000", 1000n * E18],
    ["1,000.5", 1000n * E18 + E18 / 2n],
    [" 55 000 ", 55_000n * E18],
    ["0.000000000000000001", 1n],
    [".5", E18 / 2n],
    ["7.", 7n * E18],
  ])("%s", (input, wei) => {
    expect(parseTokenAmount(input)).toEqual({ ok: true, value: wei });
  });

  test.each([
    ["", "Enter an amount."],
    ["0", "Enter an amount above zero."],
    ["0.0", "Enter an amount above zero."],
    ["-5", "Enter a number, like 1000 or 2500.5."],
    ["1e3", "Enter a number, like 1000 or 2500.5."],
    ["1.0000000000000000001", "At most 18 decimals."],
  ])("refuses %j", (input, reason) => {
    expect(parseTokenAmount(input)).toEqual({ ok: false, reason });
  });
});

describe("parseBribePercent", () => {
  test.each([
    ["10", 1000],
    ["12.5", 1250],
    ["0", 0],
    ["100", 10_000],
    ["0.01", 1],
    ["33.33 %", 3333],
  ])("%s %% → %i bps", (input, bps) => {
    expect(parseBribePercent(input)).toEqual({ ok: true, value: bps });
  });

  test.each([
    ["", "Enter a bribe between 0 and 100 %."],
    ["100.01", "A bribe is at most 100 %."],
    ["12.345", "At most two decimals (basis points)."],
    ["ten", "Enter a number, like 10 or 12.5."],
  ])("refuses %j", (input, reason) => {
    expect(parseBribePercent(input)).toEqual({ ok: false, reason });
  });
});

describe("formatting", () => {
  test.each([
    [0n, "0"],
    [55_000n * E18, "55,000"],
    [1234n * E18 + E18 / 8n, "1,234.125"],
    [1n, "0"],
  ])("%s wei", (wei, text) => {
    expect(formatTokenAmount(wei)).toBe(text);
  });

  test("basis points as percent", () => {
    expect([formatBps(1250), formatBps(0), formatBps(10_000), formatBps(3333)]).toEqual(["12.5 %", "0 %", "100 %", "33.33 %"]);
  });
});
