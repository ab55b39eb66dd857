// queryTyped (lib/server/typed-pg.ts) runs a TypedSQL query on a pg connection: its rows are what
// Prisma's $queryRawTyped returns for the same query, and a query whose columns pg would return
// differently (bigint, numeric) does not compile.
import { afterAll, beforeAll, expect, test } from "vitest";
import { clientOn } from "@/lib/server/db";
import { minerNode, opsState } from "@/lib/server/generated/prisma/sql";
import { queryTyped } from "@/lib/server/typed-pg";
import { db } from "../support/fixtures";

const WORKER = "typed-pg-test";
beforeAll(async () => {
  await db().query("INSERT INTO worker_heartbeat (worker_id, hostname, pid, started_at, beat_at) VALUES ($1, 'typed-pg', 7, '2026-12-01T00:00:00Z', '2026-12-01T00:00:05Z')", [
    WORKER,
  ]);
});
afterAll(async () => {
  await db().query("DELETE FROM worker_heartbeat WHERE worker_id = $1", [WORKER]);
});

test("a query's rows through pg equal its rows through Prisma: text, int, timestamps, JSON and nulls", async () => {
  const q = opsState(["24h", "7d"], new Date("2026-12-01T00:00:00Z"));
  const viaPg = await queryTyped(db(), q);
  const viaPrisma = await clientOn(db()).$queryRawTyped(q);
  expect(viaPg).toEqual(viaPrisma);
  expect(viaPg[0]!.worker_beat_at).toEqual(new Date("2026-12-01T00:00:05Z"));
  expect(viaPg[0]!.live_workers).toBe(1);
  expect(viaPg[0]!.market_built_at).toBeNull();

  const client = await db().connect();
  try {
    await client.query("BEGIN READ ONLY");
    expect(await queryTyped(client, q)).toEqual(viaPrisma);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
});

test("a bigint column comes back as text from pg and as bigint from Prisma, so such a query does not compile for pg", async () => {
  const miner = "typed-pg-miner";
  const wallet = "0x" + "7".repeat(40);
  await db().query("INSERT INTO wallets (address, first_seen_at) VALUES ($1, now())", [wallet]);
  await db().query("INSERT INTO nodes (miner_id, wallet, first_seen_at, last_seen_at, total_waifu_micro) VALUES ($1, $2, now(), now(), 9007199254740993)", [
    miner,
    "0x" + "7".repeat(40),
  ]);
  try {
    const [viaPrisma] = await clientOn(db()).$queryRawTyped(minerNode(miner));
    expect(viaPrisma!.total_waifu_micro).toBe(9007199254740993n);
    // @ts-expect-error minerNode's total_waifu_micro is bigint through Prisma and a string through pg.
    const [viaPg] = await queryTyped(db(), minerNode(miner));
    expect((viaPg as { total_waifu_micro: unknown }).total_waifu_micro).toBe("9007199254740993");
  } finally {
    await db().query("DELETE FROM nodes WHERE miner_id = $1", [miner]);
    await db().query("DELETE FROM wallets WHERE address = $1", [wallet]);
  }
});
