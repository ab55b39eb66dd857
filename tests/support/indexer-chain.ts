// What the chain indexer's tests run against: a fresh anvil with the contracts deployed, two stakers
// (Alice, Bob) holding HEU and esHEU the market may spend, the indexer's configuration for it, and
// the file's chain tables empty before and after.
import type { Address } from "viem";
import type { ChainContracts, ChainEnv } from "@/lib/env";
import { indexToHead } from "@/lib/server/chain/indexer";
import { stakingMarketAbi } from "@/lib/chain/abi";
import { deployContracts, type ContractAddresses } from "../../contracts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, chainActions, chainClients, heu, type ChainActions, type ChainClients } from "../../scripts/lib/chain-actions";
import { resetChainState } from "../../scripts/lib/local-chain";
import { db } from "./fixtures";

export const CONFIRMATIONS = 3;
export const [owner, alice, bob, carol, dave] = [0, 1, 2, 3, 4].map(anvilAccount);
export const addr = (a: { address: Address }) => a.address.toLowerCase();

export interface IndexerChain {
  anvil: Anvil;
  clients: ChainClients;
  c: ContractAddresses;
  act: ChainActions;
  chain: ChainEnv & { contracts: ChainContracts };
  /** One indexer pass up to the confirmed head. */
  index: () => ReturnType<typeof indexToHead>;
  /** A node's stake as the contract holds it. */
  nodeStakeOnChain: (minerId: string) => Promise<bigint>;
  stop: () => Promise<void>;
}

/** A node's stake as the indexer wrote it, in wei ("0" for a node it has not seen). */
export const stakeWei = async (minerId: string): Promise<string> =>
  (await db().query("SELECT stake_wei::text FROM node_stakes WHERE miner_id = $1", [minerId])).rows[0]?.stake_wei ?? "0";

export async function startIndexerChain(): Promise<IndexerChain> {
  const anvil = await startAnvil();
  const clients = chainClients(anvil.rpcUrl);
  const c = await deployContracts({ walletClient: clients.walletFor(owner!), publicClient: clients.publicClient });
  const act = chainActions(clients, c);
  const chain = {
    chainId: 31337,
    rpcUrl: anvil.rpcUrl,
    publicRpcUrl: anvil.rpcUrl,
    startBlock: c.deployBlock,
    confirmations: CONFIRMATIONS,
    pollMs: 50,
    batchBlocks: 5,
    chunkMs: 60_000,
    contracts: { heu: c.heu, esHeu: c.esHeu, imaginaries: c.imaginaries, stakingMarket: c.stakingMarket, rewardDistributor: c.rewardDistributor },
  };
  await resetChainState(process.env.DATABASE_URL!);
  for (const staker of [alice!, bob!]) {
    await act.mintHeu(staker.address, heu(200_000));
    await act.grantEsHeu(staker.address, heu(100_000));
    await act.approveMarket(staker);
  }
  const nodeStakeOnChain = (minerId: string) =>
    clients.publicClient
      .readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeIdOf", args: [minerId] })
      .then((id) => clients.publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeStake", args: [id] }));
  return {
    anvil,
    clients,
    c,
    act,
    chain,
    index: () => indexToHead({ chain, pool: db(), client: clients.publicClient }),
    nodeStakeOnChain,
    stop: async () => {
      await resetChainState(process.env.DATABASE_URL!);
      await anvil.stop();
    },
  };
}
