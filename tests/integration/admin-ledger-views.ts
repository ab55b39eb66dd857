// What the admin slash tests read and write around the routes: reports folded as the worker would,
// a miner's points in the ledger and in every rollup, and a clean verify.
import { expect } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { verifyAll } from "@/lib/server/verify/verify";
import { db, foldNow, signedRequest } from "../support/fixtures";

/** A route, then the fold of what it wrote (what the worker's folder does within a second, decision 0024). */
export const folded = async (res: Promise<Response>) => {
  const r = await res;
  await foldNow();
  return r;
};

export async function ingestJobs(jobs: unknown[]) {
  const res = await ingest(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
}

/** Micro-points of a miner's job entries in [from, to), per point type. */
export async function earnedIn(minerId: string, from: string, to: string): Promise<{ waifu: number; llama: number }> {
  const { rows } = await db().query(
    `SELECT coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0)::text AS waifu, coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0)::text AS llama
       FROM ledger_entries WHERE miner_id = $1 AND kind = 'job' AND occurred_at >= $2 AND occurred_at < $3`,
    [minerId, from, to],
  );
  return { waifu: Number(rows[0].waifu), llama: Number(rows[0].llama) };
}

/** What a miner's points look like in every place they are rolled up. */
export async function rollupsOf(minerId: string, wallet: string) {
  const q = async (sql: string, params: unknown[]) => (await db().query(sql, params)).rows[0];
  return {
    node: await q("SELECT total_waifu_micro::text AS waifu, total_llama_micro::text AS llama, image_count::int, text_count::int FROM nodes WHERE miner_id = $1", [minerId]),
    minerHourly: await q(
      "SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama, sum(job_count)::int AS jobs, sum(success_count)::int AS ok FROM miner_hourly WHERE miner_id = $1",
      [minerId],
    ),
    walletHourly: await q("SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama, sum(job_count)::int AS jobs FROM wallet_hourly WHERE wallet = $1", [wallet]),
    walletModelDaily: await q("SELECT sum(points_micro)::text AS points, sum(job_count)::int AS jobs FROM wallet_model_daily WHERE wallet = $1", [wallet]),
    hardwareHourly: await q("SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama FROM hardware_hourly", []),
  };
}

export async function expectVerifyClean() {
  const results = await verifyAll(db());
  expect(results.map((r) => [r.name, r.mismatches, r.examples])).toEqual(results.map((r) => [r.name, 0, []]));
}
