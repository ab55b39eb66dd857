// Runs in each test worker before the test file imports server code, which reads process.env once:
// the file's own copy of the migrated template (global-setup.ts), so files can run side by side.
import { inject } from "vitest";
import { copyTemplate } from "./database-copy";

process.env.DATABASE_URL = await copyTemplate(inject("adminDatabaseUrl"), inject("templateDatabase"), "heurist_test");
process.env.INGEST_HMAC_SECRET = "test-secret-for-integration-tests";
process.env.DATABASE_POOL_MAX = "4";
// Sign-In with Ethereum accepts messages for this domain only (tests/support/siwe.ts).
process.env.AUTH_DOMAIN = "portal.test";
// GET /api/v1/metrics answers only this bearer token (tests/integration/ops-metrics.test.ts).
process.env.METRICS_TOKEN = "test-metrics-token-for-integration";
// Request lines would drown the test report; errors still show (ops-logs.test.ts captures the rest).
process.env.LOG_LEVEL = "error";
// The file's fixtures are dated 2024 and read by the hour; a worker a test starts on it
// (chain-indexer-crash.test.ts) must not merge them into days. rollup-retention.test.ts compacts its own database.
process.env.HOURLY_ROLLUP_DAYS = "0";
// Webhook receivers in tests listen on 127.0.0.1 (webhooks.test.ts turns the SSRF defence on where it tests it).
process.env.WEBHOOK_ALLOW_PRIVATE = "true";
