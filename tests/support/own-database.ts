// A second migrated database for a test file, beside the one setup-env.ts gave it: for tests that
// need data of their own apart from the file's (epochs settle once and in order) or a database
// migrated only part of the way.
import pg from "pg";
import { inject } from "vitest";
import { applyMigrations } from "../../prisma/migrate";
import { copyTemplate, databaseUrlFor } from "./database-copy";

/** `upTo`: migrate only up to that migration (a test of the next one with data in place). */
export async function createOwnDatabase(prefix: string, upTo?: string): Promise<string> {
  const adminUrl = inject("adminDatabaseUrl");
  if (upTo === undefined) return copyTemplate(adminUrl, inject("templateDatabase"), prefix);
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrlFor(adminUrl, name);
  await applyMigrations(url, { upTo });
  return url;
}
