// Append-only ingestion and the folder (issue 13, decision 0024): a batch updates no shared row, the
// folder adds its deltas to every rollup at once, and `verify` holds before and after folding.
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { foldLag, foldOnce } from "@/lib/server/rollups/fold";
import { verifyAll } from "@/lib/server/verify/verify";
import { count, db, foldNow, imageJob, randomWallet, signedRequest } from "../support/fixtures";

async function ingest(jobs: unknown[]) {
  const res = await POST(signedRequest({ jobs }));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
}

const mismatches = async () => (await verifyAll(db())).filter((r) => r.mismatches > 0).map((r) => `${r.name}: ${r.examples.join("; ")}`);

const nodeOf = async (minerId: string) =>
  (
    await db().query(
      "SELECT hardware, first_seen_at, last_seen_at, total_waifu_micro::text AS waifu, latency_ms_sum::int AS lat, latency_count::int AS n FROM nodes WHERE miner_id = $1",
      [minerId],
    )
  ).rows[0];

describe("folding rollup deltas", () => {
  test("a batch updates no rollup; the folder adds it; verify is clean before and after (ledger = rollups + pending)", async () => {
    await foldNow();
    const miner = `${randomWallet()}-rig`;
    await ingest([imageJob({ miner_id: miner, completed_at: "2024-09-03T10:10:00Z" }), imageJob({ miner_id: miner, completed_at: "2024-09-03T11:20:00Z" })]);

    expect(await count("miner_hourly", "miner_id = $1", [miner])).toBe(0);
    expect((await nodeOf(miner)).waifu).toBe("0");
    const lag = await foldLag(db());
    expect(lag.pending).toBe(1);
    expect(await mismatches()).toEqual([]);

    expect(await foldOnce(db())).toEqual({ deltas: 1, entries: 2 });
    expect(await count("miner_hourly", "miner_id = $1", [miner])).toBe(2);
    expect((await nodeOf(miner)).waifu).toBe("12000000");
    expect((await foldLag(db())).pending).toBe(0);
    expect(await mismatches()).toEqual([]);
  });

  test("a fold that fails leaves its deltas pending and every rollup untouched", async () => {
    await foldNow();
    const miner = `${randomWallet()}-rig`;
    await ingest([imageJob({ miner_id: miner })]);
    // The last of the fold's writes fails for this miner only (a stand-in for a crash mid-fold).
    await db().query(`CREATE OR REPLACE FUNCTION fail_for_miner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.miner_id = '${miner}' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`);
    await db().query("CREATE TRIGGER fail_fold BEFORE INSERT ON epoch_miner_points FOR EACH ROW EXECUTE FUNCTION fail_for_miner()");
    try {
      await expect(foldOnce(db())).rejects.toThrow(/simulated failure/);
      expect((await foldLag(db())).pending).toBe(1);
      expect(await count("miner_hourly", "miner_id = $1", [miner])).toBe(0);
      expect((await nodeOf(miner)).waifu).toBe("0");
    } finally {
      await db().query("DROP TRIGGER fail_fold ON epoch_miner_points");
    }
    await foldNow();
    expect((await nodeOf(miner)).waifu).toBe("6000000");
    expect(await count("epoch_miner_points", "miner_id = $1", [miner])).toBe(1);
  });

  test("folded in either order, a node ends with the same hardware, first and last seen, and mean latency", async () => {
    const a = `${randomWallet()}-rig`;
    const b = `${randomWallet()}-rig`;
    const later = (m: string) => imageJob({ miner_id: m, completed_at: "2024-09-04T12:00:00Z", hardware: "NVIDIA GeForce RTX 4090", inference_latency: 4 });
    const earlier = (m: string) => imageJob({ miner_id: m, completed_at: "2024-09-04T08:00:00Z", hardware: "NVIDIA GeForce RTX 3090", inference_latency: 6 });
    // Node a's batches arrive later-first, node b's earlier-first; each batch is folded before the next.
    await foldNow();
    await ingest([later(a)]);
    await ingest([earlier(b)]);
    await foldNow();
    await ingest([earlier(a)]);
    await ingest([later(b)]);
    await foldNow();
    const [na, nb] = [await nodeOf(a), await nodeOf(b)];
    expect(na).toEqual({ ...nb, hardware: "NVIDIA GeForce RTX 4090" });
    expect(na.first_seen_at.toISOString()).toBe("2024-09-04T08:00:00.000Z");
    expect(na.last_seen_at.toISOString()).toBe("2024-09-04T12:00:00.000Z");
    expect(na.lat / na.n).toBe(5000);
  });
});
