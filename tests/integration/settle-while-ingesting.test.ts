// Settlement without stopping ingestion (issue 12, item 3; decision 0020): a batch commits while a
// settlement is in its transaction; a batch racing the close lands in the closed epoch or the next
// one's late points, never both or neither; the settlement buckets equal the ledger after slashes,
// reversals and rescores. Epochs settle once and in order across the whole database, so this file
// runs on a database of its own (the shared one's epochs belong to epochs-settle.test.ts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { epochOf, epochStart } from "@/lib/rewards";
import { createSlash } from "@/lib/server/admin/slash";
import { reverseSlash } from "@/lib/server/admin/reverse";
import { settleEpoch } from "@/lib/server/epochs/settle";
import { applyRescore } from "@/lib/server/rescore/apply";
import { rescoreReport } from "@/lib/server/rescore/rescore";
import { foldAll } from "@/lib/server/rollups/fold";
import { verifyAll } from "@/lib/server/verify/verify";
import { createOwnDatabase } from "../support/own-database";
import { imageJob, llmJob, randomWallet, signedRequest } from "../support/fixtures";

const S = epochOf(new Date("2025-02-12T00:00:00Z")); // 2025-02-07 → 2025-02-14
const DAY = 86_400_000;
const at = (epoch: number, days: number) => new Date(epochStart(epoch).getTime() + days * DAY);
const afterEnd = (epoch: number) => at(epoch + 1, 0.01);
let db: pg.Pool;

async function ingest(jobs: unknown[]): Promise<number> {
  return (await POST(signedRequest({ jobs }))).status;
}

/** Polls `check` until it holds; fails with `what` after the deadline (no fixed wait anywhere). */
async function until(what: string, check: () => Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Some backend of this database waits for a lock in a statement matching `like`. */
async function waitingOnLock(like: string): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1",
    [like],
  );
  return rows[0]!.n > 0;
}

async function holdLock(sql: string, params: unknown[] = []): Promise<pg.Client> {
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  await client.query("BEGIN");
  await client.query(sql, params);
  return client;
}

const micro = async (sql: string, params: unknown[] = []) => BigInt((await db.query<{ v: string | null }>(sql, params)).rows[0]?.v ?? "0");
const settledPoints = (epoch: number, minerId: string) =>
  micro("SELECT (waifu_points_micro + llama_points_micro)::text AS v FROM epoch_miner_rewards WHERE epoch = $1 AND miner_id = $2", [epoch, minerId]);
/** A bucket as settlement reads it: after folding what was pending (decision 0024). */
const bucket = async (epoch: number, minerId: string) =>
  (await foldAll(db), db)
    .query<{ points: string; late: string }>(
      "SELECT (waifu_micro + llama_micro)::text AS points, late_micro::text AS late FROM epoch_miner_points WHERE epoch = $1 AND miner_id = $2",
      [epoch, minerId],
    )
    .then((r) => r.rows[0] ?? null);

/** Every point of the ledger is in exactly one place: a settled epoch's rewards or a bucket still open. */
async function expectLedgerAccounted(): Promise<void> {
  await foldAll(db);
  const ledger = await micro("SELECT sum(points_micro)::text AS v FROM ledger_entries");
  const settled = await micro("SELECT sum(waifu_points_micro + llama_points_micro)::text AS v FROM epoch_miner_rewards");
  const open = await micro("SELECT sum(waifu_micro + llama_micro)::text AS v FROM epoch_miner_points WHERE epoch NOT IN (SELECT number FROM epochs)");
  expect(settled + open).toBe(ledger);
}

beforeAll(async () => {
  const url = await createOwnDatabase("heurist_settle");
  // Server code reads the environment on first use, which is after this.
  process.env.DATABASE_URL = url;
  db = new pg.Pool({ connectionString: url, max: 4 });
  expect(await ingest([imageJob({ miner_id: `${randomWallet()}-first`, completed_at: at(S, 1).toISOString() })])).toBe(200);
  expect((await db.query("SELECT count(*)::int AS n FROM ledger_entries")).rows[0].n).toBe(1); // the route writes here too
});

afterAll(async () => {
  await db?.end();
});

describe("settling while ingesting", () => {
  test("a batch commits while a settlement is inside its transaction, and its late job waits for the next settlement", async () => {
    const lateMiner = `${randomWallet()}-late`;
    const nowMiner = `${randomWallet()}-now`;
    // Hold the settlement at its last write (grants), after it read its points: nothing ingestion touches.
    const blocker = await holdLock("LOCK TABLE esheu_grants IN SHARE MODE");
    let finished = false;
    const settling = settleEpoch(db, S, afterEnd(S)).finally(() => (finished = true));
    try {
      await until("the settlement to reach its grants", () => waitingOnLock("INSERT INTO esheu_grants%"));
      let status: number | undefined;
      void ingest([imageJob({ miner_id: lateMiner, completed_at: at(S, 5).toISOString() }), imageJob({ miner_id: nowMiner, completed_at: at(S + 1, 0.5).toISOString() })]).then(
        (s) => (status = s),
      );
      // Either the batch answers, or it is seen waiting for a lock (as it did behind the old SHARE lock on the ledger).
      await until(
        "the batch to answer or to wait for a lock",
        async () => status !== undefined || (await waitingOnLock("INSERT INTO%ledger%")) || (await waitingOnLock("%pg_advisory_xact_lock_shared%")),
      );
      expect(status).toBe(200);
      expect(finished).toBe(false);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect((await settling).epoch).toBe(S);

    expect(await settledPoints(S, lateMiner)).toBe(0n);
    expect(await bucket(S + 1, lateMiner)).toEqual({ points: "6000000", late: "6000000" });
    expect(await bucket(S + 1, nowMiner)).toEqual({ points: "6000000", late: "0" });
    await expectLedgerAccounted();
  });

  test("a batch in flight at the close is in the closed epoch; one that arrives during the close is late in the next", async () => {
    const held = `${randomWallet()}-held`;
    const after = `${randomWallet()}-after`;
    expect(await ingest([imageJob({ miner_id: held, completed_at: at(S + 1, 1).toISOString() })])).toBe(200);
    // The rollup deltas' table locked: the next batch stops at its last insert, inside its transaction.
    const nodeLock = await holdLock("LOCK TABLE ingest_deltas IN SHARE MODE");
    let settling: Promise<unknown> | undefined;
    let first: Promise<number> | undefined;
    let second: Promise<number> | undefined;
    try {
      first = ingest([imageJob({ miner_id: held, completed_at: at(S + 1, 2).toISOString() })]);
      await until("the first batch to be in flight", () => waitingOnLock("INSERT INTO ingest_deltas%"));
      settling = settleEpoch(db, S + 1, afterEnd(S + 1));
      await until("the close to wait for the batch in flight", () => waitingOnLock("SELECT pg_advisory_xact_lock(%"));
      second = ingest([imageJob({ miner_id: after, completed_at: at(S + 1, 3).toISOString() })]);
      await until("the second batch to queue behind the close", () => waitingOnLock("%pg_advisory_xact_lock_shared%"));
    } finally {
      await nodeLock.query("ROLLBACK");
      await nodeLock.end();
    }
    expect(await first).toBe(200);
    expect(await second).toBe(200);
    await settling;

    expect(await settledPoints(S + 1, held)).toBe(12_000_000n); // both of its jobs: the second committed before the close
    expect(await settledPoints(S + 1, after)).toBe(0n);
    expect(await bucket(S + 2, after)).toEqual({ points: "6000000", late: "6000000" });
    const cutoff = (await db.query("SELECT ledger_cutoff::text AS c FROM epochs WHERE number = $1", [S + 1])).rows[0].c;
    const ids = await db.query<{ miner_id: string; max: string; min: string }>(
      "SELECT miner_id, max(id)::text AS max, min(id)::text AS min FROM ledger_entries WHERE miner_id = ANY($1) GROUP BY 1",
      [[held, after]],
    );
    const byMiner = Object.fromEntries(ids.rows.map((r) => [r.miner_id, r]));
    expect(BigInt(byMiner[held]!.max) <= BigInt(cutoff)).toBe(true);
    expect(BigInt(byMiner[after]!.min) > BigInt(cutoff)).toBe(true);
    await expectLedgerAccounted();
  });

  test("batches racing a settlement: each lands whole in the settled epoch or in the next one's late points", async () => {
    const E = S + 2;
    const miners = Array.from({ length: 12 }, (_, i) => `${randomWallet()}-race${i}`);
    const batch = (m: string) => Array.from({ length: 20 }, (_, j) => imageJob({ miner_id: m, completed_at: at(E, 1 + j * 0.2).toISOString() }));
    const posts = miners.slice(0, 4).map((m) => ingest(batch(m)));
    const settling = settleEpoch(db, E, afterEnd(E));
    posts.push(...miners.slice(4).map((m) => ingest(batch(m))));
    expect(await Promise.all(posts)).toEqual(miners.map(() => 200));
    await settling;

    const cutoff = BigInt((await db.query("SELECT ledger_cutoff::text AS c FROM epochs WHERE number = $1", [E])).rows[0].c);
    for (const m of miners) {
      const settled = await settledPoints(E, m);
      const next = await bucket(E + 1, m);
      const ids = (await db.query<{ min: string; max: string }>("SELECT min(id)::text AS min, max(id)::text AS max FROM ledger_entries WHERE miner_id = $1", [m])).rows[0]!;
      if (BigInt(ids.max) <= cutoff) {
        expect([settled, next]).toEqual([120_000_000n, null]);
      } else {
        expect(BigInt(ids.min) > cutoff).toBe(true);
        expect([settled, next]).toEqual([0n, { points: "120000000", late: "120000000" }]);
      }
    }
    await expectLedgerAccounted();
  });
});

describe("corrections", () => {
  test("slashes, a reversal and a rescore land in the open bucket; verify finds buckets = ledger, and names a bucket that drifts", async () => {
    const E = S + 3;
    const w = randomWallet();
    const [img, llm] = [`${w}-img`, `${w}-llm`];
    expect(await ingest([imageJob({ miner_id: img, completed_at: at(E, 1).toISOString() }), llmJob({ miner_id: llm, completed_at: at(E, 1.1).toISOString() })])).toBe(200);
    const now = at(E, 4);
    const slashBody = { from: at(E, 0), to: at(E, 2), fraction: 0.5, reason: "Duplicate outputs across devices (test)" };
    const first = await createSlash(w, { ...slashBody, minerId: img }, now);
    await reverseSlash(w, String(first.id), "Cleared on appeal (test)", now);
    await createSlash(w, { ...slashBody, minerId: img }, now);
    const report = await rescoreReport(db, { scheduleId: "testnet-2024-04", from: at(E, 0), to: at(E, 2) });
    expect(report.changed).toBeGreaterThan(0);
    await applyRescore(db, report, { actor: "cli:test", reason: "Re-priced under the April schedule (test)", now });

    const results = Object.fromEntries((await verifyAll(db)).map((r) => [r.name, r]));
    expect(results["epoch_miner_points (settlement buckets)"]).toMatchObject({ mismatches: 0 });
    expect(results["epoch_miner_points (settlement buckets)"]!.checked).toBeGreaterThan(0);
    for (const r of Object.values(results)) expect(r.mismatches, `${r.name}: ${r.examples.join("; ")}`).toBe(0);

    const adjustments = await micro("SELECT sum(points_micro)::text AS v FROM ledger_entries WHERE wallet = $1 AND kind <> 'job'", [w]);
    expect(adjustments).not.toBe(0n);
    await settleEpoch(db, E, afterEnd(E));
    const epoch = (await db.query("SELECT adjust_points_micro::text AS a FROM epochs WHERE number = $1", [E])).rows[0];
    expect(BigInt(epoch.a)).toBe(adjustments);
    const ledger = await micro("SELECT sum(points_micro)::text AS v FROM ledger_entries WHERE wallet = $1", [w]);
    expect((await settledPoints(E, img)) + (await settledPoints(E, llm))).toBe(ledger);

    await db.query("UPDATE epoch_miner_points SET waifu_micro = waifu_micro + 1 WHERE epoch = $1 AND miner_id = $2", [E, img]);
    const drifted = (await verifyAll(db)).find((r) => r.name === "epoch_miner_points (settlement buckets)")!;
    expect(drifted.mismatches).toBe(1);
    expect(drifted.examples[0]).toContain(img);
    await db.query("UPDATE epoch_miner_points SET waifu_micro = waifu_micro - 1 WHERE epoch = $1 AND miner_id = $2", [E, img]);
    await expectLedgerAccounted();
  });
});
