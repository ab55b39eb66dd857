import "server-only";
import type pg from "pg";
import { createPublicClient, createWalletClient, http, type Account, type Address, type Chain, type Hash, type PublicClient, type Transport, type WalletClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { heuAbi, rewardDistributorAbi } from "@/lib/chain/abi";
import { chainFor } from "@/lib/chain/config";
import type { ChainEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { rewardRoot } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

const ZERO_ROOT = `0x${"00".repeat(32)}`;

/** The local development chain (anvil): its operator owns HEU and may mint what an epoch needs. */
const LOCAL_CHAIN_ID = 31337;

export interface PublishResult {
  epoch: number;
  root: string;
  totalWei: bigint;
  /** The publishing transaction; null when the same root was already on chain. */
  tx: Hash | null;
  /** HEU minted to the operator first (a local chain only). */
  mintedWei: bigint;
}

export interface PublishOptions {
  pool: pg.Pool;
  epoch: number;
  /** The operator: the distributor's owner, holding the epoch's HEU. */
  wallet: WalletClient<Transport, Chain, Account>;
  publicClient: PublicClient;
  contracts: { heu: Address; rewardDistributor: Address };
  /** On a local chain whose HEU the operator owns: mint what it lacks instead of failing. */
  mintShortfall?: boolean;
}

/**
 * Publishes epoch `epoch`'s stored reward tree (decision 0030): approves and posts its root with
 * its total, which the distributor pulls from the operator in the same transaction. Idempotent: the
 * same root already on chain is a success without a transaction; another root is an error, since a
 * published root can never change.
 */
export async function publishEpochRoot(opts: PublishOptions): Promise<PublishResult> {
  const { pool, epoch, wallet, publicClient, contracts } = opts;
  const [stored] = await queryTyped(pool, rewardRoot(epoch));
  if (!stored) throw new AppError("not_found", `Epoch ${epoch} has no reward tree: it is not settled yet, or nobody earned anything in it.`);
  const total = BigInt(stored.total_wei);
  const result: PublishResult = { epoch, root: stored.root, totalWei: total, tx: null, mintedWei: 0n };

  const [onChainRoot] = await publicClient.readContract({ address: contracts.rewardDistributor, abi: rewardDistributorAbi, functionName: "epochOf", args: [BigInt(epoch)] });
  if (onChainRoot !== ZERO_ROOT) {
    if (onChainRoot.toLowerCase() === stored.root) return result;
    throw new AppError("conflict", `Epoch ${epoch} already has root ${onChainRoot} on chain, not the stored ${stored.root}; a published root cannot change.`);
  }

  const operator = wallet.account.address;
  const send = async (tx: Promise<Hash>, what: string) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await tx });
    if (receipt.status !== "success") throw new Error(`${what} reverted (tx ${receipt.transactionHash})`);
    return receipt.transactionHash;
  };
  const balance = await publicClient.readContract({ address: contracts.heu, abi: heuAbi, functionName: "balanceOf", args: [operator] });
  if (balance < total) {
    if (!opts.mintShortfall) {
      throw new AppError("conflict", `The operator ${operator} holds ${balance} wei of HEU; epoch ${epoch} needs ${total}.`);
    }
    result.mintedWei = total - balance;
    await send(wallet.writeContract({ address: contracts.heu, abi: heuAbi, functionName: "mint", args: [operator, result.mintedWei] }), "Minting HEU");
  }
  const allowance = await publicClient.readContract({ address: contracts.heu, abi: heuAbi, functionName: "allowance", args: [operator, contracts.rewardDistributor] });
  if (allowance < total) {
    await send(wallet.writeContract({ address: contracts.heu, abi: heuAbi, functionName: "approve", args: [contracts.rewardDistributor, total] }), "Approving HEU");
  }
  result.tx = await send(
    wallet.writeContract({
      address: contracts.rewardDistributor,
      abi: rewardDistributorAbi,
      functionName: "publishRoot",
      args: [BigInt(epoch), stored.root as `0x${string}`, total, BigInt(Math.floor(stored.vest_start.getTime() / 1000))],
    }),
    `Publishing epoch ${epoch}'s root`,
  );
  return result;
}

/**
 * `publishEpochRoot` as the configured operator (`OPERATOR_PRIVATE_KEY`) on the configured chain,
 * minting the HEU it lacks on the local chain only: what the worker's task and `cli publish` do.
 */
export function publishAsOperator(
  pool: pg.Pool,
  epoch: number,
  chain: ChainEnv & { contracts: { heu: Address; rewardDistributor: Address | null } },
  key: string,
): Promise<PublishResult> {
  if (!chain.contracts.rewardDistributor) throw new AppError("conflict", "No reward distributor is configured (REWARD_DISTRIBUTOR_ADDRESS).");
  const viemChain = chainFor({ chainId: chain.chainId, rpcUrl: chain.rpcUrl });
  const wallet = createWalletClient({ account: privateKeyToAccount(key as `0x${string}`), chain: viemChain, transport: http(chain.rpcUrl) });
  const publicClient = createPublicClient({ chain: viemChain, transport: http(chain.rpcUrl), pollingInterval: 500 }) as PublicClient;
  return publishEpochRoot({
    pool,
    epoch,
    wallet,
    publicClient,
    contracts: { heu: chain.contracts.heu, rewardDistributor: chain.contracts.rewardDistributor },
    mintShortfall: chain.chainId === LOCAL_CHAIN_ID,
  });
}
