// The typed SQL of prisma/sql/ (decision 0038): its committed descriptions match the queries and
// migrations, and what the describer infers about parameters and columns.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CACHE_FILE, cached, introspect, stopProbeDatabase } from "@/prisma/schema-engine-rpc";
import { describeQuery } from "@/prisma/sql-describe";

const dir = path.dirname(CACHE_FILE);
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await stopProbeDatabase();
});

async function sqlFiles() {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(files.map(async (f) => ({ name: f.slice(0, -4), source: await readFile(path.join(dir, f), "utf8"), fileName: f })));
}

test("prisma/sql/introspection.json describes every query as it is, against the migrations as they are", async () => {
  const queries = await sqlFiles();
  expect(queries.length).toBeGreaterThan(0);
  const { cache, stale } = await cached(queries);
  expect(
    stale.map((q) => q.name),
    "run `npm run db:generate` and commit prisma/sql/introspection.json",
  ).toEqual([]);
  expect(Object.keys(cache).sort()).toEqual(queries.map((q) => q.name));
  const fresh = await introspect(queries, { fresh: true });
  expect(fresh).toEqual(queries.map((q) => cache[q.name]!.result));
});

test("types and nullability: NOT NULL columns, LEFT JOINs, computed columns, annotations, enums and arrays", async () => {
  const source = `-- A probe.
-- @param {String} $1:wallet the owner
-- @param {Int}? $2:limit
-- @nonnull stake
SELECT n.miner_id, n.device_tag, n.total_waifu_micro, n.first_seen_at, s.stake_wei, coalesce(s.stake_wei, 0) AS stake,
       count(*) OVER () AS total, ARRAY[n.miner_id] AS ids, 'job'::"LedgerKind" AS kind
  FROM nodes n LEFT JOIN node_stakes s ON s.miner_id = n.miner_id WHERE n.wallet = $1 LIMIT $2`;
  const out = await describeQuery(client, { name: "probe", source, fileName: "probe.sql" });
  expect(out.documentation).toBe("A probe.");
  expect(out.parameters).toEqual([
    { name: "wallet", typ: "string", nullable: false, documentation: "the owner" },
    { name: "limit", typ: "bigint", nullable: true, documentation: null },
  ]);
  expect(out.resultColumns).toEqual([
    { name: "miner_id", typ: "string", nullable: false },
    { name: "device_tag", typ: "string", nullable: true },
    { name: "total_waifu_micro", typ: "bigint", nullable: false },
    { name: "first_seen_at", typ: "datetime", nullable: false },
    { name: "stake_wei", typ: "decimal", nullable: true },
    { name: "stake", typ: "decimal", nullable: false },
    { name: "total", typ: "bigint", nullable: true },
    { name: "ids", typ: "string-array", nullable: true },
    { name: "kind", typ: "LedgerKind", nullable: true },
  ]);
});

test("RIGHT and FULL joins are refused rather than described wrong", async () => {
  const source = "SELECT n.miner_id FROM node_stakes s RIGHT JOIN nodes n ON n.miner_id = s.miner_id";
  await expect(describeQuery(client, { name: "probe", source, fileName: "probe.sql" })).rejects.toThrow(/RIGHT and FULL/);
});
