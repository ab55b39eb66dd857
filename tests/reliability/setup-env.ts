// Runs in each test worker before the test file imports server code (which reads process.env
// once): a fresh, migrated database per test file, and the integration tests' ingest secret.
import { inject } from "vitest";
import { createMigratedDatabase } from "./support/database";

process.env.DATABASE_URL = await createMigratedDatabase(inject("adminDatabaseUrl"), "heurist_reliability");
process.env.INGEST_HMAC_SECRET = "test-secret-for-integration-tests";
process.env.DATABASE_POOL_MAX = "4";
// Sign-In with Ethereum accepts messages for this domain only (tests/support/siwe.ts).
process.env.AUTH_DOMAIN = "portal.test";
