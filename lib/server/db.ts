import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { PrismaClient } from "./generated/prisma/client";

// One pool per process, shared by Prisma (typed reads) and the raw-SQL hot paths (bulk ingest).
// Kept on globalThis so Next's dev reloads do not open a new pool per edit.
const globalForDb = globalThis as unknown as { heuristPool?: pg.Pool; heuristPrisma?: PrismaClient };

export function pool(): pg.Pool {
  if (!globalForDb.heuristPool) {
    const env = serverEnv();
    // Every connection has a statement timeout and the pool a connection timeout, so no request can
    // hold a connection, or wait for one, for longer than a person would wait for a page.
    globalForDb.heuristPool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
      statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS || undefined,
      idle_in_transaction_session_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS ? env.DATABASE_STATEMENT_TIMEOUT_MS * 2 : undefined,
    });
    // An idle client losing its server (a restart) must not crash the process.
    globalForDb.heuristPool.on("error", (err) => log().error({ component: "db", err }, "idle database connection lost"));
  }
  return globalForDb.heuristPool;
}

export function prisma(): PrismaClient {
  globalForDb.heuristPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.heuristPrisma;
}

/** Postgres cancelled a statement that ran past `statement_timeout`. */
export const QUERY_CANCELED = "57014";

/** The pool gave up waiting for a free connection (pg's own message; it sets no code). */
export function isPoolTimeout(err: unknown): boolean {
  return err instanceof Error && /timeout exceeded when trying to connect/i.test(err.message);
}

/** Runs `fn` in one transaction on one client; retries deadlocks and serialization failures. */
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool().connect();
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
