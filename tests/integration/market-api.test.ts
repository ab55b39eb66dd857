// GET /api/v1/market on real PostgreSQL, with stakes and bribes written by the indexer's own apply
// code: every sort orders what it says (ties by miner ID, stable across pages), every filter keeps
// exactly its rows, the yield is the worked formula to the wei, and bad parameters are 400s.
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET } from "@/app/api/v1/market/route";
import { epochAtSec as epochAt, epochStartSec } from "@/lib/rewards/epoch";
import { weiOfHeu } from "@/lib/market/row";
import { scheduleAt, stakeMultiplierPpm } from "@/lib/points";
import { MARKET_SORTS, type MarketResponse, type MarketRow, type MarketSort } from "@/lib/schemas/market";
import { TOKEN_ESHEU, TOKEN_HEU } from "@/lib/server/chain/events";
import { rebuildMarketSnapshot } from "@/lib/server/market/snapshot";
import { applyFakeChainEvents, db, foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

const E18 = 10n ** 18n;
const DAY = 86_400_000;
const now = Date.now();
const cur = epochAt(Math.floor(now / 1000));
const E = (n: number) => epochStartSec(n) * 1000;
const op = randomWallet();
const id = (t: string) => `${op}-${t}`;
const staker = randomWallet();

async function market(query: Record<string, string | number>): Promise<{ status: number; body: MarketResponse & { error?: { details: { field: string }[] } } }> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await GET(new Request(`http://localhost/api/v1/market?${qs}`));
  return { status: res.status, body: await res.json() };
}

/** Every row of op's nodes for a query, in the API's order. */
async function all(query: Record<string, string | number> = {}): Promise<MarketRow[]> {
  const { status, body } = await market({ q: op, pageSize: 200, ...query });
  expect(status).toBe(200);
  return body.items;
}

const bribe = (t: string, bps: number, epoch: number, setAt: number) => ({
  event: { name: "BribeSet" as const, minerId: id(t), operator: op, bps, effectiveEpoch: BigInt(epoch), effectiveAt: BigInt(epochStartSec(epoch)) },
  at: new Date(setAt),
});
const stake = (t: string, heu: bigint, token = TOKEN_HEU) => ({ event: { name: "Staked" as const, minerId: id(t), staker, token, amount: heu * E18 } });

beforeAll(async () => {
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const images = (t: string, n: number, over: Partial<Parameters<typeof imageJob>[0]> = {}) =>
    Array.from({ length: n }, (_, i) => imageJob({ miner_id: id(t), completed_at: ago((i + 1) * 3_600_000), ...over }));
  const jobs = [
    imageJob({ miner_id: id("a"), completed_at: ago(20 * DAY) }), // first seen 20 days ago: not new
    ...images("a", 6),
    ...images("b", 6, { inference_latency: 2.5 }),
    ...images("c", 3, { hardware: "NVIDIA GeForce RTX 3090" }), // new, no bribe, no stake
    ...images("d", 6),
    ...images("e", 6), // d's twin: every sort ties them
    ...images("d", 1, { completed_at: ago(2 * DAY), inference_latency: 999 }), // d and e: one job past the timeout each
    ...images("e", 1, { completed_at: ago(2 * DAY), inference_latency: 999 }),
    llmJob({ miner_id: id("d"), completed_at: ago(5 * 3_600_000) }),
    llmJob({ miner_id: id("e"), completed_at: ago(5 * 3_600_000) }),
    ...images("f", 4),
  ];
  const res = await POST(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
  await applyFakeChainEvents([
    stake("a", 55_000n),
    stake("a", 5_000n, TOKEN_ESHEU),
    stake("b", 10_000n),
    stake("d", 150_000n),
    stake("e", 150_000n),
    stake("f", 20_000n),
    bribe("a", 2000, cur - 2, E(cur - 2) - DAY),
    bribe("b", 3500, cur - 1, E(cur - 1) - DAY), // in force…
    bribe("b", 500, cur + 1, Math.max(E(cur), now - 5_000)), // …cut, pending for the next epoch
    bribe("d", 1000, cur - 1, E(cur - 1) - DAY),
    bribe("e", 1000, cur - 1, E(cur - 1) - DAY),
    bribe("f", 1750, cur - 7, E(cur - 7) - DAY), // an old cut: 17.5 % until five epochs ago, 2 % since
    bribe("f", 200, cur - 5, E(cur - 5) - DAY),
  ]);
  // The router saw a all day today and b in every other bucket.
  const today = new Date(Math.floor(now / DAY) * DAY).toISOString().slice(0, 10);
  await db().query(
    `INSERT INTO node_heartbeats (miner_id, day, buckets) VALUES ($1, $3::date, repeat('1', 288)::bit(288)),
       ($2, $3::date, repeat('10', 144)::bit(288))`,
    [id("a"), id("b"), today],
  );
  await rebuildMarketSnapshot();
});

/** The value a sort orders by, as the row shows it; null sorts last either way. */
function sortValue(sort: MarketSort, r: MarketRow): number | null {
  switch (sort) {
    case "yield":
      return r.yield?.percentPerYear ?? null;
    case "bribe":
      return r.bribe.forStakeBps;
    case "uptime24h":
    case "uptime7d":
    case "uptime30d":
      return r.availability[sort.slice(6) as "24h" | "7d" | "30d"].onlineBuckets;
    case "onTime7d":
      return r.onTime["7d"].ratio;
    case "stake":
      return r.stake.total;
    case "points":
      return r.points7d.waifu + r.points7d.llama;
    case "latency":
      return r.latencyMs;
    case "age":
      return now - Date.parse(r.firstSeenAt);
  }
}

describe("GET /api/v1/market", () => {
  test.each(MARKET_SORTS.flatMap((s) => [[s, "asc"] as const, [s, "desc"] as const]))("sort=%s order=%s orders what it says, ties by miner ID", async (sort, order) => {
    const rows = await all({ sort, order });
    expect(rows.map((r) => r.minerId).sort()).toEqual(["a", "b", "c", "d", "e", "f"].map(id));
    const values = rows.map((r) => sortValue(sort, r));
    const firstNull = values.indexOf(null);
    if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [values[i - 1], values[i]];
      if (a == null || b == null) continue;
      if (a === b) expect(rows[i - 1]!.minerId < rows[i]!.minerId).toBe(true);
      else expect(order === "asc" ? a < b : a > b).toBe(true);
    }
  });

  test.each([["desc"], ["asc"]] as const)("yield for a stake other than the default (sorted on the fly) orders the same way, %s", async (order) => {
    for (const stake of [10_000, 50_000, 250_000]) {
      const rows = await all({ sort: "yield", order, stake });
      const values = rows.map((r) => r.yield?.percentPerYear ?? null);
      const priced = values.filter((v): v is number => v !== null);
      expect(values.slice(priced.length).every((v) => v === null)).toBe(true);
      expect(priced).toEqual([...priced].sort((a, b) => (order === "asc" ? a - b : b - a)));
    }
  });

  test("twins tie on every sort and keep one order across pages of 1", async () => {
    for (const sort of MARKET_SORTS) {
      const whole = (await all({ sort })).map((r) => r.minerId);
      const paged: string[] = [];
      for (let page = 1; page <= 6; page++) {
        const { body } = await market({ q: op, sort, page, pageSize: 1 });
        expect(body.total).toBe(6);
        paged.push(...body.items.map((r) => r.minerId));
      }
      expect(paged).toEqual(whole);
      expect(whole.indexOf(id("e"))).toBe(whole.indexOf(id("d")) + 1);
    }
    expect((await market({ q: op, page: 7, pageSize: 1 })).body).toMatchObject({ items: [], total: 6 });
  });

  test("each filter keeps exactly its rows", async () => {
    const ids = async (q: Record<string, string | number>) => (await all(q)).map((r) => r.minerId.slice(op.length + 1)).sort();
    expect(await ids({ minBribe: 10 })).toEqual(["a", "d", "e"]); // b's bribe for a new stake is the pending 5 %
    expect(await ids({ minBribe: 5 })).toEqual(["a", "b", "d", "e"]);
    expect(await ids({ maxStake: 20_000 })).toEqual(["b", "c", "f"]);
    expect(await ids({ maxStake: 19_999.5 })).toEqual(["b", "c"]);
    expect(await ids({ gpu: "NVIDIA GeForce RTX 3090" })).toEqual(["c"]);
    expect(await ids({ noRecentCut: 1 })).toEqual(["a", "c", "d", "e", "f"]); // f's cut is older than 30 days
    expect(await ids({ new: 1 })).toEqual(["b", "c", "d", "e", "f"]);
    expect(await ids({ q: id("d") })).toEqual(["d"]);
    expect(await ids({ q: op.slice(0, 30) })).toEqual(expect.arrayContaining(["a", "b", "c", "d", "e", "f"]));
    // Availability over 7 days: each row's own figures decide, whichever source measured it.
    const rows = await all();
    for (const min of [0, 1, 50, 98, 100]) {
      const expected = rows
        .filter((r) => r.availability["7d"].onlineBuckets * 100 >= min * r.availability["7d"].buckets)
        .map((r) => r.minerId.slice(op.length + 1))
        .sort();
      expect(await ids({ minUptime7d: min })).toEqual(expected);
    }
    expect(await ids({ minUptime7d: 0.0001, minBribe: 10, noRecentCut: 1 })).toEqual(expect.arrayContaining(["a"]));
  });

  test("bribes: the one in force, a pending one with its epoch, a cut inside 30 days flagged, an older one not", async () => {
    const byId = new Map((await all()).map((r) => [r.minerId, r]));
    expect(byId.get(id("b"))!.bribe).toEqual({
      bps: 3500,
      pending: { bps: 500, epoch: cur + 1, effectiveAt: new Date(E(cur + 1)).toISOString() },
      forStakeBps: 500,
      lastChange: { bps: 500, setAt: expect.any(String), effectiveAt: new Date(E(cur + 1)).toISOString() },
      recentCut: { fromBps: 3500, toBps: 500, effectiveAt: new Date(E(cur + 1)).toISOString(), pending: true },
    });
    expect(byId.get(id("f"))!.bribe).toMatchObject({ bps: 200, pending: null, recentCut: null });
    expect(byId.get(id("c"))!.bribe).toEqual({ bps: null, pending: null, forStakeBps: null, lastChange: null, recentCut: null });
    expect(byId.get(id("c"))).toMatchObject({ yield: null, yieldUnavailable: "no-bribe", isNew: true });
    expect(byId.get(id("a"))!.isNew).toBe(false);
  });

  test("stake by token, multipliers now and with the planned stake, on-time rate apart from availability", async () => {
    const { body } = await market({ q: id("a"), stake: 50_000 });
    const a = body.items[0]!;
    expect(a.stake).toEqual({
      totalWei: (60_000n * E18).toString(),
      heuWei: (55_000n * E18).toString(),
      esHeuWei: (5_000n * E18).toString(),
      total: 60_000,
      weighted: 61_250, // the bribe split weighs the 5,000 esHEU 1.25×
      multiplierNow: stakeMultiplierPpm(scheduleAt(new Date()).stakeCurve, 60_000) / 1e6,
      multiplierAfter: stakeMultiplierPpm(scheduleAt(new Date()).stakeCurve, 110_000) / 1e6,
    });
    const d = (await all()).find((r) => r.minerId === id("d"))!;
    expect(d.onTime["7d"]).toEqual({ ratio: 7 / 8, completed: 7, jobs: 8 });
    expect(d.onTime["24h"]).toEqual({ ratio: 1, completed: 7, jobs: 7 });
    const av = a.availability["24h"];
    expect(av.ratio).toBe(av.buckets ? av.onlineBuckets / av.buckets : null);
  });

  test("the yield for a stake is the worked formula to the wei, priced at the snapshot's HEU per point", async () => {
    const P = 50_000;
    const { body } = await market({ q: id("a"), stake: P });
    const a = body.items[0]!;
    if (body.rate === null) {
      // Friday before the open epoch is a day old, with no settled epoch in the database: nothing to price with.
      expect(a).toMatchObject({ yield: null, yieldEsHeu: null, yieldUnavailable: "no-rate" });
      return;
    }
    const rate = body.rate;
    // The worked example, step by step as the page shows it: the multiplier reads the stake S, the
    // share the stake as the bribe split weighs it (55,000 HEU + 5,000 esHEU × 1.25).
    expect(body.esHeuWeight).toBe(1.25);
    const S = 60_000;
    const Sw = 61_250;
    const points = a.points7d.waifu + a.points7d.llama;
    const R = (points / 7) * 365;
    const curve = scheduleAt(new Date()).stakeCurve;
    const RAfter = (R * (stakeMultiplierPpm(curve, S + P) / 1e6)) / (stakeMultiplierPpm(curve, S) / 1e6);
    const share = P / (Sw + P);
    const heuPerPoint = (a.points7d.waifu * rate.waifu + a.points7d.llama * rate.llama) / points;
    const perYear = 0.2 * RAfter * share * heuPerPoint;
    const perEpoch = perYear / (365 / 7);
    expect(a.yield!.heuPerEpochWei).toBe(weiOfHeu(perEpoch));
    expect(a.yield!.percentPerYear).toBeCloseTo((perYear / P) * 100, 12);
    expect(a.yield!.share).toBe(share);
    // The same stake in esHEU weighs 1.25 P: a larger share of the same stakers' cut.
    const esShare = (1.25 * P) / (Sw + 1.25 * P);
    expect(a.yieldEsHeu!.share).toBe(esShare);
    expect(a.yieldEsHeu!.heuPerEpochWei).toBe(weiOfHeu((0.2 * RAfter * esShare * heuPerPoint) / (365 / 7)));
    expect(a.yieldEsHeu!.percentPerYear).toBeGreaterThan(a.yield!.percentPerYear);
    // Real rates are small: never a 0 that hides them.
    expect(a.yield!.percentPerYear).toBeGreaterThan(0);
  });

  test("bad parameters are 400s naming the parameter; nothing else is accepted", async () => {
    for (const [query, field] of [
      [{ sort: "apy" }, "sort"],
      [{ order: "up" }, "order"],
      [{ stake: "-5" }, "stake"],
      [{ stake: "0" }, "stake"],
      [{ stake: "lots" }, "stake"],
      [{ minUptime7d: "101" }, "minUptime7d"],
      [{ minBribe: "-1" }, "minBribe"],
      [{ maxStake: "x" }, "maxStake"],
      [{ noRecentCut: "yes" }, "noRecentCut"],
      [{ q: "0x12\u0000" }, "q"],
      [{ gpu: "RTX\n4090" }, "gpu"],
      [{ pageSize: "500" }, "pageSize"],
      [{ minUptime: "98" }, "(root)"],
    ] as const) {
      const { status, body } = await market(query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(body.error!.details.map((d) => d.field)).toContain(field);
    }
  });

  test("the answer names when it is as of, the rate's source and the GPU models", async () => {
    const { body } = await market({ q: op });
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
    expect(body).toMatchObject({ stake: 10_000, sort: "yield", order: "desc", stale: false });
    if (body.rate) expect(["open-epoch", "settled-epoch"]).toContain(body.rate.source);
    expect(body.gpus).toEqual(expect.arrayContaining(["NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 4090"]));
  });
});

describe("GET /api/v1/market.csv", () => {
  test("every matching row in the API's order, with the API's numbers: exact stake and HEU per epoch", async () => {
    const { GET: csv } = await import("@/app/api/v1/market.csv/route");
    const { parse } = await import("csv-parse/sync");
    const query = new URLSearchParams({ q: op, sort: "yield", stake: "50000", minBribe: "1" });
    const res = await csv(new Request(`http://localhost/api/v1/market.csv?${query}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const records: Record<string, string>[] = parse(await res.text(), { columns: true });
    const api = await all({ sort: "yield", stake: 50_000, minBribe: 1 });
    expect(records.map((r) => r.miner_id)).toEqual(api.map((r) => r.minerId));
    const a = records.find((r) => r.miner_id === id("a"))!;
    expect(a).toMatchObject({ stake_total_heu: "60000", stake_heu: "55000", stake_esheu: "5000", bribe_pct: "20", your_stake_heu: "50000", is_new: "0" });
    const apiA = api.find((r) => r.minerId === id("a"))!;
    if (apiA.yield) expect(Number(a.yield_heu_per_epoch)).toBeCloseTo(Number(apiA.yield.heuPerEpochWei) / 1e18, 12);
    const b = records.find((r) => r.miner_id === id("b"))!;
    expect(b).toMatchObject({ bribe_pct: "35", pending_bribe_pct: "5", pending_epoch: String(cur + 1), recent_cut_from_pct: "35", recent_cut_to_pct: "5" });
    const bad = await csv(new Request("http://localhost/api/v1/market.csv?sort=apy"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe("sort");
  });
});
