// One real PostgreSQL per test run and one TEMPLATE database in it, migrated once with the
// project's migrations; each test file gets a copy of its own (setup-env.ts), so files run in
// parallel without meeting each other's rows. TEST_DATABASE_URL points the suite at an existing
// server instead (the template is created in it).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres";
import { databaseUrlFor } from "./database-copy";

let server: ThrowawayPostgres | undefined;

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? (server = await startThrowawayPostgres()).url;
  const template = `heurist_template_${Date.now()}_${process.pid}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${template}`));
  await applyMigrations(databaseUrlFor(adminUrl, template));
  // A copy needs the template free of sessions: end any the migration engine left, and allow no new ones.
  await admin(adminUrl, async (c) => {
    await c.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [template]);
  });
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);
}

export async function teardown() {
  server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server's maintenance database, for CREATE DATABASE. */
    adminDatabaseUrl: string;
    /** The migrated database every test file's own database is copied from. */
    templateDatabase: string;
  }
}
