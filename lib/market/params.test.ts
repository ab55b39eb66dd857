import { describe, expect, test } from "vitest";
import { DEFAULT_STAKE_HEU, marketQuery, parseMarketParams } from "./params";

describe("parseMarketParams", () => {
  test("defaults", () => {
    expect(parseMarketParams({})).toEqual({
      q: "",
      hardware: "",
      sort: "points",
      activeOnly: true,
      page: 1,
      stakeHeu: DEFAULT_STAKE_HEU,
      node: "",
    });
  });

  test.each([
    ["sort=uptime", { sort: "uptime" }, { sort: "uptime" }],
    ["unknown sort falls back", { sort: "drop table" }, { sort: "points" }],
    ["page 3", { page: "3" }, { page: 3 }],
    ["page 0 falls back", { page: "0" }, { page: 1 }],
    ["page junk falls back", { page: "abc" }, { page: 1 }],
    ["stake with separators", { stake: "25,000" }, { stakeHeu: 25_000 }],
    ["negative stake falls back", { stake: "-5" }, { stakeHeu: DEFAULT_STAKE_HEU }],
    ["zero stake is allowed", { stake: "0" }, { stakeHeu: 0 }],
    ["a node to stake on, lowercased", { node: "0xABCDEF0123456789abcdef0123456789ABCDEF01-Rig_1" }, { node: "0xabcdef0123456789abcdef0123456789abcdef01-rig_1" }],
    ["a malformed node is ignored", { node: "0x12-rig" }, { node: "" }],
    ["search is trimmed and lowercased", { q: "  0xABC-Rig " }, { q: "0xabc-rig" }],
    ["repeated params take the first", { sort: ["stake", "id"] }, { sort: "stake" }],
    ["active=0 shows every node", { active: "0" }, { activeOnly: false }],
  ] as const)("%s", (_name, raw, expected) => {
    expect(parseMarketParams(raw)).toMatchObject(expected);
  });

  test("marketQuery round-trips and drops defaults", () => {
    const node = `0x${"ab".repeat(20)}-gpu`;
    const p = parseMarketParams({ q: "0xab", sort: "stake", stake: "5000", page: "2", active: "0", node });
    expect(marketQuery(p)).toEqual({ q: "0xab", sort: "stake", stake: "5000", page: "2", active: "0", node });
    expect(parseMarketParams(marketQuery(p))).toEqual(p);
    expect(marketQuery(parseMarketParams({}))).toEqual({});
  });
});
