// The open epoch, projected (issue 11, item 3): what the wallet and miner APIs say an open epoch is
// on course to grant equals what the real settlement grants when the epoch ends with no more jobs.
import type pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { GET as getMiner } from "@/app/api/v1/miners/[minerId]/route";
import { GET as getWallet } from "@/app/api/v1/wallets/[address]/route";
import { epochEnd, epochOf, epochStart } from "@/lib/rewards";
import type { OpenEpoch } from "@/lib/schemas/open-epoch";
import { settleDueEpochs } from "@/lib/server/epochs/settle";
import { getMinerOrThrow } from "@/lib/server/queries/miner";
import { minerOpenEpoch, walletOpenEpoch } from "@/lib/server/queries/open-epoch";
import { getWalletOrThrow } from "@/lib/server/queries/wallet";
import { TOKEN_ESHEU } from "@/lib/server/chain/events";
import { applyFakeChainEvents, db, foldNow, imageJob, llmJob, randomWallet, signedRequest, stakeOn } from "../support/fixtures";

const X = epochOf(new Date("2025-10-15T00:00:00Z")); // 2025-10-10 → 2025-10-17, used by no other test
const start = epochStart(X);
const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
const [w1, w2, s1] = [randomWallet(), randomWallet(), randomWallet()];
const [a, b, c] = [`${w1}-a`, `${w1}-b`, `${w2}-c`];
const wei = (v: { amountWei: string } | undefined) => BigInt(v?.amountWei ?? "0");

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
}

/**
 * Settlement runs on one connection whose outer transaction is rolled back after the test: its
 * BEGIN/COMMIT become savepoints. The integration database is shared by every file, and epochs
 * settle once and in order, so a committed settlement of epoch X would break other files'.
 */
function savepointPool(client: pg.PoolClient): pg.Pool {
  const tx: Record<string, string> = { BEGIN: "SAVEPOINT settle", COMMIT: "RELEASE SAVEPOINT settle", ROLLBACK: "ROLLBACK TO SAVEPOINT settle" };
  const query = (sql: string, params?: unknown[]) => client.query(tx[sql] ?? sql, params);
  return { connect: async () => ({ query, release: () => undefined }), query } as unknown as pg.Pool;
}

/** Settles epoch X (and any before it) on one connection, reads `read` there, then rolls it all back. */
async function settledThenRolledBack<T>(read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    await settleDueEpochs(savepointPool(client), new Date(epochEnd(X).getTime() + 1_000));
    return await read(client);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

beforeAll(async () => {
  // Node a: a 25 % bribe in force from before X; w2 stakes 20,000 HEU on it before X, s1 40,000 esHEU from day 2.
  await applyFakeChainEvents([
    { event: { name: "BribeSet", minerId: a, operator: w1, bps: 2_500, effectiveEpoch: BigInt(X), effectiveAt: BigInt(start.getTime() / 1000) }, at: at(-7) },
  ]);
  await stakeOn(a, 20_000, at(-1), w2);
  await stakeOn(a, 40_000, at(2), s1, TOKEN_ESHEU);
  await ingest([
    imageJob({ miner_id: a, completed_at: at(0.5).toISOString() }),
    imageJob({ miner_id: a, completed_at: at(2.5).toISOString(), width: 768, height: 768, num_iterations: 30 }),
    imageJob({ miner_id: b, completed_at: at(1).toISOString(), model_id: "Aurora" }),
    llmJob({ miner_id: b, completed_at: at(1.5).toISOString() }),
    imageJob({ miner_id: c, completed_at: at(3).toISOString() }),
    llmJob({ miner_id: c, completed_at: at(3.2).toISOString(), input_tokens: 5_000, output_tokens: 3_000 }),
  ]);
});

describe("the open epoch's projection against the settlement", () => {
  const now = at(4); // after every job and stake change; nothing happens from here to the end
  const projections = new Map<string, OpenEpoch>();

  test("read while the epoch is open: the wallet's points, the provisional pools and the time left", async () => {
    for (const w of [w1, w2, s1]) projections.set(w, (await walletOpenEpoch(w, now))!);
    const p = projections.get(w1)!;
    expect(p.epoch).toBe(X);
    expect(p.secondsLeft).toBe(3 * 86_400);
    expect(p.endsAt).toBe(epochEnd(X).toISOString());
    // a: 6 and 4.625 (768²@30), each × the stake multiplier of its 20,000 and then 60,000 stHEU; b: Aurora 1 × 0.3.
    expect(p.waifuPoints).toBeGreaterThan(6 + 4.625 + 0.3);
    expect(p.llamaPoints).toBe(1); // 2,000 tokens × 0.5
    expect(p.network.llamaPoints).toBe(1 + 4); // c: 8,000 tokens × 0.5
    expect(p.llamaShare).toBe(0.2);
    expect(p.bribedNodes.map((n) => n.minerId)).toEqual([a]);
    expect(wei(p.asMiner)).toBe(wei(p.tokens) - wei(p.toStakers));
    // The miner page's projection of node a carries the same bribe.
    const nodeA = (await minerOpenEpoch(a, now))!;
    expect(wei(nodeA.toStakers)).toBe(wei(p.bribedNodes[0]!.toStakers));
    expect(wei(nodeA.toStakers)).toBe((wei(nodeA.tokens) * 2_500n) / 10_000n);
  });

  test("equals the real settlement's grants, grant by grant, to within the rounding bound", async () => {
    const { rows, epoch } = await settledThenRolledBack(async (client) => ({
      rows: (
        await client.query<{ recipient: string; role: string; amount_wei: string }>(
          "SELECT recipient, role, amount_wei::text FROM esheu_grants WHERE epoch = $1 AND recipient = ANY($2::text[])",
          [X, [w1, w2, s1]],
        )
      ).rows,
      epoch: (await client.query("SELECT waifu_pool_wei::text AS w, llama_pool_wei::text AS l FROM epochs WHERE number = $1", [X])).rows[0],
    }));
    const grant = (who: string, role: string) => BigInt(rows.find((r) => r.recipient === who && r.role === role)?.amount_wei ?? "0");
    // Settlement splits each pool among every miner; the projection splits it between these points
    // and the rest of the network, so the leftover wei of each floor division may fall differently:
    // at most 1 wei per pool and miner ID, plus 1 where that wei moves a bribe's floor.
    const cases = [
      { who: w1, role: "miner", got: wei(projections.get(w1)!.asMiner), bound: 2n * 2n + 1n },
      { who: w2, role: "miner", got: wei(projections.get(w2)!.asMiner), bound: 2n },
      { who: w2, role: "staker", got: wei(projections.get(w2)!.asStaker), bound: 2n },
      { who: s1, role: "staker", got: wei(projections.get(s1)!.asStaker), bound: 2n },
    ];
    for (const { who, role, got, bound } of cases) {
      const paid = grant(who, role);
      expect(paid, `${role} grant of ${who}`).toBeGreaterThan(10n ** 18n); // a real payout: more than 1 esHEU
      const diff = got > paid ? got - paid : paid - got;
      expect(diff, `${role} grant of ${who}: projected ${got}, settled ${paid}`).toBeLessThanOrEqual(bound);
    }
    // The pools the projection showed are the pools settlement sized.
    expect(projections.get(w1)!.network.waifuPool.amountWei).toBe(epoch.w);
    expect(projections.get(w1)!.network.llamaPool.amountWei).toBe(epoch.l);
    // s1 staked esHEU from day 2: 40,000 × 1.25 (esHEU's weight) × 5 days against w2's 20,000 HEU × 7.
    const staker = projections.get(s1)!.stakedNodes![0]!;
    expect(staker.weightShare).toBeCloseTo((50_000 * 5) / (50_000 * 5 + 20_000 * 7), 9);
  });

  test("the wallet and miner reads carry the same projection", async () => {
    const wallet = await getWalletOrThrow(w1, { page: 1, pageSize: 10, sort: "totalWaifuPoints", order: "desc", days: 7 }, now);
    expect(wallet.openEpoch).toEqual(projections.get(w1));
    const miner = await getMinerOrThrow(a, { days: 7 }, now);
    expect(miner.openEpoch).toEqual(await minerOpenEpoch(a, now));
  });
});

describe("the open epoch in GET /api/v1/wallets/{address} and /api/v1/miners/{minerId}", () => {
  const wallet = randomWallet();
  const node = `${wallet}-now`;

  beforeAll(async () => {
    const now = Date.now();
    // A job in the epoch open now (never before its start, so it lands in it however close to Friday we are).
    const when = new Date(Math.max(now - 60_000, epochStart(epochOf(new Date(now))).getTime()));
    await ingest([imageJob({ miner_id: node, completed_at: when.toISOString() })]);
  });

  test("the open epoch's number, time left, points so far and the projected esHEU as wei and as a number", async () => {
    const res = await getWallet(new Request(`http://localhost/api/v1/wallets/${wallet}`), { params: Promise.resolve({ address: wallet }) });
    expect(res.status).toBe(200);
    const { openEpoch } = (await res.json()) as { openEpoch: OpenEpoch };
    expect(openEpoch.epoch).toBe(epochOf(new Date()));
    expect(openEpoch.waifuPoints).toBe(6);
    expect(openEpoch.secondsLeft).toBeGreaterThan(0);
    expect(openEpoch.secondsLeft).toBeLessThanOrEqual(7 * 86_400);
    expect(openEpoch.projected.amountWei).toMatch(/^\d+$/);
    expect(openEpoch.projected.amount).toBeCloseTo(Number(openEpoch.projected.amountWei) / 1e18, 6);
    // No bribe, no stake: the grant is the Waifu pool × this wallet's share of its points.
    const pool = BigInt(openEpoch.network.waifuPool.amountWei);
    const share = BigInt(Math.round(openEpoch.network.waifuPoints * 1e6));
    const expected = (pool * 6_000_000n) / share;
    expect(BigInt(openEpoch.projected.amountWei) - expected).toBeGreaterThanOrEqual(0n);
    expect(BigInt(openEpoch.projected.amountWei) - expected).toBeLessThanOrEqual(1n);

    const minerRes = await getMiner(new Request(`http://localhost/api/v1/miners/${node}`), { params: Promise.resolve({ minerId: node }) });
    const miner = (await minerRes.json()) as { openEpoch: OpenEpoch };
    expect(miner.openEpoch.projected.amountWei).toBe(openEpoch.projected.amountWei);
    expect(miner.openEpoch.asStaker).toBeUndefined();
  });

  test.each([
    ["a malformed wallet", "wallets", "0x12", 400, /address/],
    ["an unknown wallet", "wallets", randomWallet(), 404, /has reported a job/],
    ["a malformed miner ID", "miners", "not-a-miner", 400, /minerId/],
  ])("%s answers %i with a JSON error naming what is wrong", async (_what, kind, id, status, message) => {
    const handler = kind === "wallets" ? getWallet : getMiner;
    const params = Promise.resolve<Record<string, string>>({ [kind === "wallets" ? "address" : "minerId"]: id });
    const res = await (handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(new Request(`http://localhost/api/v1/${kind}/${id}`), {
      params,
    });
    expect(res.status).toBe(status);
    expect(JSON.stringify((await res.json()).error)).toMatch(message);
  });
});
