// Starts a throwaway PostgreSQL, migrates it, builds and starts the production server, and fills it
// through the real ingestion API: a simulated network plus one wallet whose numbers we know exactly.
import path from "node:path";
import { applyMigrations } from "../prisma/migrate";
import { ensureBuild, nextStartArgs } from "../scripts/lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../scripts/lib/processes";
import { freePort, startThrowawayPostgres } from "../scripts/lib/throwaway-postgres";
import { createNetwork } from "../scripts/simulator/network";
import { postJobs } from "../scripts/simulator/post-batches";
import { E2E_SECRET, knownJobs, KNOWN_WALLET } from "./known-data";

const root = path.resolve(import.meta.dirname, "..");
const DIST = ".next-e2e";

export default async function globalSetup() {
  const db = await startThrowawayPostgres();
  let server: ReturnType<typeof startBackground> | undefined;
  try {
    await applyMigrations(db.url);
    await ensureBuild(root, DIST);
    const port = await freePort();
    const [node, args] = nextStartArgs(root, port);
    server = startBackground(node, args, {
      cwd: root,
      stdio: process.env.E2E_SERVER_LOG ? "inherit" : "ignore",
      env: { ...process.env, NEXT_DIST_DIR: DIST, DATABASE_URL: db.url, INGEST_HMAC_SECRET: E2E_SECRET, NODE_ENV: "production" },
    });
    const baseURL = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseURL}/api/v1/health`, 90_000, server);

    const now = new Date();
    const network = createNetwork({ scale: 0.02 });
    const history = [...network.generateJobs({ count: 4000, from: new Date(now.getTime() - 7 * 86_400_000), to: now, seed: 42 })];
    await postJobs({ url: baseURL, secret: E2E_SECRET, jobs: [...history, ...knownJobs(now)], concurrency: 2 });

    process.env.E2E_BASE_URL = baseURL;
    process.env.E2E_DATABASE_URL = db.url;
    process.env.E2E_KNOWN_WALLET = KNOWN_WALLET;
  } catch (err) {
    stopGroup(server);
    db.stop();
    throw err;
  }
  return async () => {
    stopGroup(server);
    db.stop();
  };
}
