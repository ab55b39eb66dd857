// One throwaway PostgreSQL server for the reliability project (TEST_DATABASE_URL points it at an
// existing one instead). Each test file migrates its own database in it (setup-env.ts): migrating
// here would run the WASM schema engine alongside the integration project's global setup in this
// same process, and two instances of that engine in one process break each other.
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres";

let server: ThrowawayPostgres | undefined;

export async function setup(project: TestProject) {
  project.provide("adminDatabaseUrl", process.env.TEST_DATABASE_URL ?? (server = await startThrowawayPostgres()).url);
}

export async function teardown() {
  server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
