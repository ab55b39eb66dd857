import { describe, expect, test } from "vitest";
import type { MarketRow } from "@/lib/schemas/market";
import { describeNodeOption } from "./node-option";
import { activeIndex, marketSearchPath, PICKER_CLOSED, PICKER_TYPED, pickerKeyDown, pickerOptions, pickerQuery, type PickerState } from "./node-picker";

const W = "0x1111111111111111111111111111111111111111";
const V = "0x2222222222222222222222222222222222222222";

function row(minerId: string, over: Partial<MarketRow> = {}): MarketRow {
  const window = { ratio: 0.99, onlineBuckets: 1996, buckets: 2016, heartbeatBuckets: 2016, source: "heartbeats" as const };
  const onTime = { ratio: 1, completed: 10, jobs: 10 };
  return {
    minerId,
    wallet: minerId.split("-")[0]!,
    gpu: "NVIDIA GeForce RTX 4090",
    firstSeenAt: "2025-01-01T00:00:00.000Z",
    lastSeenAt: "2025-01-20T00:00:00.000Z",
    isNew: false,
    bribe: { bps: 1500, pending: null, forStakeBps: 1500, lastChange: null, recentCut: null },
    stake: { totalWei: "0", heuWei: "0", esHeuWei: "0", total: 0, weighted: 0, multiplierNow: 1, multiplierAfter: 1 },
    availability: { "24h": window, "7d": window, "30d": window },
    onTime: { "24h": onTime, "7d": onTime, "30d": onTime },
    latencyMs: 4000,
    points7d: { waifu: 1000, llama: 0 },
    yield: { percentPerYear: 3.3, heuPerYear: 330, heuPerEpoch: 6.3, heuPerEpochWei: "6300000000000000000", share: 1 },
    yieldEsHeu: { percentPerYear: 4.1, heuPerYear: 410, heuPerEpoch: 7.9, heuPerEpochWei: "7900000000000000000", share: 1 },
    yieldUnavailable: null,
    ...over,
  };
}

describe("pickerQuery", () => {
  test.each([
    ["", { ok: true, q: "" }],
    ["  0xAbC  ", { ok: true, q: "0xabc" }],
    [`${W}-4090_Rig`, { ok: true, q: `${W}-4090_rig` }],
    ["0x1111…1111", { ok: false }],
    ["0x11 11", { ok: false }],
    ["a".repeat(121), { ok: false }],
  ])("%j → %j", (text, expected) => {
    expect(pickerQuery(text)).toMatchObject(expected);
  });
});

describe("marketSearchPath", () => {
  test.each([
    ["", null, "/api/v1/market?sort=yield&pageSize=8"],
    ["0xab", "10000", "/api/v1/market?q=0xab&stake=10000&sort=yield&pageSize=8"],
    ["0xab", "2500.25", "/api/v1/market?q=0xab&stake=2500.25&sort=yield&pageSize=8"],
    // Beyond what the API takes: the default stake rather than a 400.
    ["0xab", "2000000000", "/api/v1/market?q=0xab&sort=yield&pageSize=8"],
    ["0xab", "0", "/api/v1/market?q=0xab&sort=yield&pageSize=8"],
  ])("q=%j stake=%j", (q, stake, path) => {
    expect(marketSearchPath(q, stake)).toBe(path);
  });
});

describe("pickerOptions", () => {
  const rows = [row(`${W}-a`), row(`${W}-b`), row(`${W}-c`), row(`${V}-a`)];
  const ids = (rs: MarketRow[]) => rs.map((r) => r.minerId);

  test("the source node is never an option, whatever its case", () => {
    expect(ids(pickerOptions(rows, "0x", `${W.toUpperCase().replace("0X", "0x")}-B`))).toEqual([`${W}-a`, `${W}-c`, `${V}-a`]);
  });
  test("a full miner ID typed comes first; the rest keep the API's order", () => {
    expect(ids(pickerOptions(rows, `${W}-c`, `${W}-a`))).toEqual([`${W}-c`, `${W}-b`, `${V}-a`]);
  });
  test("a prefix changes nothing in the order", () => {
    expect(ids(pickerOptions(rows, W, `${V}-a`))).toEqual([`${W}-a`, `${W}-b`, `${W}-c`]);
  });
});

describe("pickerKeyDown", () => {
  const ids = ["a", "b", "c"];
  const open = (activeId: string | null): PickerState => ({ open: true, activeId });
  test.each<[string, PickerState, { key: string; altKey?: boolean }, readonly string[], PickerState, { pick?: string | null; handled?: boolean; clear?: boolean }]>([
    ["↓ on a closed list opens it on the first option", PICKER_CLOSED, { key: "ArrowDown" }, ids, open("a"), { handled: true }],
    ["↓ after typing activates the first option", PICKER_TYPED, { key: "ArrowDown" }, ids, open("a"), {}],
    ["↓ moves to the next option", open("a"), { key: "ArrowDown" }, ids, open("b"), {}],
    ["↓ on the last option wraps to the first", open("c"), { key: "ArrowDown" }, ids, open("a"), {}],
    ["↓ when the active node left the results starts over", open("x"), { key: "ArrowDown" }, ids, open("a"), {}],
    ["↓ with no options opens with nothing active", PICKER_CLOSED, { key: "ArrowDown" }, [], open(null), {}],
    ["Alt+↓ opens without moving", PICKER_CLOSED, { key: "ArrowDown", altKey: true }, ids, open(null), {}],
    ["↑ on a closed list opens it on the last option", PICKER_CLOSED, { key: "ArrowUp" }, ids, open("c"), {}],
    ["↑ moves to the previous option", open("b"), { key: "ArrowUp" }, ids, open("a"), {}],
    ["↑ on the first option wraps to the last", open("a"), { key: "ArrowUp" }, ids, open("c"), {}],
    ["↑ with nothing active goes to the last", PICKER_TYPED, { key: "ArrowUp" }, ids, open("c"), {}],
    ["Alt+↑ closes", open("b"), { key: "ArrowUp", altKey: true }, ids, { open: false, activeId: "b" }, {}],
    ["Enter picks the active option and closes", open("b"), { key: "Enter" }, ids, PICKER_CLOSED, { pick: "b", handled: true }],
    ["Enter with nothing active picks nothing and does not submit", PICKER_TYPED, { key: "Enter" }, ids, PICKER_TYPED, { pick: null, handled: true }],
    ["Enter on a node no longer listed picks nothing", open("x"), { key: "Enter" }, ids, open("x"), { pick: null, handled: true }],
    ["Enter on a closed list is the form's", PICKER_CLOSED, { key: "Enter" }, ids, PICKER_CLOSED, { pick: null, handled: false }],
    ["Escape closes an open list", open("b"), { key: "Escape" }, ids, PICKER_CLOSED, { clear: false, handled: true }],
    ["Escape on a closed list clears the text", PICKER_CLOSED, { key: "Escape" }, ids, PICKER_CLOSED, { clear: true, handled: true }],
    ["Tab closes and moves on, picking nothing", open("b"), { key: "Tab" }, ids, PICKER_CLOSED, { pick: null, handled: false }],
    ["other keys are the text box's", open("b"), { key: "Home" }, ids, open("b"), { handled: false }],
  ])("%s", (_, state, key, list, next, extra) => {
    const outcome = pickerKeyDown(state, key, list);
    expect(outcome.state).toEqual(next);
    expect(outcome).toMatchObject(extra);
  });

  test("keyboard walk: type, ↓ ↓ Enter picks the second option", () => {
    let s: PickerState = PICKER_TYPED;
    for (const key of ["ArrowDown", "ArrowDown"]) s = pickerKeyDown(s, { key }, ids).state;
    expect(pickerKeyDown(s, { key: "Enter" }, ids).pick).toBe("b");
  });

  test.each([
    [open("b"), ids, 1],
    [open("x"), ids, -1],
    [{ open: false, activeId: "b" }, ids, -1],
    [PICKER_TYPED, ids, -1],
  ])("activeIndex(%j) = %d", (s, list, i) => {
    expect(activeIndex(s, list)).toBe(i);
  });
});

describe("describeNodeOption", () => {
  test("bribe, availability and yield for the stake", () => {
    const t = describeNodeOption(row(`${W}-4090rig`), 10_000);
    expect(t).toMatchObject({ short: "0x1111…1111-4090rig", gpu: "RTX 4090", bribe: "15 %", cut: null, availability7d: "99%", yield: "3.3 %", hasYield: true });
    expect(t.label).toBe(`${W}-4090rig, RTX 4090, bribe 15 %, availability 7 days 99%, yield 3.3 % a year for 10,000 HEU`);
  });

  test("moving esHEU shows the esHEU yield, which weighs more in the bribe split", () => {
    const t = describeNodeOption(row(`${W}-4090rig`), 10_000, "esheu");
    expect(t).toMatchObject({ yield: "4.1 %", hasYield: true });
    expect(t.label).toContain("yield 4.1 % a year for 10,000 esHEU");
  });

  test("a yield under 1 % keeps two significant digits; the stake keeps its decimals", () => {
    const t = describeNodeOption(row(`${W}-a`, { yield: { percentPerYear: 0.0314, heuPerYear: 1, heuPerEpoch: 0.02, heuPerEpochWei: "1", share: 0.1 } }), 2_500.5);
    expect(t.yield).toBe("0.031 %");
    expect(t.label).toContain("yield 0.031 % a year for 2,500.5 HEU");
  });

  test("a pending bribe names its epoch; a recent cut is marked and explained", () => {
    const t = describeNodeOption(
      row(`${W}-a`, {
        bribe: {
          bps: 1750,
          pending: { bps: 200, epoch: 42, effectiveAt: "2025-01-24T00:00:00.000Z" },
          forStakeBps: 200,
          lastChange: null,
          recentCut: { fromBps: 1750, toBps: 200, effectiveAt: "2025-01-24T00:00:00.000Z", pending: true },
        },
      }),
      10_000,
    );
    expect(t).toMatchObject({ bribe: "2 % from epoch 42", cut: "cut ahead", cutDetail: "cut from 17.5 % to 2 % from 2025-01-24" });
    expect(t.label).toContain("bribe 2 % from epoch 42, cut from 17.5 % to 2 % from 2025-01-24");
    const done = describeNodeOption(
      row(`${W}-a`, {
        bribe: { bps: 200, pending: null, forStakeBps: 200, lastChange: null, recentCut: { fromBps: 1750, toBps: 200, effectiveAt: "2025-01-10T00:00:00.000Z", pending: false } },
      }),
      10_000,
    );
    expect(done).toMatchObject({ cut: "cut", cutDetail: "cut from 17.5 % to 2 % on 2025-01-10" });
  });

  test.each([
    ["no-bribe", "no bribe set"],
    ["inactive", "inactive node"],
    ["no-rate", "no epoch to price it yet"],
  ] as const)("no yield (%s) says why", (reason, text) => {
    const t = describeNodeOption(
      row(`${W}-a`, {
        yield: null,
        yieldUnavailable: reason,
        bribe: { bps: null, pending: null, forStakeBps: reason === "no-bribe" ? null : 100, lastChange: null, recentCut: null },
      }),
      10_000,
    );
    expect(t).toMatchObject({ yield: text, hasYield: false });
    expect(t.label).toContain(`no yield: ${text}`);
    if (reason === "no-bribe") expect(t.label).toContain("bribe none, ");
  });

  test("an unmeasured node and an unknown GPU say so", () => {
    const none = { ratio: null, onlineBuckets: 0, buckets: 0, heartbeatBuckets: 0, source: "none" as const };
    const t = describeNodeOption(row(`${W}-a`, { gpu: null, availability: { "24h": none, "7d": none, "30d": none } }), 10_000);
    expect(t).toMatchObject({ gpu: "unknown GPU", availability7d: "not measured" });
  });
});
