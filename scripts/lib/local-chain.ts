// The local chain of the embedded default: anvil with the contracts deployed and a week of staking,
// bribes and NFTs that fit the simulated network, replayed with past timestamps; then blocks every
// second at wall-clock time. Returns the environment the server and the indexer read.
import { createServer } from "node:net";
import { Presets, SingleBar } from "cli-progress";
import pg from "pg";
import { chainEnvOf, deployContracts } from "../../contracts/deploy";
import { planChainSeed, seedChain } from "../simulator/chain-seed";
import type { SimNetwork } from "../simulator/network";
import { startAnvil, type Anvil } from "./anvil";
import { anvilAccount, anvilPrivateKey, chainActions, chainClients } from "./chain-actions";
import { freePort } from "./throwaway-postgres";

export const CHAIN_TABLES = [
  "chain_cursor",
  "chain_events",
  "stake_changes",
  "node_stake_history",
  "node_stakes",
  "stake_positions",
  "stake_locks",
  "bribe_changes",
  "wallet_nft_history",
  "wallet_nfts",
];

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export interface LocalChain {
  anvil: Anvil;
  env: Record<string, string>;
  /** The last block of the seeded history: the indexer has caught up once it is past it. */
  seededBlock: bigint;
  /** The deployer's private key (anvil's first account): the contracts' owner, the distributor's operator. */
  operatorKey: `0x${string}`;
}

export async function startLocalChain(network: Pick<SimNetwork, "wallets" | "gpus">, now = new Date()): Promise<LocalChain> {
  const plan = planChainSeed(network);
  // Wallets know the local chain as 127.0.0.1:8545; take it when free.
  const port = (await portIsFree(8545)) ? 8545 : await freePort();
  const anvil = await startAnvil({ port, timestamp: Math.floor(now.getTime() / 1000) - plan.days * 86_400 - 3_600 });
  try {
    const clients = chainClients(anvil.rpcUrl);
    const addresses = await deployContracts({ walletClient: clients.walletFor(anvilAccount(0)), publicClient: clients.publicClient });
    const bar = new SingleBar({ format: "  chain  [{bar}] {percentage}% | {value}/{total} transactions of history", hideCursor: true }, Presets.shades_classic);
    bar.start(plan.steps.length, 0);
    await seedChain(clients, chainActions(clients, addresses), plan, now, (done) => bar.update(done));
    bar.stop();
    const seededBlock = await clients.publicClient.getBlockNumber({ cacheTime: 0 });
    await clients.testClient.setIntervalMining({ interval: 1 });
    return {
      anvil,
      seededBlock,
      operatorKey: anvilPrivateKey(0),
      env: { ...chainEnvOf(anvil.rpcUrl, addresses), CHAIN_CONFIRMATIONS: "2" },
    };
  } catch (err) {
    await anvil.stop();
    throw err;
  }
}

/** A new local chain makes the indexed state of the previous one meaningless: start over. */
export async function resetChainState(databaseUrl: string): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query(`TRUNCATE ${CHAIN_TABLES.join(", ")}`);
  } finally {
    await client.end();
  }
}

/** Resolves once the indexer has applied `block` (it runs inside the server). */
export async function waitForIndexer(databaseUrl: string, block: bigint, timeoutMs = 120_000): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ b: string }>("SELECT block_number::text AS b FROM chain_cursor");
      if (rows[0] && BigInt(rows[0].b) >= block) return;
      if (Date.now() > deadline) throw new Error(`The chain indexer did not reach block ${block} within ${timeoutMs / 1000} s; see the server log.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
}
