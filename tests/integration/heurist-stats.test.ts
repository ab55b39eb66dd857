// Heurist's stats API (issue 15 item 3, decision 0033), driven the way the community's tools drive
// it: the wallet-lookup page (find a miner in details=true, parseInt its counts, add the network's),
// the proxy that reads the same numbers out of the raw text, and the data collector (minerId=, sum
// s2Rewards). Every number is checked against /api/v1 for the same wallet and miner IDs. Its own
// database: epochs settle once and in order, and the network's counts are then exactly these miners'.
import { beforeAll, describe, expect, test } from "vitest";
import { GET as stats } from "@/app/prod/stats/route";
import { POST as ingestJobs } from "@/app/api/v1/jobs/route";
import { GET as getMiner } from "@/app/api/v1/miners/[minerId]/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { epochOf, epochStart } from "@/lib/rewards";
import { epochOfDay } from "@/lib/rewards/daily-rewards";
import type { MinerResponse } from "@/lib/schemas/miners";
import type { WalletResponse } from "@/lib/schemas/wallets";
import { rebuildHeuristStats } from "@/lib/server/compat/snapshot";
import { settleDueEpochs } from "@/lib/server/epochs/settle";
import { db, foldNow, imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";
import { createOwnDatabase } from "../support/own-database";
import { expectClose, hardwareList, heuristRequest, MINER_STATS_FIELDS, settledPoolTokens, toolTypes } from "./heurist-stats-support";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const current = epochOf(now);
const old = epochStart(current - 2); // two whole days in a settled epoch
const older = epochStart(current - 4);
const at = (start: Date, days: number) => new Date(start.getTime() + days * DAY).toISOString();
const W = randomWallet();
const [A, B, C, D] = [`${W}-4090a`, `${W}-a100b`, W, `${W}-3090d`]; // C: the untagged miner ID, the wallet address itself
const V = `${randomWallet()}-other`;
const mine = [A, B, C, D];

async function ingest(jobs: unknown[]): Promise<void> {
  const res = await ingestJobs(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow();
}

const v1Miner = async (id: string): Promise<MinerResponse> =>
  (await getMiner(new Request(`http://portal.test/api/v1/miners/${id}?days=60`), { params: Promise.resolve({ minerId: id }) })).json();
const v1Wallet = async (address: string): Promise<WalletResponse> =>
  (await getWallet(new Request(`http://portal.test/api/v1/wallets/${address}?days=60&pageSize=200`), { params: Promise.resolve({ address }) })).json();

beforeAll(async () => {
  process.env.DATABASE_URL = await createOwnDatabase("heurist_stats");
  // The open epoch's first minute (or the last second when it began a moment ago), and two hours ago.
  const openAt = new Date(Math.min(epochStart(current).getTime() + 60_000, now.getTime() - 1_000)).toISOString();
  const recentAt = new Date(now.getTime() - 2 * HOUR).toISOString();
  await ingest([
    imageJob({ miner_id: A, completed_at: at(older, 4.1) }),
    imageJob({ miner_id: A, completed_at: at(old, 1.1) }),
    imageJob({ miner_id: A, completed_at: at(old, 3.1), width: 768, height: 768, num_iterations: 30 }),
    llmJob({ miner_id: B, completed_at: at(old, 3.2), hardware: "NVIDIA A100 80GB PCIe" }),
    imageJob({ miner_id: C, completed_at: at(old, 0.1), hardware: "NVIDIA GeForce RTX 3090" }),
    imageJob({ miner_id: D, completed_at: at(old, 2.1), model_id: "Aurora", hardware: "NVIDIA GeForce RTX 3090" }),
    imageJob({ miner_id: A, completed_at: recentAt }),
    imageJob({ miner_id: A, completed_at: openAt, status: "failed" }),
    imageJob({ miner_id: A, completed_at: openAt, width: 512, height: 512 }),
    llmJob({ miner_id: B, completed_at: recentAt, hardware: "NVIDIA A100 80GB PCIe", input_tokens: 3_000 }),
    imageJob({ miner_id: V, completed_at: recentAt }),
  ]);
  await settleDueEpochs(db(), now);
  // Reported after their epoch was settled: paid in the open epoch, charted on their own days.
  await ingest([
    imageJob({ miner_id: D, completed_at: at(old, 2.2), model_id: "Aurora", hardware: "NVIDIA GeForce RTX 3090" }),
    imageJob({ miner_id: A, completed_at: at(old, 5.1) }),
  ]);
}, 180_000);

describe("the network's figures, from the worker's snapshot", () => {
  test("before the worker's first build: a 503 saying who builds it", async () => {
    const res = await stats(heuristRequest("details=true"));
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/worker/);
  });

  test("the wallet-lookup page: find the miner in details=true, parseInt its counts, add the network's", async () => {
    expect(await rebuildHeuristStats(new Date())).toBe(true);
    const res = await stats(heuristRequest("details=true"));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const data = JSON.parse(text);
    expect(typeof data.last24HrsImageCount).toBe("number");
    expect(typeof data.last24HrsTextCount).toBe("number");
    expect(data.minerDetails.map((m: { miner_id: string }) => m.miner_id)).toEqual([...mine, V].sort());

    const v1 = new Map(await Promise.all([...mine, V].map(async (id) => [id, await v1Miner(id)] as const)));
    for (const id of mine) {
      // As the page does: the address typed in any case, lowercased, compared with each miner_id.
      const typed = id.toUpperCase().replace(/^0X/, "0x");
      const row = data.minerDetails.find((m: { miner_id: string }) => m.miner_id.toLowerCase() === typed.toLowerCase());
      const m = v1.get(id)!;
      expect(Object.keys(row)[0]).toBe("miner_id");
      expect(toolTypes(row)).toEqual({
        miner_id: "string",
        hardware: "string",
        total_image_count: "string",
        total_text_count: "string",
        last_24_hours_image_count: "string",
        last_24_hours_text_count: "string",
        status: "string",
      });
      expect(row.hardware).toBe(m.hardware);
      expect(parseInt(row.total_image_count, 10)).toBe(m.totalImageCount);
      expect(parseInt(row.total_text_count, 10)).toBe(m.totalTextCount);
      expect(parseInt(row.last_24_hours_image_count, 10)).toBe(m.last24HrsImageCount);
      expect(parseInt(row.last_24_hours_text_count, 10)).toBe(m.last24HrsTextCount);
      expect(row.status).toBe(m.availability24h.onlineBuckets > 0 ? "active" : "idle");
    }
    // This database's network is exactly these five miner IDs: the global counts are theirs.
    const all = [...v1.values()];
    expect(data.last24HrsImageCount).toBe(all.reduce((s, m) => s + m.last24HrsImageCount, 0));
    expect(data.last24HrsTextCount).toBe(all.reduce((s, m) => s + m.last24HrsTextCount, 0));
    // The page's own sum: numbers add (strings would concatenate).
    expect(data.last24HrsImageCount + data.last24HrsTextCount).toBe(all.reduce((s, m) => s + m.last24HrsImageCount + m.last24HrsTextCount, 0));
    expect(data.last24HrsImageCount).toBeGreaterThanOrEqual(2);
    expect(data.activeMinerCount).toBe(all.filter((m) => m.availability24h.onlineBuckets > 0).length);
    expect(data.minerDetails.map((r: { status: string }) => r.status).sort()).toEqual(["active", "active", "active", "idle", "idle"]);
    expect(data.minerDetails.find((r: { miner_id: string }) => r.miner_id === A).status).toBe("active");
  });

  test("the proxy that reads the numbers out of the raw text finds the wallet's first row and the network's counts", async () => {
    const text = await (await stats(heuristRequest("details=true"))).text();
    // Its steps: the text after the first occurrence of the address up to the next "miner_id".
    const start = text.indexOf(W) + W.length;
    const info = text.slice(start, text.indexOf('"miner_id"', start));
    const field = (name: string) => info.split(`"${name}":"`)[1]!.split('"')[0]!;
    const global = (name: string) => text.split(`"${name}":`)[1]!.split(",")[0]!;
    for (const digits of [field("last_24_hours_image_count"), field("last_24_hours_text_count"), global("last24HrsImageCount"), global("last24HrsTextCount")]) {
      expect(digits).toMatch(/^\d+$/); // what Python's int() takes
    }
    const c = await v1Miner(C); // the wallet's first row in byte order is its untagged miner ID
    expect(Number(field("last_24_hours_image_count")) + Number(field("last_24_hours_text_count"))).toBe(c.last24HrsImageCount + c.last24HrsTextCount);
    const summary = await (await stats(heuristRequest(""))).json();
    expect(Number(global("last24HrsImageCount"))).toBe(summary.last24HrsImageCount);
    expect(Number(global("last24HrsTextCount"))).toBe(summary.last24HrsTextCount);
    expect(summary).not.toHaveProperty("minerDetails");
    expect((await (await stats(heuristRequest("details=false"))).json()).asOf).toBe(summary.asOf);
  });

  test("a newer snapshot is answered as soon as the worker has built it", async () => {
    const before = (await (await stats(heuristRequest("details=true"))).json()).asOf;
    const later = new Date(Date.parse(before) + 1_000);
    expect(await rebuildHeuristStats(later)).toBe(true);
    expect(await rebuildHeuristStats(later)).toBe(false); // a second worker keeps the first one's
    expect((await (await stats(heuristRequest("details=true"))).json()).asOf).toBe(later.toISOString());
  });
});

describe("one wallet or miner ID, live (the data collector)", () => {
  test.each([
    { name: "a wallet: all its miner IDs", id: W },
    { name: "a miner ID", id: A },
    { name: "a miner ID paid in the open epoch only for points counted late", id: D },
  ])("$name: every number as /api/v1 says it", async ({ id }) => {
    const asked = id === W ? W.toUpperCase().replace(/^0X/, "0x") : id;
    const res = await stats(heuristRequest(`minerId=${asked}`));
    expect(res.status).toBe(200);
    const data = await res.json();
    for (const f of MINER_STATS_FIELDS) expect(data, f).toHaveProperty(f);
    expect(typeof data.hardware).toBe("string");
    for (const f of MINER_STATS_FIELDS.slice(2, -1).filter((f) => f !== "last24HrsAvailability")) expect(typeof data[f], f).toBe("number");
    const isWallet = id === W;
    const v1: MinerResponse | WalletResponse = isWallet ? await v1Wallet(W) : await v1Miner(id);
    const open = v1.openEpoch!;

    expect(data.hardware).toBe(isWallet ? hardwareList((v1 as WalletResponse).miners.items) : (v1 as MinerResponse).hardware);
    expect(data.status).toBe(v1.availability24h.onlineBuckets > 0 ? "active" : "idle");
    for (const f of ["totalImageCount", "totalTextCount", "last24HrsImageCount", "last24HrsTextCount", "last24HrsAvailability", "totalLlamaPoints", "totalWaifuPoints"] as const) {
      expect(data[f], f).toBe(v1[f]);
    }
    expect(data.s2CurrentEpochWaifuPoints).toBe(open.waifuPoints);
    expect(data.s2CurrentEpochLlamaPoints).toBe(open.llamaPoints);
    expect(data.s2CurrentEpochWaifuRewards).toBe(open.waifuTokens.amount);
    expect(data.s2CurrentEpochLlamaRewards).toBe(open.llamaTokens.amount);
    expectClose(data.s2CurrentEpochWaifuRewards + data.s2CurrentEpochLlamaRewards, open.tokens.amount, "the open epoch's tokens");

    // The collector's steps: sort by daily_date, sum the points and the reward tokens.
    const days: { daily_date: string; llama_points: number; waifu_points: number; llama_reward_tokens: number; waifu_reward_tokens: number }[] = data.s2Rewards;
    days.sort((a, b) => (a.daily_date < b.daily_date ? -1 : 1));
    for (const d of days) expect(d.daily_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expectClose(
      days.reduce((s, d) => s + d.waifu_points, 0),
      v1.totalWaifuPoints,
      "Waifu Points over the days",
    );
    expectClose(
      days.reduce((s, d) => s + d.llama_points, 0),
      v1.totalLlamaPoints,
      "Llama Points over the days",
    );
    const charted = new Map(v1.dailyPoints.map((p) => [p.date, p]));
    for (const d of days) {
      const p = charted.get(d.daily_date);
      expect(d.waifu_points, d.daily_date).toBe(p?.waifuPoints ?? 0);
      expect(d.llama_points, d.daily_date).toBe(p?.llamaPoints ?? 0);
    }
    for (const p of v1.dailyPoints.filter((p) => p.jobCount > 0))
      expect(
        days.some((d) => d.daily_date === p.date),
        p.date,
      ).toBe(true);

    // Rewards: each settled epoch's days add up to its pool shares in /api/v1/epochs/{n}/rewards, the open epoch's to its projection.
    const settled = await settledPoolTokens(W, isWallet ? null : id);
    expect(settled.size).toBeGreaterThan(0);
    const epochs = new Set([...days.map((d) => epochOfDay(d.daily_date)), ...settled.keys()]);
    for (const e of epochs) {
      const inEpoch = days.filter((d) => epochOfDay(d.daily_date) === e);
      const want = e === current ? { waifu: open.waifuTokens.amount, llama: open.llamaTokens.amount } : (settled.get(e) ?? { waifu: 0, llama: 0 });
      expectClose(
        inEpoch.reduce((s, d) => s + d.waifu_reward_tokens, 0),
        want.waifu,
        `Waifu tokens of epoch ${e}`,
      );
      expectClose(
        inEpoch.reduce((s, d) => s + d.llama_reward_tokens, 0),
        want.llama,
        `Llama tokens of epoch ${e}`,
      );
    }
    const total = [...settled.entries()].filter(([e]) => e !== current).reduce((s, [, t]) => s + t.waifu + t.llama, 0) + open.waifuTokens.amount + open.llamaTokens.amount;
    expectClose(
      days.reduce((s, d) => s + d.waifu_reward_tokens + d.llama_reward_tokens, 0),
      total,
      "all reward tokens",
    );
    expect(total).toBeGreaterThan(0);
  });

  test("points counted late pay the open epoch on today's row when the miner has no day in it", async () => {
    const data = await (await stats(heuristRequest(`minerId=${D}`))).json();
    const today = now.toISOString().slice(0, 10);
    expect(data.s2CurrentEpochWaifuRewards).toBeGreaterThan(0);
    expect(data.s2Rewards.at(-1)).toMatchObject({ daily_date: today, waifu_points: 0, llama_points: 0, waifu_reward_tokens: data.s2CurrentEpochWaifuRewards });
  });
});
