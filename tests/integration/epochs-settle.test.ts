// Settling epochs: pools pro rata to points, bribes to stakers by time-weighted stake, esHEU
// grants, immutability, order, and a job reported after its epoch was settled counting as late.
import { concat, encodeAbiParameters, keccak256, type Hex } from "viem";
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { epochOf, epochStart } from "@/lib/rewards";
import { storeMissingRewardTrees } from "@/lib/server/epochs/reward-tree";
import { settleDueEpochs, settleEpoch } from "@/lib/server/epochs/settle";
import { AppError } from "@/lib/errors";
import { GET as listEpochs } from "@/app/api/v1/epochs/route";
import { GET as getEpoch } from "@/app/api/v1/epochs/[epoch]/route";
import { GET as getRewards } from "@/app/api/v1/epochs/[epoch]/rewards/route";
import { GET as rewardsCsv } from "@/app/api/v1/wallets/[address]/rewards.csv/route";
import { walletRewardHistory } from "@/lib/server/queries/epochs";
import { positionHeuPerYear } from "@/lib/market/yield";
import { settledRate } from "@/lib/rewards";
import { TOKEN_ESHEU } from "@/lib/server/chain/events";
import { applyFakeChainEvents, db, imageJob, llmJob, randomWallet, signedRequest, stakeOn } from "../support/fixtures";

const E = epochOf(new Date("2025-06-10T00:00:00Z")); // 2025-06-06 → 2025-06-13, used by no other test
const start = epochStart(E);
const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
const w1 = randomWallet();
const w2 = randomWallet();
const [a, b, c] = [`${w1}-a`, `${w1}-b`, `${w2}-c`];
const s1 = "0x0000000000000000000000000000000000000051";
const s2 = "0x0000000000000000000000000000000000000052";
const HEU = 10n ** 18n;

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  // Node a: 55,000 staked by s1 before the epoch, 11,000 by s2 from its middle; bribe 20 % set a week before.
  await stakeOn(a, 55_000, at(-1), s1);
  await stakeOn(a, 11_000, at(3.5), s2);
  await applyFakeChainEvents([
    { event: { name: "BribeSet", minerId: a, operator: w1, bps: 2_000, effectiveEpoch: BigInt(E), effectiveAt: BigInt(start.getTime() / 1000) }, at: at(-7) },
  ]);
  await ingest([
    imageJob({ miner_id: a, completed_at: at(1).toISOString() }), // 55,000 stHEU on the node then: × 1.25
    imageJob({ miner_id: b, completed_at: at(2).toISOString() }),
    imageJob({ miner_id: c, completed_at: at(2).toISOString() }),
    llmJob({ miner_id: c, completed_at: at(3).toISOString() }),
  ]);
});

describe("settling an epoch", () => {
  test("pools follow the configuration; tokens split pro rata, the bribe by time-weighted stake, grants vest a year", async () => {
    const now = new Date(epochStart(E + 1).getTime() + 1_000);
    const settled = await settleDueEpochs(db(), now);
    expect(settled.at(-1)!.epoch).toBe(E);

    const epoch = (await db().query("SELECT * FROM epochs WHERE number = $1", [E])).rows[0];
    const miners = (await db().query("SELECT * FROM epoch_miner_rewards WHERE epoch = $1 ORDER BY miner_id", [E])).rows;
    expect(miners.map((m) => m.miner_id).sort()).toEqual([a, b, c].sort());
    const pts = Object.fromEntries(miners.map((m) => [m.miner_id, [BigInt(m.waifu_points_micro), BigInt(m.llama_points_micro)]]));
    // a: 6 × 1.25 (55,000 stHEU on the boost curve); b and c: 6; c's LLM job: 2,000 tokens × 0.5 = 1.
    expect(pts[a]).toEqual([7_500_000n, 0n]);
    expect(pts[b]).toEqual([6_000_000n, 0n]);
    expect(pts[c]).toEqual([6_000_000n, 1_000_000n]);

    // Default configuration: 150,000 HEU + 0.01 HEU per Waifu Point; 150,000 HEU + 0.2 HEU per Llama Point.
    const waifuPool = 150_000n * HEU + (19_500_000n * 10n ** 16n) / 1_000_000n;
    const llamaPool = 150_000n * HEU + (1_000_000n * 2n * 10n ** 17n) / 1_000_000n;
    expect(BigInt(epoch.waifu_pool_wei)).toBe(waifuPool);
    expect(BigInt(epoch.llama_pool_wei)).toBe(llamaPool);
    const byMiner = Object.fromEntries(miners.map((m) => [m.miner_id, m]));
    const waifuOf = (id: string) => BigInt(byMiner[id].waifu_tokens_wei);
    expect(waifuOf(a) + waifuOf(b) + waifuOf(c)).toBe(waifuPool);
    const exactA = (waifuPool * 7_500_000n) / 19_500_000n; // floor; the split may add 1 wei of remainder
    expect(waifuOf(a) - exactA >= 0n && waifuOf(a) - exactA <= 1n).toBe(true);
    expect(BigInt(byMiner[c].llama_tokens_wei)).toBe(llamaPool);

    // Node a's bribe: 20 % to s1 and s2 in the ratio 55,000 × 7 days : 11,000 × 3.5 days = 10 : 1.
    const tokensA = waifuOf(a);
    expect(byMiner[a].bribe_bps).toBe(2_000);
    expect(BigInt(byMiner[a].stakers_wei)).toBe((tokensA * 2_000n) / 10_000n);
    expect(BigInt(byMiner[a].operator_wei)).toBe(tokensA - (tokensA * 2_000n) / 10_000n);
    const stakers = (await db().query("SELECT staker, weight::text, tokens_wei::text FROM epoch_staker_rewards WHERE epoch = $1 ORDER BY staker", [E])).rows;
    expect(stakers.map((s) => s.staker)).toEqual([s1, s2]);
    expect(BigInt(stakers[0].weight)).toBe(10n * BigInt(stakers[1].weight));
    expect(BigInt(stakers[0].tokens_wei) + BigInt(stakers[1].tokens_wei)).toBe(BigInt(byMiner[a].stakers_wei));
    expect(BigInt(byMiner[b].stakers_wei)).toBe(0n); // no bribe: the operator keeps all

    const grants = (await db().query("SELECT recipient, role, amount_wei::text, vest_start, vest_end FROM esheu_grants WHERE epoch = $1 ORDER BY role, recipient", [E])).rows;
    const grantOf = (recipient: string, role: string) => BigInt(grants.find((g) => g.recipient === recipient && g.role === role)!.amount_wei);
    expect(grantOf(w1, "miner")).toBe(BigInt(byMiner[a].operator_wei) + BigInt(byMiner[b].operator_wei));
    expect(grantOf(s1, "staker")).toBe(BigInt(stakers[0].tokens_wei));
    expect(grants.reduce((n, g) => n + BigInt(g.amount_wei), 0n)).toBe(waifuPool + llamaPool);
    expect(grants[0].vest_start.toISOString()).toBe(epochStart(E + 1).toISOString());
    expect(grants[0].vest_end.getTime() - grants[0].vest_start.getTime()).toBe(365 * 86_400_000);
  });

  test("its grants become one Merkle tree: a leaf per recipient worth all its roles, adding up to the grants to the wei, each proof leading to the root", async () => {
    const root = (await db().query("SELECT root, total_wei::text, leaves, vest_start FROM reward_roots WHERE epoch = $1", [E])).rows[0];
    const leaves = (await db().query("SELECT account, amount_wei::text, proof FROM reward_leaves WHERE epoch = $1 ORDER BY account", [E])).rows;
    const grants = (await db().query("SELECT recipient, sum(amount_wei)::text AS wei FROM esheu_grants WHERE epoch = $1 GROUP BY 1 ORDER BY 1", [E])).rows;
    expect(leaves.map((l) => [l.account, l.amount_wei])).toEqual(grants.map((g) => [g.recipient, g.wei]));
    expect(BigInt(root.total_wei)).toBe(grants.reduce((n, g) => n + BigInt(g.wei), 0n));
    expect(root.leaves).toBe(leaves.length);
    expect(root.vest_start.toISOString()).toBe(epochStart(E + 1).toISOString());
    // Checked with viem, not with the library that built the tree: the contract's rule.
    const hashPair = (a: Hex, b: Hex) => keccak256(concat(a < b ? [a, b] : [b, a]));
    for (const l of leaves) {
      const leaf = keccak256(keccak256(encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [l.account, BigInt(l.amount_wei)])));
      expect((l.proof as Hex[]).reduce(hashPair, leaf), l.account).toBe(root.root);
      // Another amount has no path to the root.
      const other = keccak256(keccak256(encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [l.account, BigInt(l.amount_wei) + 1n])));
      expect((l.proof as Hex[]).reduce(hashPair, other)).not.toBe(root.root);
    }
  });

  test("an epoch settled before trees existed gets the same tree from its grants", async () => {
    const before = (await db().query("SELECT root FROM reward_roots WHERE epoch = $1", [E])).rows[0].root;
    const client = await db().connect();
    try {
      // As a database migrated from before trees has it (the immutability triggers set aside).
      await client.query("SET session_replication_role = replica");
      await client.query("DELETE FROM reward_leaves WHERE epoch = $1", [E]);
      await client.query("DELETE FROM reward_roots WHERE epoch = $1", [E]);
    } finally {
      await client.query("RESET session_replication_role");
      client.release();
    }
    expect(await storeMissingRewardTrees(db())).toContain(E);
    expect((await db().query("SELECT root FROM reward_roots WHERE epoch = $1", [E])).rows[0].root).toBe(before);
    expect(await storeMissingRewardTrees(db())).toEqual([]);
  });

  test("settled rows never change, and epochs settle once and in order", async () => {
    await expect(db().query("UPDATE epochs SET miner_count = 0 WHERE number = $1", [E])).rejects.toThrow(/immutable once settled/);
    await expect(db().query("DELETE FROM epoch_miner_rewards WHERE epoch = $1", [E])).rejects.toThrow(/immutable once settled/);
    await expect(db().query("UPDATE reward_leaves SET amount_wei = amount_wei + 1 WHERE epoch = $1", [E])).rejects.toThrow(/immutable once settled/);
    await expect(db().query("DELETE FROM reward_roots WHERE epoch = $1", [E])).rejects.toThrow(/immutable once settled/);
    const later = new Date(epochStart(E + 3).getTime() + 1_000);
    await expect(settleEpoch(db(), E, later)).rejects.toThrow(/already settled/);
    await expect(settleEpoch(db(), E + 2, later)).rejects.toThrow(new RegExp(`Epoch ${E + 1} must be settled before`));
    await expect(settleEpoch(db(), E + 5, later)).rejects.toBeInstanceOf(AppError); // not ended yet
  });

  test("a job reported after its epoch was settled counts in the next settlement, as late", async () => {
    const lateMiner = `${randomWallet()}-late`;
    await ingest([imageJob({ miner_id: lateMiner, completed_at: at(4).toISOString() })]);
    await settleEpoch(db(), E + 1, new Date(epochStart(E + 2).getTime() + 1_000));
    const next = (await db().query("SELECT late_points_micro::text FROM epochs WHERE number = $1", [E + 1])).rows[0];
    expect(BigInt(next.late_points_micro)).toBeGreaterThanOrEqual(6_000_000n);
    const row = (await db().query("SELECT waifu_points_micro::text FROM epoch_miner_rewards WHERE epoch = $1 AND miner_id = $2", [E + 1, lateMiner])).rows[0];
    expect(row.waifu_points_micro).toBe("6000000");
    expect((await db().query("SELECT count(*)::int AS n FROM epoch_miner_rewards WHERE miner_id = $1", [lateMiner])).rows[0].n).toBe(1);
  });
});

describe("the market's yield against what a staker was really paid", () => {
  test("each position's estimated HEU per epoch, at the settled epoch's rate, is within 1 % of its grant; esHEU weighs 1.25× in the split", async () => {
    // Epoch E+2: node d with 60,000 HEU from s3 and 20,000 esHEU from s4 all week, a 25 % bribe; jobs spread over the week.
    // The multiplier counts 80,000 stHEU; the bribe split weighs 60,000 + 20,000 × 1.25 = 85,000.
    const E2 = E + 2;
    const at2 = (days: number) => new Date(epochStart(E2).getTime() + days * 86_400_000);
    const d = `${randomWallet()}-d`;
    const [s3, s4] = ["0x0000000000000000000000000000000000000053", "0x0000000000000000000000000000000000000054"];
    await stakeOn(d, 60_000, at2(-2), s3);
    await stakeOn(d, 20_000, at2(-2), s4, TOKEN_ESHEU);
    await applyFakeChainEvents([
      {
        event: { name: "BribeSet", minerId: d, operator: d.split("-")[0]!, bps: 2_500, effectiveEpoch: BigInt(E2), effectiveAt: BigInt(epochStart(E2).getTime() / 1000) },
        at: at2(-3),
      },
    ]);
    await ingest(Array.from({ length: 14 }, (_, i) => imageJob({ miner_id: d, completed_at: at2(0.25 + i * 0.5).toISOString() })));
    await settleEpoch(db(), E2, new Date(epochStart(E2 + 1).getTime() + 1_000));

    const epoch = (await db().query("SELECT * FROM epochs WHERE number = $1", [E2])).rows[0];
    const rate = settledRate({
      epoch: E2,
      waifuPoolWei: BigInt(epoch.waifu_pool_wei),
      llamaPoolWei: BigInt(epoch.llama_pool_wei),
      waifuPointsMicro: BigInt(epoch.waifu_points_micro),
      llamaPointsMicro: BigInt(epoch.llama_points_micro),
      settledAt: epoch.settled_at,
    });
    const node = (await db().query("SELECT waifu_points_micro::text, stakers_wei::text FROM epoch_miner_rewards WHERE epoch = $1 AND miner_id = $2", [E2, d])).rows[0];
    const paid = async (staker: string) =>
      BigInt((await db().query("SELECT tokens_wei::text FROM epoch_staker_rewards WHERE epoch = $1 AND staker = $2 AND miner_id = $3", [E2, staker, d])).rows[0].tokens_wei);
    const [heuPaid, esPaid] = [await paid(s3), await paid(s4)];
    // The stakers' cut, split 60,000 : 25,000 to the wei (the remainder unit to the larger remainder).
    expect(heuPaid + esPaid).toBe(BigInt(node.stakers_wei));
    expect(esPaid - (BigInt(node.stakers_wei) * 25_000n) / 85_000n).toBeGreaterThanOrEqual(0n);
    expect(esPaid - (BigInt(node.stakers_wei) * 25_000n) / 85_000n).toBeLessThanOrEqual(1n);

    const estimatePerEpoch = (positionSplitHeu: number) =>
      (positionHeuPerYear({ bribe: 0.25, recentPoints: Number(node.waifu_points_micro) / 1e6, windowDays: 7, splitStakeHeu: 85_000, positionSplitHeu, heuPerPoint: rate.waifu }) *
        7) /
      365;
    for (const [estimate, wei] of [
      [estimatePerEpoch(60_000), heuPaid],
      [estimatePerEpoch(20_000 * 1.25), esPaid],
    ] as const) {
      const paidHeu = Number(wei) / 1e18;
      expect(paidHeu).toBeGreaterThan(1); // a real payout, not a rounding residue
      expect(Math.abs(estimate - paidHeu) / paidHeu).toBeLessThan(0.01);
    }
  });
});

describe("epoch API", () => {
  const ctx = (epoch: string) => ({ params: Promise.resolve({ epoch }) });
  const get = (url: string) => new Request(`http://localhost${url}`);

  test("lists the open epoch first, then settled ones with their pools", async () => {
    const body = await (await listEpochs(get("/api/v1/epochs"))).json();
    expect(body.items[0]).toMatchObject({ status: "open", settledAt: null });
    const e = body.items.find((i: { epoch: number }) => i.epoch === E);
    expect(e).toMatchObject({ status: "settled", startsAt: start.toISOString(), waifuPoints: 19.5, llamaPoints: 1, waifuPool: "150000.195", llamaPool: "150000.2" });
  });

  test("one epoch, with its configuration and top miner IDs", async () => {
    const res = await getEpoch(get(`/api/v1/epochs/${E}`), ctx(String(E)));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.config).toMatchObject({ waifuBase: "150000", waifuPerPoint: "0.01", llamaPerPoint: "0.2", esHeuWeight: 1.25, effectiveEpoch: 0 });
    expect(body.topMiners[0].minerId).toBe(c); // 6 Waifu + all of the Llama pool
  });

  test("a wallet's rewards as miner and as staker add up to its grant", async () => {
    const mine = await (await getRewards(get(`/api/v1/epochs/${E}/rewards?wallet=${w1}`), ctx(String(E)))).json();
    expect(mine.asMiner.map((r: { minerId: string }) => r.minerId)).toEqual([a, b]);
    expect(mine.asMiner[0]).toMatchObject({ bribeBps: 2000, waifuPoints: 7.5 });
    const operator = mine.asMiner.reduce((n: number, r: { operatorTokens: string }) => n + Number(r.operatorTokens), 0);
    expect(Number(mine.total)).toBeCloseTo(operator, 6);
    const staker = await (await getRewards(get(`/api/v1/epochs/${E}/rewards?wallet=${s2}`), ctx(String(E)))).json();
    expect(staker.asMiner).toEqual([]);
    expect(staker.asStaker).toHaveLength(1);
    expect(staker.total).toBe(staker.asStaker[0].tokens);
  });

  test("bad or unknown epochs and wallets get clear 4xx errors", async () => {
    expect((await getEpoch(get("/api/v1/epochs/-1"), ctx("-1"))).status).toBe(400);
    expect((await getEpoch(get("/api/v1/epochs/x"), ctx("x"))).status).toBe(400);
    const future = await getEpoch(get("/api/v1/epochs/99999"), ctx("99999"));
    expect(future.status).toBe(404);
    expect((await future.json()).error.message).toMatch(/has not begun/);
    const bad = await getRewards(get(`/api/v1/epochs/${E}/rewards?wallet=nope`), ctx(String(E)));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe("wallet");
  });

  test("a wallet's history: esHEU per epoch, vesting over a year, and the same rows as CSV", async () => {
    const halfYear = new Date(epochStart(E + 1).getTime() + 182.5 * 86_400_000);
    const h = await walletRewardHistory(w1, halfYear);
    const row = h.epochs.find((e) => e.epoch === E)!;
    expect(Number(row.asMiner)).toBeGreaterThan(0);
    expect(row.asStaker).toBe("0");
    expect(Number(h.vesting.vested)).toBeCloseTo(Number(h.vesting.granted) / 2, 3);
    expect(BigInt(Math.round(Number(h.vesting.vested) + Number(h.vesting.unvested)))).toBe(BigInt(Math.round(Number(h.vesting.granted))));

    const res = await rewardsCsv(get(`/api/v1/wallets/${w1}/rewards.csv`), { params: Promise.resolve({ address: w1 }) });
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("epoch,week_start,esheu_as_miner,esheu_as_staker,esheu_total");
    expect(lines).toContain(`${E},${start.toISOString()},${row.asMiner},0,${row.total}`);
  });
});
