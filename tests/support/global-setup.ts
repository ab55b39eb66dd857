// One real PostgreSQL per test run, migrated with the project's migrations. TEST_DATABASE_URL
// points the suite at an existing server instead (a fresh database is created in it).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres";

let server: ThrowawayPostgres | undefined;

async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `heurist_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? (server = await startThrowawayPostgres()).url;
  const url = await freshDatabase(adminUrl);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
