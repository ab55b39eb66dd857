// Heartbeats (issue 10): the job router reports the miners it saw polling for work; availability
// is the share of 5-minute buckets with a heartbeat, whether or not a job came the node's way.
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/heartbeats/route";
import { availabilityOf } from "@/lib/server/heartbeats/availability";
import { count, db, randomWallet, signedRequest } from "../support/fixtures";

const URL = "http://localhost/api/v1/heartbeats";
const beat = (at: Date | string, minerIds: string[], opts: { secret?: string } = {}) =>
  POST(signedRequest({ at: typeof at === "string" ? at : at.toISOString(), minerIds }, { url: URL, ...opts }));

const HOUR = 3_600_000;
/** The start of a whole hour two hours ago: 12 buckets that are surely in the past. */
const hourStart = new Date(Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR);
const minute = (m: number) => new Date(hourStart.getTime() + m * 60_000);
/** Heartbeats as if the router had sent them for the last 30 days. */
const COVERED = new Date(Date.now() - 30 * 86_400_000);

describe("POST /api/v1/heartbeats", () => {
  test("a node seen in 6 of an hour's 12 buckets was available half the hour; one never seen, not at all", async () => {
    const seen = `${randomWallet()}-hb`;
    const never = `${randomWallet()}-idle`;
    for (const m of [0, 5, 10, 15, 20, 25]) expect((await beat(minute(m + 1), [seen])).status).toBe(200);
    const a = await availabilityOf([seen, never], hourStart, new Date(hourStart.getTime() + HOUR), COVERED);
    expect(a.get(seen)).toEqual({ buckets: 12, online: 6, heartbeatBuckets: 12, source: "heartbeats" });
    expect(a.get(never)).toMatchObject({ buckets: 12, online: 0 });
  });

  test("resending a heartbeat, or two in one bucket, changes nothing; one row per node and day", async () => {
    const m = `${randomWallet()}-dup`;
    const res = await beat(minute(31), [m, m.toUpperCase().replace("0X", "0x")]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bucketStart: minute(30).toISOString(), miners: 1 });
    await beat(minute(31), [m]);
    await beat(minute(33), [m]);
    expect(await count("node_heartbeats", "miner_id = $1", [m])).toBe(1);
    const a = await availabilityOf([m], hourStart, new Date(hourStart.getTime() + HOUR), COVERED);
    expect(a.get(m)!.online).toBe(1);
  });

  test("unsigned, wrongly signed, a bad miner ID, the future or older than a day: refused, nothing written", async () => {
    const m = `${randomWallet()}-bad`;
    const before = await count("node_heartbeats");
    const unsigned = await POST(
      new Request(URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ at: minute(1).toISOString(), minerIds: [m] }) }),
    );
    expect(unsigned.status).toBe(401);
    expect((await beat(minute(1), [m], { secret: "not-the-router-secret-000" })).status).toBe(401);
    const bad = await beat(minute(1), [m, "0x123-rig"]);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details).toContainEqual(expect.objectContaining({ field: "minerIds.1" }));
    expect((await beat(new Date(Date.now() + HOUR), [m])).status).toBe(422);
    expect((await beat(new Date(Date.now() - 25 * HOUR), [m])).status).toBe(422);
    expect(await count("node_heartbeats")).toBe(before);
  });

  test("a window across midnight counts each day's buckets", async () => {
    const m = `${randomWallet()}-night`;
    const midnight = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const from = new Date(midnight.getTime() - 10 * 60_000);
    await db().query(
      "INSERT INTO node_heartbeats (miner_id, day, buckets) VALUES ($1, $2::date, lpad('', 287, '0')::bit(287) || B'1'), ($1, $3::date, B'1' || lpad('', 287, '0')::bit(287))",
      [m, new Date(midnight.getTime() - 86_400_000).toISOString().slice(0, 10), midnight.toISOString().slice(0, 10)],
    );
    const a = await availabilityOf([m], from, new Date(midnight.getTime() + 10 * 60_000), COVERED);
    expect(a.get(m)).toMatchObject({ buckets: 4, online: 2 });
  });
});

describe("availability before the router's heartbeats began", () => {
  test("the first heartbeat sets where coverage starts, and an older one moves it earlier, never later", async () => {
    const { heartbeatsSince } = await import("@/lib/server/heartbeats/availability");
    const before = await heartbeatsSince();
    const m = `${randomWallet()}-cov`;
    await beat(minute(47), [m]);
    const after = (await heartbeatsSince())!;
    expect(after.getTime()).toBe(Math.min(before?.getTime() ?? Infinity, minute(45).getTime()));
    await beat(new Date(Date.now() - 60_000), [m]);
    expect(await heartbeatsSince()).toEqual(after);
  });

  test("hours with a received job count as available before coverage; heartbeats after it; the source says which", async () => {
    const m = `${randomWallet()}-fallback`;
    const day = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3 * 86_400_000);
    const h = (n: number) => new Date(day.getTime() + n * HOUR);
    // Rollup rows without ledger entries would fail verify for every other file: planted in a transaction that is rolled back.
    const client = await db().connect();
    try {
      await client.query("BEGIN");
      // Jobs received in hours 1 and 2 (hour 3 has a failed job: received, so available); heartbeats
      // began at 06:00 and saw the node in 3 buckets of hour 6.
      await client.query(`INSERT INTO miner_hourly (miner_id, hour, job_count, success_count) VALUES ($1, $2, 4, 4), ($1, $3, 1, 1), ($1, $4, 1, 0)`, [m, h(1), h(2), h(3)]);
      await client.query("INSERT INTO node_heartbeats (miner_id, day, buckets) VALUES ($1, $2::date, lpad('', 72, '0')::bit(72) || B'111' || lpad('', 213, '0')::bit(213))", [
        m,
        day.toISOString().slice(0, 10),
      ]);
      const a = await availabilityOf([m], h(0), h(8), h(6), client);
      expect(a.get(m)).toEqual({ buckets: 96, online: 3 * 12 + 3, heartbeatBuckets: 24, source: "mixed" });
      // A job in a covered hour is not availability: only heartbeats count there.
      await client.query(`INSERT INTO miner_hourly (miner_id, hour, job_count, success_count) VALUES ($1, $2, 1, 1)`, [m, h(7)]);
      expect((await availabilityOf([m], h(0), h(8), h(6), client)).get(m)!.online).toBe(39);
      expect((await availabilityOf([m], h(0), h(8), null, client)).get(m)).toEqual({ buckets: 96, online: 48, heartbeatBuckets: 0, source: "jobs" });
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
