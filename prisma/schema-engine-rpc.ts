// What `prisma generate --sql` spawns as its schema engine (PRISMA_SCHEMA_ENGINE_BINARY, through
// the executable `schema-engine-rpc.sh` beside this file): the CLI speaks JSON-RPC over stdio to a
// native binary that cannot be downloaded here. This answers the one call TypedSQL makes,
// `introspectSql`, from prisma/sql/introspection.json when every query and migration is as it was
// described, and otherwise from a throwaway PostgreSQL migrated from prisma/migrations (never the
// configured database, which may be behind or ahead of the repository). Other methods are refused.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { startThrowawayPostgres } from "../scripts/lib/throwaway-postgres";
import { applyMigrations } from "./migrate";
import { listMigrations } from "./schema-engine";
import { describeQuery, type SqlQueryInput, type SqlQueryOutput } from "./sql-describe";

export const CACHE_FILE = path.resolve(import.meta.dirname ?? __dirname, "sql", "introspection.json");

type Cache = Record<string, { hash: string; result: SqlQueryOutput }>;

async function migrationsDigest(): Promise<string> {
  const list = await listMigrations();
  return createHash("sha256").update(JSON.stringify(list.migrationDirectories)).digest("hex");
}

/** The committed descriptions, and the queries whose description is missing or out of date. */
export async function cached(queries: SqlQueryInput[]) {
  const digest = await migrationsDigest();
  const hashOf = (q: SqlQueryInput) => createHash("sha256").update(digest).update(q.source).digest("hex");
  const cache: Cache = JSON.parse(await readFile(CACHE_FILE, "utf8").catch(() => "{}"));
  return { cache, hashOf, stale: queries.filter((q) => cache[q.name]?.hash !== hashOf(q)) };
}

let database: Promise<{ client: pg.Client; stop: () => void }> | undefined;
let stopServer: (() => void) | undefined;

/** The throwaway, migrated database queries are described against; started once, on first need. */
async function probeDatabase(): Promise<pg.Client> {
  database ??= (async () => {
    const db = await startThrowawayPostgres();
    stopServer = db.stop;
    try {
      await applyMigrations(db.url);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return { client, stop: db.stop };
    } catch (err) {
      db.stop();
      throw err;
    }
  })();
  return (await database).client;
}

/** Stops the database `introspect` started, if it did. */
export async function stopProbeDatabase(): Promise<void> {
  const db = await database?.catch(() => undefined);
  database = undefined;
  if (db) await db.client.end().finally(db.stop);
}

/** Describes `queries`, reusing the committed descriptions whose query and migrations are unchanged. */
export async function introspect(queries: SqlQueryInput[], opts: { fresh?: boolean } = {}): Promise<SqlQueryOutput[]> {
  const { cache, hashOf, stale: outdated } = await cached(queries);
  const stale = opts.fresh ? queries : outdated;
  if (stale.length > 0) {
    const client = await probeDatabase();
    for (const q of stale) cache[q.name] = { hash: hashOf(q), result: await describeQuery(client, q) };
  }
  const described = queries.map((q) => cache[q.name]!.result);
  if (opts.fresh) return described;
  // The CLI asks one query at a time: keep every entry whose .sql file is still there.
  if (stale.length > 0) {
    const names = new Set((await readdir(path.dirname(CACHE_FILE))).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4)));
    const kept = Object.fromEntries(
      Object.entries(cache)
        .filter(([name]) => names.has(name))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    await writeFile(CACHE_FILE, `${JSON.stringify(kept, null, 2)}\n`);
  }
  return described;
}

function reply(id: number, body: object): void {
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", id, ...body })}\n`);
}

async function answer(req: { id: number; method: string; params?: { queries: SqlQueryInput[] } }): Promise<void> {
  try {
    if (req.method !== "introspectSql" || !req.params) throw new Error(`${req.method} is not answered by prisma/schema-engine-rpc.ts (only introspectSql)`);
    reply(req.id, { result: { queries: await introspect(req.params.queries) } });
  } catch (err) {
    const message = `${req.params?.queries.map((q) => q.fileName).join(", ") ?? ""}: ${err instanceof Error ? err.message : String(err)}`;
    reply(req.id, { error: { code: 4466, message, data: { message } } });
  }
}

if (process.argv.includes("--datamodels") || process.argv.includes("--datasource")) {
  // One request at a time, in order. When done the CLI closes stdin and kills this process at once,
  // so the database is stopped on SIGTERM too (pg_ctl, synchronously).
  process.on("SIGTERM", () => {
    stopServer?.();
    process.exit(0);
  });
  let queue = Promise.resolve();
  createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on("line", (line) => {
      if (line.trim() !== "") queue = queue.then(() => answer(JSON.parse(line)));
    })
    .on("close", () => void queue.then(stopProbeDatabase).then(() => process.exit(0)));
}
