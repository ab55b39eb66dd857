// Season 1 check against the network's published results: splitting a pool equal to S1's total
// Waifu tokens pro rata to each address's Waifu points reproduces each address's Waifu tokens.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { expect, test } from "vitest";
import { splitPool } from "./split";

const CSV = path.resolve(import.meta.dirname, "../../data/s1_results.csv");
const WEI = 10n ** 18n;

/** A decimal string ("13720.53062181127") as integer units of 10^-decimals, rounded half up. */
function toUnits(text: string, decimals: number): bigint {
  // A few values are printed in exponent form (e.g. 6.7e-315): write them out first.
  const plain = /e/i.test(text) ? Number(text).toFixed(decimals + 1) : text.trim();
  const [whole, frac = ""] = plain.split(".");
  const padded = (frac + "0".repeat(decimals + 1)).slice(0, decimals + 1);
  const units = BigInt(whole!) * 10n ** BigInt(decimals) + BigInt(padded.slice(0, decimals) || "0");
  return Number(padded[decimals]) >= 5 ? units + 1n : units;
}

test("Season 1: every payout row with the common rate gets its published Waifu tokens (≤ 1e-6 relative)", () => {
  const rows = parse(readFileSync(CSV, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(10_000);
  // Ten addresses have two rows (two payouts): each row is its own share.
  const points = new Map<string, bigint>();
  let pool = 0n;
  for (const [i, r] of rows.entries()) {
    points.set(String(i), toUnits(r["S1 Waifu Points"]!, 6));
    pool += toUnits(r["S1 Waifu Tokens"]!, 18);
  }
  const tokens = splitPool(pool, points);
  expect([...tokens.values()].reduce((a, b) => a + b, 0n)).toBe(pool);

  // The common rate: published tokens ÷ points, as most addresses have it.
  const rates = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    const p = Number(r["S1 Waifu Points"]);
    if (p > 0) rates.set(String(i), Number(r["S1 Waifu Tokens"]) / p);
  }
  const counts = new Map<string, number>();
  for (const rate of rates.values()) counts.set(rate.toPrecision(8), (counts.get(rate.toPrecision(8)) ?? 0) + 1);
  const [common, holders] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  expect(holders).toBeGreaterThan(6_000);

  let checked = 0;
  let worst = 0;
  for (const [i, r] of rows.entries()) {
    const rate = rates.get(String(i));
    if (rate === undefined || rate.toPrecision(8) !== common) continue;
    const published = Number(r["S1 Waifu Tokens"]);
    const ours = Number(tokens.get(String(i))!) / Number(WEI);
    worst = Math.max(worst, Math.abs(ours - published) / published);
    checked++;
  }
  expect(checked).toBe(holders);
  expect(worst).toBeLessThanOrEqual(1e-6);
  // Addresses without Waifu points get no Waifu tokens.
  for (const [i, r] of rows.entries()) if (Number(r["S1 Waifu Points"]) === 0) expect(tokens.get(String(i))).toBe(0n);
});
