// Issue 9, item 5: the admin flags scan took 11.8 s / 25.4 s / 156 s for 1 h / 24 h / 7 d and held
// connections that long. It now reads only its window (a BRIN index on jobs.completed_at), lockstep
// at most the last 24 h, implausible jobs through a partial index, all on one connection, and
// refuses windows over 7 days. On a scratch database of simulator jobs (FLAGS_SCAN_JOBS, default
// 100,000 over 7 days) the plans are checked and the timings printed, never asserted.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as flagsRoute } from "@/app/api/v1/admin/flags/route";
import type { JobInput } from "@/lib/schemas/jobs";
import { busiestSeconds, floorCounts, implausibleStats, latencyStats, lockstepStats, scanFlags } from "@/lib/server/admin/flags";
import { applyMigrations } from "../../prisma/migrate";
import { CSV_FIELDS } from "../../scripts/cli/file-records";
import { createNetwork } from "../../scripts/simulator/network";
import { admin, adminRequest, signInCookie } from "./admin-session";

vi.hoisted(() => {
  process.env.ADMIN_ADDRESSES = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
});

const JOBS = Number(process.env.FLAGS_SCAN_JOBS ?? 100_000);
const DAY = 86_400_000;
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const scratchName = `heurist_flags_scan_${process.pid}_${Date.now()}`;
const serverUrl = (name: string) => Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
let scratch: pg.Pool;

// Every field of POST /api/v1/jobs, in the order of the casts below.
async function insertJobs(db: pg.Pool, jobs: JobInput[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 5_000) {
    const chunk = jobs.slice(i, i + 5_000);
    await db.query(
      `INSERT INTO jobs (${CSV_FIELDS.join(", ")}, content_hash)
       SELECT *, '' FROM unnest($1::text[], $2::text[], $3::text[], $4::"JobStatus"[], $5::timestamptz[], $6::text[], $7::numeric[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[])`,
      CSV_FIELDS.map((c) => chunk.map((j) => j[c] ?? null)),
    );
  }
}

beforeAll(async () => {
  const server = new pg.Client(serverUrl("postgres"));
  await server.connect();
  await server.query(`CREATE DATABASE ${scratchName}`);
  await server.end();
  await applyMigrations(serverUrl(scratchName));
  scratch = new pg.Pool({ connectionString: serverUrl(scratchName), max: 1 });
  // Appended in completion order, as the router reports them.
  const jobs = [...createNetwork({ scale: 0.05 }).generateJobs({ count: JOBS, from: new Date(now.getTime() - 7 * DAY), to: now, seed: 5 })];
  jobs.sort((a, b) => a.completed_at.localeCompare(b.completed_at));
  await insertJobs(scratch, jobs);
  await scratch.query("VACUUM ANALYZE jobs");
});

afterAll(async () => {
  await scratch?.end();
  const server = new pg.Client(serverUrl("postgres"));
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
  await server.end();
});

/** A client that answers every query with its plan (EXPLAIN) instead of rows. */
function planRecorder(db: pg.Pool) {
  const plans: string[] = [];
  const client = {
    async query(sql: string, params: unknown[]) {
      const res = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      plans.push(JSON.stringify(res.rows[0]["QUERY PLAN"]));
      return { rows: [] };
    },
  } as unknown as pg.PoolClient;
  return { client, plans };
}

describe("the flags scan on a scratch database", () => {
  test("each query of a 1 h window reads its jobs through the BRIN index, never the whole table", async () => {
    const { client, plans } = planRecorder(scratch);
    const w = { from: new Date(now.getTime() - 3_600_000), to: now };
    await lockstepStats(client, w);
    await busiestSeconds(client, w, ["0x0000000000000000000000000000000000000001"]);
    await latencyStats(client, w);
    await floorCounts(client, w);
    expect(plans).toHaveLength(4);
    for (const plan of plans) {
      expect(plan).toContain('"Index Name":"jobs_completed_at_idx"');
      expect(plan).not.toMatch(/"Node Type":"(Parallel )?Seq Scan"[^}]*"Relation Name":"jobs"/);
    }
  });

  test("implausible jobs come from the partial index of their ledger entries", async () => {
    const index = await scratch.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'ledger_entries_implausible_idx'");
    expect(index.rows[0]?.indexdef).toMatch(/\(occurred_at\) WHERE \(zero_reason = 'implausible'::text\)/);
    await scratch.query("SET enable_seqscan = off"); // an empty ledger: ask whether the index applies at all
    try {
      const { client, plans } = planRecorder(scratch);
      await implausibleStats(client, { from: new Date(now.getTime() - 7 * DAY), to: now });
      // The ledger is partitioned by week (decision 0028): each week's part of the partial index.
      const parts = await scratch.query<{ name: string }>("SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'ledger_entries_implausible_idx'::regclass");
      const used = [...plans[0]!.matchAll(/"Index Name":"(ledger_entries[^"]*)"/g)].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((name) => !parts.rows.some((r) => r.name === name))).toEqual([]);
    } finally {
      await scratch.query("RESET enable_seqscan");
    }
  });

  test("lockstep looks at the last 24 h of a longer window; timings are printed", async () => {
    const lines: string[] = [];
    for (const hours of [1, 24, 168]) {
      const started = performance.now();
      const flags = await scanFlags(scratch, hours, now);
      lines.push(`${hours} h: ${Math.round(performance.now() - started)} ms`);
      expect(flags.lockstepFrom).toBe(new Date(now.getTime() - Math.min(hours, 24) * 3_600_000).toISOString());
      expect(flags.from).toBe(new Date(now.getTime() - hours * 3_600_000).toISOString());
    }
    console.log(`flags scan over ${JOBS.toLocaleString("en-US")} jobs in 7 days, one connection: ${lines.join(", ")}`);
  });
});

describe("GET /api/v1/admin/flags", () => {
  test.each(["169", "720", "100000"])("hours=%s (beyond 7 days) is a 400 naming the parameter", async (hours) => {
    const cookie = await signInCookie(admin);
    const res = await flagsRoute(adminRequest(`/api/v1/admin/flags?hours=${hours}`, { cookie }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "bad_request" });
    expect(body.error.details).toEqual([{ field: "hours", reason: expect.stringMatching(/168/) }]);
  });

  test("168 hours answers, with lockstep over the last 24", async () => {
    const cookie = await signInCookie(admin);
    const res = await flagsRoute(adminRequest("/api/v1/admin/flags?hours=168", { cookie }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Date.parse(body.to) - Date.parse(body.lockstepFrom)).toBe(24 * 3_600_000);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(168 * 3_600_000);
    expect(body.thresholds.lockstep.maxHours).toBe(24);
  });
});
