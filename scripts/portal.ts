// `npm run portal`: the whole product on one machine. Without DATABASE_URL it runs on an embedded
// PostgreSQL (from npm, password-protected) under .data/, migrates it, builds and starts Next.js and
// the worker (`npm run worker`: indexer, settlement, purges) as two processes, fills a week of history
// through the real ingestion API when the database is empty, then keeps a simulated network live.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../prisma/migrate";
import { ensureBuild, webServerArgs } from "./lib/next-build";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { resetChainState, startLocalChain, waitForIndexer, type LocalChain } from "./lib/local-chain";
import { run, startBackground, stopGroup, waitForHttp } from "./lib/processes";
import { freePort } from "./lib/throwaway-postgres";
import { createNetwork } from "./simulator/network";

const HELP = `Usage: npm run portal -- [options]

  --port <n>          HTTP port (default: $PORT or 3000)
  --host <addr>       interface to listen on (default: $HOST or 127.0.0.1)
  --history <n>       jobs of history to simulate into an empty database (default 20000)
  --rate <n>          live simulated jobs per second, 0 to disable (default 20)
  --scale <f>         share of the real network's GPUs to simulate, 0-1 (default 0.05)
  --fresh             delete the embedded database first
  --help              this text

Environment: DATABASE_URL (use a real Postgres instead of the embedded one), INGEST_HMAC_SECRET, AUTH_DOMAIN,
STAKING_MARKET_ADDRESS and the other chain variables (follow a real chain instead of a local anvil),
WEBHOOK_ALLOW_PRIVATE (default: true on a loopback --host, so webhooks may go to 127.0.0.1).`;

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");

function ingestSecret(): string {
  if (process.env.INGEST_HMAC_SECRET) return process.env.INGEST_HMAC_SECRET;
  const file = path.join(dataDir, "ingest-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function jobCount(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM jobs")).rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      history: { type: "string", default: "20000" },
      rate: { type: "string", default: "20" },
      scale: { type: "string", default: "0.05" },
      fresh: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? "127.0.0.1";
  mkdirSync(dataDir, { recursive: true });

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    if (values.fresh) await import("node:fs/promises").then((fs) => fs.rm(path.join(dataDir, "postgres"), { recursive: true, force: true }));
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      passwordFile: path.join(dataDir, "postgres-password"),
      port: await freePort(),
      logFile: path.join(dataDir, "postgres.log"),
    });
    databaseUrl = embedded.url;
    console.log(`• Embedded PostgreSQL on ${databaseUrl.replace(/:[^:@/]+@/, ":***@")}, data in .data/postgres`);
  }
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `• Applied migrations: ${applied.join(", ")}` : "• Database schema is up to date");

  await run("npm", ["run", "--silent", "db:generate"], { cwd: root, env: process.env, stdio: "ignore" });
  await ensureBuild(root);

  // The local chain: anvil with the contracts and a week of stakes, bribes and NFTs for the
  // simulated network, unless the environment names contracts on a real chain.
  let local: LocalChain | undefined;
  let chainEnvVars: Record<string, string> = {};
  if (!process.env.STAKING_MARKET_ADDRESS) {
    console.log("• Local chain: anvil, contracts, a week of staking history");
    local = await startLocalChain(createNetwork({ scale: Number(values.scale) }));
    await resetChainState(databaseUrl);
    chainEnvVars = local.env;
    console.log(`• Chain 31337 at ${local.anvil.rpcUrl}, StakingMarket ${local.env.STAKING_MARKET_ADDRESS}`);
  }

  const secret = ingestSecret();
  const baseUrl = `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}`;
  const [node, args] = webServerArgs(root, port, host);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    INGEST_HMAC_SECRET: secret,
    // Sign-In with Ethereum accepts messages for this address only (never the request's Host).
    AUTH_DOMAIN: process.env.AUTH_DOMAIN ?? new URL(baseUrl).host,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    // Webhooks to a receiver on this machine (127.0.0.1) work while only this machine reaches the
    // portal; listening on other interfaces, the webhooks' SSRF defence stays on (decision 0036).
    WEBHOOK_ALLOW_PRIVATE: process.env.WEBHOOK_ALLOW_PRIVATE ?? String(/^(127\.|localhost$|::1$)/.test(host)),
    ...chainEnvVars,
  };
  // The background role runs beside the web server, never inside it: the indexer must be going before
  // the history backfill (its stakes and NFTs count from the first job).
  // On the local chain the worker publishes each settled epoch's reward root as the deployer (the
  // distributor's owner, anvil's first account): claims work out of the box.
  const workerEnv = local ? { ...env, OPERATOR_PRIVATE_KEY: process.env.OPERATOR_PRIVATE_KEY ?? local.operatorKey } : env;
  const worker = startBackground(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { cwd: root, env: workerEnv });
  const server = startBackground(node, args, { cwd: root, env });
  let live: { stop(): void } | undefined;
  const shutdown = async () => {
    live?.stop();
    stopGroup(server);
    stopGroup(worker);
    // Both finish what they are doing (requests in flight, a running task); at most 30 s.
    const exited = [server, worker].map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once("exit", r)) : undefined));
    await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 30_000).unref())]);
    await local?.anvil.stop().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  await waitForHttp(`${baseUrl}/api/v1/health`, 120_000, server);
  if (local) {
    await waitForIndexer(databaseUrl, local.seededBlock);
    console.log("• Indexer has the chain's history (NFT counts, stakes, bribes)");
  }
  const history = Number(values.history);
  if (history > 0 && (await jobCount(databaseUrl)) === 0) {
    console.log(`• Empty database: simulating ${history} jobs of the last 7 days through the ingestion API`);
    await run("npx", ["tsx", "scripts/simulate.ts", "--jobs", String(history), "--url", baseUrl, "--scale", values.scale, "--concurrency", "4"], {
      cwd: root,
      env: { ...process.env, INGEST_HMAC_SECRET: secret },
    });
  }
  const rate = Number(values.rate);
  if (rate > 0) {
    const { startLiveSimulation } = await import("./simulator/live");
    live = startLiveSimulation({
      url: baseUrl,
      secret,
      ratePerSecond: rate,
      scale: Number(values.scale),
      heartbeats: true,
      onError: (e: unknown) => console.error("[simulator]", e instanceof Error ? e.message : e),
    });
    console.log(`• Live network: about ${rate} jobs/s from the simulated GPUs, and the router's heartbeats every minute (the last day's first)`);
  }
  console.log(`\n  Heurist Mining Points is running at ${baseUrl}  (Ctrl+C to stop)\n`);
}

main().catch((err) => {
  console.error(`portal: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
