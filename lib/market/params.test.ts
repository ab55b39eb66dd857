import { describe, expect, test } from "vitest";
import { DEFAULT_STAKE_HEU, apiQuery, marketHref, marketQuery, parseMarketParams } from "./params";

describe("parseMarketParams", () => {
  test("defaults: the best yields for 10,000 HEU", () => {
    expect(parseMarketParams({})).toMatchObject({ sort: "yield", stake: DEFAULT_STAKE_HEU, page: 1, pageSize: 50, node: "", compare: [], ignored: [] });
  });

  test("the staker's question as a URL, and back", () => {
    const p = parseMarketParams({ stake: "50,000", minUptime7d: "98", noRecentCut: "1", sort: "yield" });
    expect(p).toMatchObject({ stake: 50_000, minUptime7d: 98, noRecentCut: true, ignored: [] });
    expect(marketQuery(p)).toEqual({ stake: "50000", minUptime7d: "98", noRecentCut: "1" });
    expect(marketHref(p, { page: 2 })).toBe("/market?minUptime7d=98&noRecentCut=1&stake=50000&page=2");
  });

  test("a bad value is dropped and named, the rest kept", () => {
    const p = parseMarketParams({ sort: "drop table", minBribe: "200", stake: "-1", q: "0xAB", page: "3" });
    expect(p).toMatchObject({ sort: "yield", stake: DEFAULT_STAKE_HEU, q: "0xab", page: 3 });
    expect(p.minBribe).toBeUndefined();
    expect(p.ignored.sort()).toEqual(["minBribe", "sort", "stake"]);
  });

  test("compare keeps up to 4 distinct miner IDs; the API query leaves the page's own keys out", () => {
    const ids = ["a", "b", "c", "d", "e"].map((t) => `0x${"1".repeat(40)}-${t}`);
    const p = parseMarketParams({ compare: [...ids, ids[0]!, "junk"].join(","), node: ids[1]! });
    expect(p.compare).toEqual(ids.slice(0, 4));
    expect(apiQuery({ ...p, sort: "bribe", order: "asc" })).toEqual({ sort: "bribe", order: "asc" });
  });
});
