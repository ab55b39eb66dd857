// `verify` re-derives the ledger from the jobs and the rollups from the ledger: clean after real
// ingestion (including NFT and stake multipliers), and it names what is wrong after tampering.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { verifyAll } from "@/lib/server/verify/verify";
import { db, foldNow, giveNfts, imageJob, llmJob, randomWallet, signedRequest, stakeOn } from "../support/fixtures";

const wallet = randomWallet();
const miners = ["a", "b"].map((t) => `${wallet}-${t}`);

beforeAll(async () => {
  const noon = new Date("2024-09-10T12:00:00Z");
  await giveNfts(wallet, 1, noon);
  await stakeOn(miners[0]!, 60_000, noon);
  const jobs = [
    ...["2024-09-10T11:00:00Z", "2024-09-10T13:00:00Z", "2024-09-10T13:30:00Z"].map((t) => imageJob({ miner_id: miners[0], completed_at: t })),
    llmJob({ miner_id: miners[1], completed_at: "2024-09-10T14:00:00Z" }),
    imageJob({ miner_id: miners[1], completed_at: "2024-09-10T14:10:00Z", status: "failed" }),
    imageJob({ miner_id: miners[1], completed_at: "2024-09-10T14:20:00Z", inference_latency: 30 }),
  ];
  const res = await POST(signedRequest({ jobs }));
  expect(res.status).toBe(200);
  await foldNow(); // what the worker's folder does within a second (decision 0024)
});

const byName = (results: Awaited<ReturnType<typeof verifyAll>>) => Object.fromEntries(results.map((r) => [r.name, r]));

describe("verify", () => {
  test("passes on what ingestion wrote", async () => {
    const results = await verifyAll(db());
    expect(results.map((r) => [r.name, r.mismatches])).toEqual(results.map((r) => [r.name, 0]));
    expect(byName(results)["ledger_entries (re-priced from jobs)"]!.checked).toBeGreaterThanOrEqual(6);
  });

  test("names a rollup row that disagrees with the ledger, and the CLI exits 1", async () => {
    const hour = "2024-09-10T13:00:00Z";
    await db().query("UPDATE miner_hourly SET waifu_micro = waifu_micro + 1 WHERE miner_id = $1 AND hour = $2", [miners[0], hour]);
    try {
      const results = byName(await verifyAll(db()));
      expect(results["miner_hourly"]!.mismatches).toBe(1);
      expect(results["miner_hourly"]!.examples[0]).toContain(miners[0]);
      expect(results["wallet_hourly"]!.mismatches).toBe(0);

      const cli = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "verify"], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: process.env,
        encoding: "utf8",
      });
      expect(cli.status).toBe(1);
      expect(cli.stdout).toMatch(/FAIL miner_hourly/);
      expect(cli.stdout).toMatch(/ok +wallet_hourly/);
    } finally {
      await db().query("UPDATE miner_hourly SET waifu_micro = waifu_micro - 1 WHERE miner_id = $1 AND hour = $2", [miners[0], hour]);
    }
  });

  test("names a ledger entry whose points do not follow from its job and factors", async () => {
    // The ledger and the jobs refuse UPDATE; a job's stored shape can still drift under a session
    // that skips triggers (e.g. a bad manual fix by a superuser).
    const { rows } = await db().query("SELECT job_id FROM ledger_entries WHERE miner_id = $1 AND points_micro > 0 ORDER BY occurred_at LIMIT 1", [miners[0]]);
    const jobId = rows[0].job_id;
    await expect(db().query("UPDATE jobs SET num_iterations = num_iterations * 2 WHERE job_id = $1", [jobId])).rejects.toThrow(/jobs is append-only/);
    const repair = async (sql: string) => {
      const client = await db().connect();
      try {
        await client.query("BEGIN; SET LOCAL session_replication_role = replica");
        await client.query(sql, [jobId]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    };
    await repair("UPDATE jobs SET num_iterations = num_iterations * 2 WHERE job_id = $1");
    try {
      const ledger = byName(await verifyAll(db()))["ledger_entries (re-priced from jobs)"]!;
      expect(ledger.mismatches).toBe(1);
      expect(ledger.examples[0]).toMatch(new RegExp(`^${jobId}: ledger has`));
    } finally {
      await repair("UPDATE jobs SET num_iterations = num_iterations / 2 WHERE job_id = $1");
    }
  });
});
