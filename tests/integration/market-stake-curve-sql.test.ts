// The market sorts by yield in SQL (lib/server/market/ranks.ts); its stake curve must give the very
// multipliers the points library gives, or the table's order would disagree with its numbers.
import { expect, test } from "vitest";
import { TESTNET_BOOST_CURVE, scheduleAt, stakeMultiplierPpm } from "@/lib/points";
import { stakeCurveSql } from "@/lib/server/market/ranks";
import { db } from "../support/fixtures";

test("the SQL stake curve the yield sort uses equals the points library's", async () => {
  const stakes = [0, 1, 9_999.999, 10_000, 10_000.5, 19_000, 54_999.4, 55_000, 99_999.99, 100_000, 1e9, 12_345.678];
  for (const curve of [TESTNET_BOOST_CURVE, scheduleAt(new Date()).stakeCurve]) {
    const { rows } = await db().query<{ x: number; ppm: number }>(`SELECT x, ${stakeCurveSql(curve, "x")} AS ppm FROM unnest($1::float8[]) AS x`, [stakes]);
    expect(rows.map((r) => r.ppm)).toEqual(stakes.map((s) => stakeMultiplierPpm(curve, s)));
  }
});
