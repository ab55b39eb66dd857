import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { PrismaClient } from "./generated/prisma/client";

// One primary pool per process (and one replica pool when DATABASE_READ_URL is set), each shared by
// its Prisma client (typed reads and writes) and the raw-SQL hot paths (bulk ingest).
// Kept on globalThis so Next's dev reloads do not open a new pool per edit.
const globalForDb = globalThis as unknown as { heuristPool?: pg.Pool; heuristReadPool?: pg.Pool; heuristPrisma?: WeakMap<pg.Pool, PrismaClient> };

function newPool(connectionString: string, name: "primary" | "replica"): pg.Pool {
  const env = serverEnv();
  // Every connection has a statement timeout and the pool a connection timeout, so no request can
  // hold a connection, or wait for one, for longer than a person would wait for a page.
  const p = new pg.Pool({
    connectionString,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS || undefined,
    idle_in_transaction_session_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS ? env.DATABASE_STATEMENT_TIMEOUT_MS * 2 : undefined,
  });
  // A client losing its server (a restart) must not crash the process: an idle one reports on the
  // pool, a checked-out one (between two statements of a transaction) on itself, where no listener
  // meant an unhandled 'error' event. Its query, if any, fails on its own.
  p.on("error", (err) => log().error({ component: "db", database: name, err: connectionError(err) }, "idle database connection lost"));
  p.on("connect", (client) => client.on("error", (err) => log().warn({ component: "db", database: name, err: connectionError(err) }, "database connection lost")));
  return p;
}

/** A lost connection as logged: pino's serializer names it by its class, and it carries no client or stack. */
class DatabaseConnectionLost extends Error {
  readonly code?: string;
  constructor(err: Error) {
    super(err.message);
    this.name = "DatabaseConnectionLost";
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string") this.code = code;
    this.stack = undefined;
  }
}

/** What to log of a lost connection: pg attaches the whole client to the error (kilobytes per line). */
export function connectionError(err: Error): Error {
  return new DatabaseConnectionLost(err);
}

/** The primary: writes, sign-in and sessions, ingestion, and reads that must see their own write. */
export function pool(): pg.Pool {
  globalForDb.heuristPool ??= newPool(serverEnv().DATABASE_URL, "primary");
  return globalForDb.heuristPool;
}

/** Whether reads go to a replica (DATABASE_READ_URL), whose data may lag the primary's. */
export function hasReadReplica(): boolean {
  return serverEnv().DATABASE_READ_URL !== undefined;
}

/**
 * Where pages and read APIs read: the replica in DATABASE_READ_URL (its own pool, same limits), or
 * the primary when none is configured. Its data may lag: say so with `readAsOf()`.
 */
export function readPool(): pg.Pool {
  const url = serverEnv().DATABASE_READ_URL;
  if (url === undefined) return pool();
  globalForDb.heuristReadPool ??= newPool(url, "replica");
  return globalForDb.heuristReadPool;
}

/**
 * The Prisma client on `p`, made on first use: one per pool, so prisma() and readPrisma() follow the
 * pool `pool()` and `readPool()` give now, and a caller's own pool (the worker's) gets its own.
 */
export function clientOn(p: pg.Pool): PrismaClient {
  globalForDb.heuristPrisma ??= new WeakMap();
  let client = globalForDb.heuristPrisma.get(p);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg(p) });
    globalForDb.heuristPrisma.set(p, client);
  }
  return client;
}

/** Prisma on the primary's pool. */
export function prisma(): PrismaClient {
  return clientOn(pool());
}

/** Prisma on `readPool()`: the hand-tuned reads of prisma/sql/ (`$queryRawTyped`) run here. */
export function readPrisma(): PrismaClient {
  return clientOn(readPool());
}

/** Postgres cancelled a statement that ran past `statement_timeout`. */
export const QUERY_CANCELED = "57014";

/** The pool gave up waiting for a free connection (pg's own message; it sets no code). */
export function isPoolTimeout(err: unknown): boolean {
  return err instanceof Error && /timeout exceeded when trying to connect/i.test(err.message);
}

/**
 * Runs `fn` in one read-only transaction on one connection of `db` (a replica can serve it);
 * `snapshot`: repeatable read, so every statement sees the same data while writers commit.
 */
export async function readOnlyTransaction<T>(db: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, opts: { snapshot?: boolean } = {}): Promise<T> {
  const client = await db.connect();
  try {
    await client.query(opts.snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN READ ONLY");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` in one transaction on one client of `db` (the server's pool by default; the worker
 * passes its own); retries deadlocks and serialization failures.
 */
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>, opts: { attempts?: number; db?: pg.Pool } = {}): Promise<T> {
  const attempts = opts.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    const client = await (opts.db ?? pool()).connect();
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      const code = (err as { code?: string }).code;
      if ((code === "40P01" || code === "40001") && attempt < attempts) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}
