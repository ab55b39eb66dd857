// A migrated database of a test file's own on the integration server, for files whose data must
// not meet the shared database's (epochs settle once and in order; snapshots are other files' fixtures).
import pg from "pg";
import { inject } from "vitest";
import { applyMigrations } from "../../prisma/migrate";

/** `upTo`: migrate only up to that migration (a test of the next one with data in place). */
export async function createOwnDatabase(prefix: string, upTo?: string): Promise<string> {
  const admin = new pg.Client(inject("databaseUrl"));
  await admin.connect();
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  await applyMigrations(url.toString(), { upTo });
  return url.toString();
}
