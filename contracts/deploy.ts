// Deploys the five contracts (HEU, esHEU, Heurist Imaginaries, StakingMarket, RewardDistributor)
// from the committed artifacts, lets esHEU move in and out of the StakingMarket and lets the
// distributor make esHEU grants. For scripts and tests only: it
// reads the bytecode from disk, so client code must never import it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getAddress, type Abi, type Account, type Address, type Chain, type Hash, type Hex, type PublicClient, type Transport, type WalletClient } from "viem";
import { esHeuAbi, heuAbi, imaginariesAbi, rewardDistributorAbi, stakingMarketAbi } from "../lib/chain/abi";

export interface ContractAddresses {
  heu: Address;
  esHeu: Address;
  imaginaries: Address;
  stakingMarket: Address;
  rewardDistributor: Address;
  /** Block of the first deployment: where an indexer starts reading logs. */
  deployBlock: bigint;
}

/** The variables that point the portal's processes (web server, worker) at a local deployment on anvil (chain 31337). */
export function chainEnvOf(rpcUrl: string, c: ContractAddresses): Record<string, string> {
  return {
    CHAIN_ID: "31337",
    CHAIN_RPC_URL: rpcUrl,
    HEU_ADDRESS: c.heu,
    ESHEU_ADDRESS: c.esHeu,
    IMAGINARIES_ADDRESS: c.imaginaries,
    STAKING_MARKET_ADDRESS: c.stakingMarket,
    REWARD_DISTRIBUTOR_ADDRESS: c.rewardDistributor,
    CHAIN_START_BLOCK: c.deployBlock.toString(),
  };
}

export interface DeployClients {
  walletClient: WalletClient<Transport, Chain, Account>;
  publicClient: PublicClient;
}

function bytecodeOf(contractName: string): Hex {
  const file = path.join(import.meta.dirname, "artifacts", `${contractName}.json`);
  return (JSON.parse(readFileSync(file, "utf8")) as { bytecode: Hex }).bytecode;
}

async function receiptOrThrow(publicClient: PublicClient, hash: Hash, what: string) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${what} reverted (tx ${hash})`);
  return receipt;
}

async function deployOne({ walletClient, publicClient }: DeployClients, contractName: string, abi: Abi, args: readonly unknown[] = []) {
  const hash = await walletClient.deployContract({ abi, bytecode: bytecodeOf(contractName), args });
  const receipt = await receiptOrThrow(publicClient, hash, `Deploying ${contractName}`);
  if (!receipt.contractAddress) throw new Error(`Deploying ${contractName} created no contract (tx ${hash})`);
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber };
}

/** Deploys all contracts from `walletClient`'s account (their owner) and waits for every receipt. Addresses are checksummed. */
export async function deployContracts(clients: DeployClients): Promise<ContractAddresses> {
  const heu = await deployOne(clients, "HEU", heuAbi);
  const esHeu = await deployOne(clients, "EsHEU", esHeuAbi, [heu.address]);
  const imaginaries = await deployOne(clients, "HeuristImaginaries", imaginariesAbi);
  const stakingMarket = await deployOne(clients, "StakingMarket", stakingMarketAbi, [heu.address, esHeu.address]);
  // esHEU moves in and out of the market; the distributor makes esHEU grants.
  const esHeuSet = async (functionName: "setTransferable" | "setGranter", account: Address, what: string) =>
    receiptOrThrow(clients.publicClient, await clients.walletClient.writeContract({ address: esHeu.address, abi: esHeuAbi, functionName, args: [account, true] }), what);
  await esHeuSet("setTransferable", stakingMarket.address, "esHEU setTransferable(StakingMarket)");
  const rewardDistributor = await deployOne(clients, "RewardDistributor", rewardDistributorAbi, [heu.address, esHeu.address, stakingMarket.address]);
  await esHeuSet("setGranter", rewardDistributor.address, "esHEU setGranter(RewardDistributor)");
  return {
    heu: heu.address,
    esHeu: esHeu.address,
    imaginaries: imaginaries.address,
    stakingMarket: stakingMarket.address,
    rewardDistributor: rewardDistributor.address,
    deployBlock: heu.blockNumber,
  };
}
