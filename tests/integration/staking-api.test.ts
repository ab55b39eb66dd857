// The staking read APIs on chain state written through the indexer's own apply code: the runtime
// chain config, a staker's positions and locks, a node's bribe history, and bribes on market rows.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getChain } from "@/app/api/v1/chain/route";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getBribes } from "@/app/api/v1/miners/[minerId]/bribes/route";
import { GET as getStaker } from "@/app/api/v1/stakers/[address]/route";
import { epochAtSec as epochAt, epochStartSec } from "@/lib/rewards/epoch";
import { TOKEN_ESHEU, TOKEN_HEU } from "@/lib/server/chain/events";
import { GET as getMarket } from "@/app/api/v1/market/route";
import type { MarketRow } from "@/lib/schemas/market";
import { rebuildMarketSnapshot } from "@/lib/server/market/snapshot";
import { getMarketNode } from "@/lib/server/queries/market";
import { applyFakeChainEvents, db, imageJob, randomWallet, signedRequest } from "../support/fixtures";

const E18 = 10n ** 18n;
const DAY = 86_400_000;
const now = Date.now();
const sec = (ms: number) => BigInt(Math.floor(ms / 1000));

async function staker(address: string) {
  const res = await getStaker(new Request(`http://localhost/api/v1/stakers/${address}`), { params: Promise.resolve({ address }) });
  return { status: res.status, body: await res.json() };
}

async function bribes(minerId: string) {
  const res = await getBribes(new Request(`http://localhost/api/v1/miners/${minerId}/bribes`), { params: Promise.resolve({ minerId }) });
  return { status: res.status, body: await res.json() };
}

describe("GET /api/v1/chain", () => {
  let saved: Record<string, unknown>[] = [];
  beforeAll(async () => {
    saved = (await db().query("SELECT * FROM chain_cursor")).rows;
    await db().query("DELETE FROM chain_cursor");
  });
  afterAll(async () => {
    await db().query("DELETE FROM chain_cursor");
    for (const r of saved) {
      await db().query("INSERT INTO chain_cursor (id, chain_id, contracts, block_number, block_hash, block_time, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        r.id,
        r.chain_id,
        r.contracts,
        r.block_number,
        r.block_hash,
        r.block_time,
        r.updated_at,
      ]);
    }
  });

  test("answers the runtime chain, RPC and contracts, and how far the indexer has read", async () => {
    const before = await (await getChain(new Request("http://localhost/api/v1/chain"))).json();
    // No *_ADDRESS variables in this environment: no contracts, nothing indexed.
    expect(before).toEqual({ chainId: 31337, rpcUrl: "http://127.0.0.1:8545", contracts: null, confirmations: 2, indexedBlock: null, indexedBlockTime: null, indexedAt: null });

    await db().query(
      "INSERT INTO chain_cursor (id, chain_id, contracts, block_number, block_hash, block_time, updated_at) VALUES ('main', 31337, 'x', 1234, '0xabc', '2026-11-20T10:00:00Z', '2026-11-20T10:00:03Z')",
    );
    const res = await getChain(new Request("http://localhost/api/v1/chain"));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ indexedBlock: 1234, indexedBlockTime: "2026-11-20T10:00:00.000Z", indexedAt: "2026-11-20T10:00:03.000Z" });
  });
});

describe("GET /api/v1/stakers/{address}", () => {
  const me = randomWallet();
  const other = randomWallet();
  const op = randomWallet();
  const [nodeA, nodeB, nodeC] = ["a", "b", "c"].map((t) => `${op}-${t}`) as [string, string, string];
  const lockBase = BigInt(now) * 1000n; // lock ids are global: keep clear of other files' fixtures

  beforeAll(async () => {
    await applyFakeChainEvents([
      { event: { name: "Staked", minerId: nodeA, staker: me, token: TOKEN_HEU, amount: 60_000n * E18 } },
      { event: { name: "Staked", minerId: nodeA, staker: me, token: TOKEN_ESHEU, amount: 5_000n * E18 } },
      { event: { name: "Staked", minerId: nodeA, staker: other, token: TOKEN_HEU, amount: 40_000n * E18 } },
      { event: { name: "Staked", minerId: nodeB, staker: me, token: TOKEN_HEU, amount: 1_000n * E18 } },
      { event: { name: "StakeMoved", fromMinerId: nodeB, toMinerId: nodeC, staker: me, token: TOKEN_HEU, amount: 1_000n * E18 } },
      {
        event: { name: "Unstaked", minerId: nodeA, staker: me, token: TOKEN_HEU, amount: 2_000n * E18, lockId: lockBase + 1n, unlockAt: sec(now - DAY) },
        at: new Date(now - 31 * DAY),
      },
      {
        event: { name: "Unstaked", minerId: nodeA, staker: me, token: TOKEN_HEU, amount: 3_000n * E18, lockId: lockBase + 2n, unlockAt: sec(now - 2 * DAY) },
        at: new Date(now - 32 * DAY),
      },
      { event: { name: "Withdrawn", lockId: lockBase + 2n, staker: me, amount: 3_000n * E18 } },
      { event: { name: "Unstaked", minerId: nodeA, staker: me, token: TOKEN_HEU, amount: 5_000n * E18 + E18 / 2n, lockId: lockBase + 3n, unlockAt: sec(now + 30 * DAY) } },
      { event: { name: "Unstaked", minerId: nodeA, staker: me, token: TOKEN_ESHEU, amount: 1_000n * E18, lockId: 0n, unlockAt: 0n } }, // esHEU: no lock
    ]);
  });

  test("positions per node and token, locks with their status, totals in HEU and wei", async () => {
    const { status, body } = await staker(me.toUpperCase().replace("0X", "0x"));
    expect(status).toBe(200);
    expect(body.address).toBe(me);
    // HEU on A: 60,000 − 2,000 − 3,000 − 5,000.5; esHEU on A: 5,000 − 1,000; B moved to C (B now 0: left out).
    expect(body.positions).toEqual([
      { minerId: nodeA, token: "HEU", amount: 49_999.5, amountWei: (49_999n * E18 + E18 / 2n).toString(), nodeStake: 93_999.5 },
      { minerId: nodeA, token: "esHEU", amount: 4_000, amountWei: (4_000n * E18).toString(), nodeStake: 93_999.5 },
      { minerId: nodeC, token: "HEU", amount: 1_000, amountWei: (1_000n * E18).toString(), nodeStake: 1_000 },
    ]);
    expect(body.locks.map((l: { lockId: string; status: string; amount: number }) => [l.lockId, l.status, l.amount])).toEqual([
      [(lockBase + 3n).toString(), "locked", 5_000.5],
      [(lockBase + 2n).toString(), "withdrawn", 3_000],
      [(lockBase + 1n).toString(), "unlocked", 2_000],
    ]);
    expect(body.locks[0]).toMatchObject({ minerId: nodeA, withdrawnAt: null, unlockAt: new Date(Number(sec(now + 30 * DAY)) * 1000).toISOString() });
    expect(body.locks[1].withdrawnAt).not.toBeNull();
    expect(body.totals).toEqual({
      staked: { amount: 54_999.5, amountWei: (54_999n * E18 + E18 / 2n).toString() },
      stakedHeu: { amount: 50_999.5, amountWei: (50_999n * E18 + E18 / 2n).toString() },
      stakedEsHeu: { amount: 4_000, amountWei: (4_000n * E18).toString() },
      locked: { amount: 5_000.5, amountWei: (5_000n * E18 + E18 / 2n).toString() },
      withdrawable: { amount: 2_000, amountWei: (2_000n * E18).toString() },
    });
  });

  test("an address that never staked has empty lists; a malformed one is a 400", async () => {
    const fresh = await staker(randomWallet());
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ positions: [], locks: [], totals: { staked: { amount: 0, amountWei: "0" } } });

    const bad = await staker("0x1234");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "bad_request", details: [{ field: "address", reason: expect.stringContaining("40 hex") }] });
  });
});

describe("bribes: GET /api/v1/miners/{minerId}/bribes and the market rows", () => {
  const op = randomWallet();
  const node = `${op}-bribed`;
  const quiet = `${op}-quiet`;
  const cur = epochAt(Math.floor(now / 1000));
  const E = (n: number) => epochStartSec(n) * 1000;
  const set = (bps: number, epoch: number, setAt: number) => ({
    event: { name: "BribeSet" as const, minerId: node, operator: op, bps, effectiveEpoch: BigInt(epoch), effectiveAt: BigInt(epochStartSec(epoch)) },
    at: new Date(setAt),
  });

  beforeAll(async () => {
    const res = await POST(
      signedRequest({
        jobs: [imageJob({ miner_id: node, completed_at: new Date(now - 60_000).toISOString() }), imageJob({ miner_id: quiet, completed_at: new Date(now - 60_000).toISOString() })],
      }),
    );
    expect(res.status).toBe(200);
    await applyFakeChainEvents([
      set(3000, cur - 3, E(cur - 3) - 2 * DAY), // in force three epochs ago: the bait
      set(1000, cur, E(cur) - DAY), // in force now: the first cut
      set(2000, cur + 1, Math.max(E(cur), now - 2_000)), // replaced before it applies
      set(500, cur + 1, Math.max(E(cur), now - 1_000)), // pending: cut again
      { event: { name: "Staked", minerId: node, staker: randomWallet(), token: TOKEN_HEU, amount: 55_000n * E18 } },
    ]);
  });

  test("history with statuses, the bribe in force and pending, and the recent cut", async () => {
    const { status, body } = await bribes(node.toUpperCase().replace("0X", "0x"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      minerId: node,
      operator: op,
      currentBps: 1000,
      currentSince: new Date(E(cur)).toISOString(),
      pending: { bps: 500, effectiveEpoch: cur + 1, effectiveAt: new Date(E(cur + 1)).toISOString() },
      recentCut: { fromBps: 3000, toBps: 500, effectiveAt: new Date(E(cur + 1)).toISOString(), pending: true },
    });
    expect(body.history.map((h: { bps: number; status: string; inForceFrom: string | null }) => [h.bps, h.status, h.inForceFrom])).toEqual([
      [500, "pending", new Date(E(cur + 1)).toISOString()],
      [2000, "superseded", null],
      [1000, "in_force", new Date(E(cur)).toISOString()],
      [3000, "superseded", new Date(E(cur - 3)).toISOString()],
    ]);
  });

  test("a node that never set a bribe has none; a malformed miner ID is a 400", async () => {
    expect((await bribes(quiet)).body).toMatchObject({ currentBps: null, pending: null, recentCut: null, history: [] });
    const bad = await bribes("not-a-miner");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("minerId");
  });

  test("the staking panel's live node and the market snapshot both carry the indexed stake, the bribe in force, the pending one and the cut", async () => {
    expect(await getMarketNode(node, new Date(now))).toMatchObject({
      stakeHeu: 55_000,
      bribe: 0.1,
      pendingBribe: { bribe: 0.05, effectiveAt: new Date(E(cur + 1)).toISOString() },
      recentCut: { from: 0.3, to: 0.05, pending: true, effectiveAt: new Date(E(cur + 1)).toISOString() },
    });
    expect(await getMarketNode(quiet, new Date(now))).toMatchObject({ stakeHeu: 0, bribe: null, pendingBribe: null, recentCut: null });
    await rebuildMarketSnapshot();
    const page = await (await getMarket(new Request(`http://localhost/api/v1/market?q=${op}`))).json();
    const byId = new Map<string, MarketRow>(page.items.map((n: MarketRow) => [n.minerId, n]));
    expect(byId.get(node)).toMatchObject({
      stake: { total: 55_000 },
      bribe: { bps: 1000, pending: { bps: 500, epoch: cur + 1 }, recentCut: { fromBps: 3000, toBps: 500, pending: true } },
    });
    expect(byId.get(quiet)).toMatchObject({ stake: { total: 0 }, bribe: { bps: null, pending: null, recentCut: null } });
    // The stake form's offline warning reads the same 24-hour availability as the market's column,
    // for the same window (the snapshot's, ending at a whole 5-minute bucket).
    const live = (await getMarketNode(node, new Date(page.windowEnd)))!.availability24h;
    const { ratio, onlineBuckets, buckets, source } = byId.get(node)!.availability["24h"];
    expect(buckets).toBeGreaterThan(0);
    expect(live).toMatchObject({ ratio, onlineBuckets, buckets, source });
  });
});
