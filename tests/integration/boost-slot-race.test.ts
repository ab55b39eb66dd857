// Boost-slot race (issue 9): two batches posted at once, each bringing a new GPU of the same wallet
// whose one NFT leaves a single free slot, could both read `nodes` before either committed and both
// give their GPU the slot: four boosted GPUs on three slots. Batches now lock NFT wallets in a
// fixed order, and `verify` checks that no wallet ever had more boosted GPUs than its slots.
import { expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { checkBoostSlots, verifyAll } from "@/lib/server/verify/verify";
import { db, giveNfts, imageJob, randomWallet, signedRequest } from "../support/fixtures";

const BOOST_CHECK = "boost slots (boosted GPUs ≤ 3 × NFTs)";
const ROUNDS = 12;

async function ingest(jobs: unknown[]): Promise<void> {
  const res = await POST(signedRequest({ jobs }));
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
}

async function boostedGpus(wallet: string): Promise<number> {
  const { rows } = await db().query<{ n: number }>("SELECT count(DISTINCT miner_id)::int AS n FROM ledger_entries WHERE wallet = $1 AND nft_multiplier_ppm > 1000000", [wallet]);
  return rows[0]!.n;
}

test(`${ROUNDS} rounds of two concurrent batches, each with a new GPU of a 1-NFT wallet holding 2 GPUs: never more than 3 boosted GPUs`, async () => {
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const wallets = Array.from({ length: ROUNDS }, () => randomWallet());
  for (const w of wallets) {
    await giveNfts(w, 1, new Date(now - 86_400_000));
    await ingest([imageJob({ miner_id: `${w}-a`, completed_at: at(30) }), imageJob({ miner_id: `${w}-b`, completed_at: at(29) })]);
  }
  // All rounds at once: 2 × ROUNDS batches in flight, so the old code's read-then-write races for real.
  await Promise.all(wallets.flatMap((w) => [ingest([imageJob({ miner_id: `${w}-c`, completed_at: at(10) })]), ingest([imageJob({ miner_id: `${w}-d`, completed_at: at(10) })])]));

  const boosted = await Promise.all(wallets.map(boostedGpus));
  expect(boosted).toEqual(wallets.map(() => 3));
  const check = (await verifyAll(db())).find((c) => c.name === BOOST_CHECK)!;
  expect(check.checked).toBeGreaterThanOrEqual(ROUNDS);
  expect(check.mismatches).toBe(0);
});

/** Resolves once `n` other sessions of this database wait on a lock; a deadline, not a sleep that hopes. */
async function untilWaitingOnLocks(n: number, exceptPid: number): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await db().query<{ wait_event: string }>(
      "SELECT wait_event FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1",
      [exceptPid],
    );
    if (rows.length >= n) return rows.map((r) => r.wait_event).sort();
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${n} sessions reached a lock wait`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test("two batches held at the same point of their transactions (a barrier): the second ranks after the first's new GPU is in", async () => {
  // The barrier: the table both batches append their rollup deltas to after ranking is locked by
  // the test, so on code that ranked without the wallet's lock both would read the ranking, then
  // both wait here, then both commit a boost.
  const w = randomWallet();
  await giveNfts(w, 1, new Date("2024-09-01T00:00:00Z"));
  await ingest([imageJob({ miner_id: `${w}-a`, completed_at: "2024-09-20T10:05:00Z" }), imageJob({ miner_id: `${w}-b`, completed_at: "2024-09-20T10:06:00Z" })]);
  expect(await boostedGpus(w)).toBe(2);

  const holder = await db().connect();
  let batches: Promise<PromiseSettledResult<void>[]> | undefined;
  try {
    await holder.query("BEGIN");
    const pid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    await holder.query("LOCK TABLE ingest_deltas IN SHARE MODE");
    batches = Promise.allSettled(["c", "d"].map((tag) => ingest([imageJob({ miner_id: `${w}-${tag}`, completed_at: "2024-09-20T10:30:00Z" })])));
    // Fixed code: one batch waits for the table, the other for the wallet's lock ("advisory").
    await untilWaitingOnLocks(2, pid);
  } finally {
    await holder.query("COMMIT");
    holder.release();
  }
  const settled = await batches!;
  expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled"]);
  expect(await boostedGpus(w)).toBe(3);
});

// Entries planted in a transaction that is rolled back: the ledger is append-only and shared by every test file.
type Planted = { assignments?: [at: string, tags: string[]][]; entries: [tag: string, minute: number, nfts: number][] };
const HOUR = "2024-09-03T10";
const boost = (nfts: number) => (nfts === 1 ? 1_100_000 : 1_150_000);

async function boostCheckOf(w: string, plant: Planted) {
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    const before = await checkBoostSlots(client);
    for (const [at, tags] of plant.assignments ?? []) {
      await client.query("INSERT INTO boost_assignments (wallet, miner_ids, effective_from) VALUES ($1, $2, $3)", [w, tags.map((t) => `${w}-${t}`), at]);
    }
    for (const [i, [tag, minute, nfts]] of plant.entries.entries()) {
      await client.query(
        `INSERT INTO ledger_entries (kind, job_id, miner_id, wallet, point_type, occurred_at, schedule_id, model_id, base_micro,
                                     model_multiplier_ppm, nft_multiplier_ppm, stake_multiplier_ppm, nft_count, stake_heu, points_micro)
         VALUES ('job', $1, $2, $3, 'waifu', $4, 'testnet-2024-09', 'SDXL', 6000000, 1000000, $5, 1000000, $6, 0, $7)`,
        [`planted-${w}-${i}`, `${w}-${tag}`, w, `${HOUR}:${String(minute).padStart(2, "0")}:00Z`, boost(nfts), nfts, 6 * boost(nfts)],
      );
    }
    const after = await checkBoostSlots(client);
    expect(after.name).toBe(BOOST_CHECK);
    return { added: after.mismatches - before.mismatches, examples: after.examples.filter((e) => e.startsWith(w)).map((e) => e.slice(w.length + 1)) };
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

const SIX = ["a", "b", "c", "d", "e", "f"];
test.each<[string, Planted, string[]]>([
  ["4 GPUs boosted in one hour on 1 NFT", { entries: ["a", "b", "c", "d"].map((t, i) => [t, i, 1]) }, ["2024-09-03T10:00Z: 4 boosted GPUs with 1 NFT(s), 3 slots"]],
  [
    "6 GPUs on 2 NFTs, then one NFT sold: the first 3 keep the boost",
    { entries: [...SIX.map((t, i) => [t, i, 2] as [string, number, number]), ["a", 40, 1], ["b", 41, 1], ["c", 42, 1]] },
    [],
  ],
  [
    "down to 1 NFT, 4 GPUs boosted on it in an hour that had 2 (5 GPUs in the hour: its largest count, 6 slots, would hide it)",
    { entries: [...SIX.slice(0, 5).map((t, i) => [t, i, 2] as [string, number, number]), ["a", 40, 1], ["b", 41, 1], ["c", 42, 1], ["d", 43, 1]] },
    ["2024-09-03T10:00Z: 4 boosted GPUs with 1 NFT(s), 3 slots"],
  ],
  [
    "the owner moves the slots at 10:30: three GPUs before, three others after",
    {
      assignments: [["2024-09-03T10:30:00Z", ["d", "e", "f"]]],
      entries: [
        ["a", 0, 1],
        ["b", 1, 1],
        ["c", 2, 1],
        ["d", 31, 1],
        ["e", 32, 1],
        ["f", 33, 1],
      ],
    },
    [],
  ],
  [
    "4 boosted GPUs after the owner's move, in the hour of the move",
    {
      assignments: [["2024-09-03T10:30:00Z", ["d", "e", "f"]]],
      entries: [
        ["a", 0, 1],
        ["b", 1, 1],
        ["c", 2, 1],
        ["d", 31, 1],
        ["e", 32, 1],
        ["f", 33, 1],
        ["g", 34, 1],
      ],
    },
    ["2024-09-03T10:00Z: 4 boosted GPUs with 1 NFT(s), 3 slots (as assigned from 2024-09-03T10:30:00Z)"],
  ],
])("verify's boost-slot check: %s", async (_name, plant, expected) => {
  const w = randomWallet();
  const { added, examples } = await boostCheckOf(w, plant);
  expect(examples).toEqual(expected);
  expect(added).toBe(expected.length);
});
