// Starts a throwaway PostgreSQL and a local chain (anvil, the contracts deployed, test wallets
// funded, the worker indexing it), builds and starts the production server pointed at both, and
// fills it through the real ingestion API: a simulated network plus wallets whose numbers we know.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { chainEnvOf, deployContracts } from "../contracts/deploy";
import { applyMigrations } from "../prisma/migrate";
import { startAnvil, type Anvil } from "../scripts/lib/anvil";
import { anvilAccount, chainClients } from "../scripts/lib/chain-actions";
import { webServerArgs } from "../scripts/lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../scripts/lib/processes";
import { freePort, startThrowawayPostgres } from "../scripts/lib/throwaway-postgres";
import { createNetwork } from "../scripts/simulator/network";
import { ensureTestBuild, TEST_BUILD_DIR } from "../tests/support/production-build";
import { backfillHeartbeats } from "../scripts/simulator/heartbeats";
import { postJobs } from "../scripts/simulator/post-batches";
import { e2eChain, WEI } from "./chain";
import {
  ALWAYS_ON,
  availabilityJobs,
  chainJobs,
  FUNDED_ESHEU,
  FUNDED_HEU,
  MARKET_BRIBES_BPS,
  MARKET_NODES,
  MARKET_STAKER,
  NFT_HOLDER,
  OPERATOR,
  STAKE_NODE,
  STAKER,
  UNSTAKE_NODE,
  UNSTAKER,
} from "./chain-data";
import { E2E_SECRET, FLEET_ONLINE, fleetJobs, knownJobs, KNOWN_WALLET } from "./known-data";

const root = path.resolve(import.meta.dirname, "..");
const execFileAsync = promisify(execFile);

/** Deploys the contracts (automine: fast), funds the test wallets, then mines a block a second like a live chain. */
async function startChain(): Promise<{ anvil: Anvil; env: Record<string, string> }> {
  // Accounts 10 and 11 beyond anvil's default ten: claims.spec.ts's second miner.
  const anvil = await startAnvil({ accounts: 12 });
  try {
    const clients = chainClients(anvil.rpcUrl);
    const c = await deployContracts({ walletClient: clients.walletFor(anvilAccount(0)), publicClient: clients.publicClient });
    const chain = e2eChain(anvil.rpcUrl, c);
    const owner = anvilAccount(0).address;
    for (const who of [STAKER, OPERATOR, UNSTAKER, NFT_HOLDER, MARKET_STAKER]) {
      await chain.mintHeu(owner, who.address, FUNDED_HEU * WEI);
      await chain.grantEsHeu(owner, who.address, FUNDED_ESHEU * WEI);
    }
    // The market nodes' bribes: pending until the next epoch, in force once chain-time.spec moves the clock.
    for (const [k, minerId] of Object.entries(MARKET_NODES)) await chain.setBribe(OPERATOR.address, minerId, MARKET_BRIBES_BPS[k as keyof typeof MARKET_NODES]);
    // With blocks every second a transaction gets its confirmation without anyone mining by hand.
    await clients.testClient.setIntervalMining({ interval: 1 });
    const env = {
      ...chainEnvOf(anvil.rpcUrl, c),
      CHAIN_CONFIRMATIONS: "1",
      CHAIN_POLL_MS: "200",
    };
    process.env.E2E_RPC_URL = anvil.rpcUrl;
    process.env.E2E_CONTRACTS = JSON.stringify({ heu: c.heu, esHeu: c.esHeu, imaginaries: c.imaginaries, stakingMarket: c.stakingMarket, rewardDistributor: c.rewardDistributor });
    return { anvil, env };
  } catch (err) {
    await anvil.stop();
    throw err;
  }
}

function sendHeartbeats(url: string, now: Date, minerIds: readonly string[]): Promise<number> {
  return backfillHeartbeats({ onlineMiners: () => [...minerIds] }, url, E2E_SECRET, now, 24);
}

export default async function globalSetup() {
  const db = await startThrowawayPostgres();
  let server: ReturnType<typeof startBackground> | undefined;
  let worker: ReturnType<typeof startBackground> | undefined;
  let anvil: Anvil | undefined;
  const stopAll = async () => {
    // The worker finishes its running task (on the database) before the database goes away.
    const workerExit = worker && worker.exitCode === null && worker.signalCode === null ? new Promise((r) => worker!.once("exit", r)) : undefined;
    stopGroup(server);
    stopGroup(worker);
    await Promise.race([workerExit, new Promise((r) => setTimeout(r, 15_000).unref())]);
    await anvil?.stop();
    db.stop();
  };
  try {
    await applyMigrations(db.url);
    const [, chain] = await Promise.all([ensureTestBuild(), startChain()]);
    anvil = chain.anvil;
    const log = process.env.E2E_SERVER_LOG ? "inherit" : "ignore";
    // The background role (`npm run worker`): chain indexer, settlement, purges; web servers run none of it.
    worker = startBackground(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      cwd: root,
      stdio: ["ignore", log, "inherit"],
      // Specs check the market right after a transaction: the worker rebuilds its snapshot every second.
      // Epochs are settled by claims.spec.ts (`cli settle`) after it has reported its jobs, not on the worker's timer.
      // Watches are evaluated every 2 s (alerts.spec.ts waits for one).
      // Webhooks may post to the spec's receiver on 127.0.0.1.
      env: {
        ...process.env,
        ...chain.env,
        DATABASE_URL: db.url,
        MARKET_REFRESH_SECONDS: "1",
        EPOCH_SETTLEMENT: "off",
        WATCHES_EVALUATE_SECONDS: "2",
        WEBHOOK_ALLOW_PRIVATE: "true",
      },
    });
    const port = await freePort();
    const [node, args] = webServerArgs(root, port);
    server = startBackground(node, args, {
      cwd: root,
      stdio: log,
      env: {
        ...process.env,
        ...chain.env,
        NEXT_DIST_DIR: TEST_BUILD_DIR,
        DATABASE_URL: db.url,
        INGEST_HMAC_SECRET: E2E_SECRET,
        NODE_ENV: "production",
        AUTH_DOMAIN: `127.0.0.1:${port}`,
        // Two browsers loading every page (and Next's prefetches) from one address: page budgets are the reliability tests' subject.
        RATE_LIMIT_PAGES_PER_MINUTE: "0",
        // The same schedule as the worker's, so pages judge the snapshot's age by it.
        MARKET_REFRESH_SECONDS: "1",
        WEBHOOK_ALLOW_PRIVATE: "true",
      },
    });
    const baseURL = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseURL}/api/v1/health`, 90_000, server);

    const now = new Date();
    const network = createNetwork({ scale: 0.02 });
    const history = [...network.generateJobs({ count: 4000, from: new Date(now.getTime() - 7 * 86_400_000), to: now, seed: 42 })];
    await postJobs({ url: baseURL, secret: E2E_SECRET, jobs: [...history, ...knownJobs(now), ...fleetJobs(now), ...chainJobs(now), ...availabilityJobs(now)], concurrency: 2 });
    // The router's last day of heartbeats: the always-on nodes, and the nodes staked on through the
    // pages (so their stake forms carry no "offline" warning), and the fleet wallet's GPUs but its
    // idle one, in every 5-minute bucket.
    // Dated from now, not from before the jobs were posted: on a busy machine posting takes minutes,
    // and a heartbeat more than 24 h old is refused.
    await sendHeartbeats(baseURL, new Date(), [...ALWAYS_ON, STAKE_NODE, UNSTAKE_NODE, ...FLEET_ONLINE]);
    // The worker rebuilds the snapshots pages read on its own schedule (GPU throughput every 5
    // minutes); build them once now from the data just posted, as an operator would after an import.
    await execFileAsync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "snapshots"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
    });

    process.env.E2E_BASE_URL = baseURL;
    process.env.E2E_DATABASE_URL = db.url;
    process.env.E2E_KNOWN_WALLET = KNOWN_WALLET;
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}
