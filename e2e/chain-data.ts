// The local chain of the e2e run: which anvil account plays which part, the nodes they stake on or
// operate, and the jobs that put those nodes in the market. Accounts are anvil's well-known
// development accounts (unlocked on anvil; the injected test wallet signs with their keys).
import { toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import type { JobInput } from "../lib/schemas/jobs";

const MNEMONIC = "test test test test test test test test test test test junk";

export function devAccount(index: number): { address: `0x${string}`; key: `0x${string}` } {
  const account = mnemonicToAccount(MNEMONIC, { addressIndex: index });
  return { address: account.address.toLowerCase() as `0x${string}`, key: toHex(account.getHdKey().privateKey!) };
}

/** Account 0 deploys and owns the contracts (and mines as KNOWN_WALLET); 1 is the boost-slot owner. */
export const STAKER = devAccount(2);
export const OPERATOR = devAccount(3);
export const UNSTAKER = devAccount(4);
export const NFT_HOLDER = devAccount(5);
/** Funded in global setup: every staker gets this much HEU and esHEU. */
export const FUNDED_HEU = 100_000n;
export const FUNDED_ESHEU = 20_000n;

/** Nodes of the operator: one someone stakes on, one whose bribe is set, one staked on and unstaked from. */
export const STAKE_NODE = `${OPERATOR.address}-stake1`;
export const BRIBE_NODE = `${OPERATOR.address}-bribe1`;
export const UNSTAKE_NODE = `${OPERATOR.address}-lock1`;
export const NFT_MINERS = ["n1", "n2", "n3", "n4"].map((t) => `${NFT_HOLDER.address}-${t}`);
/** The staker mines too, so its wallet page exists and lists its stakes. */
export const STAKER_OWN_NODE = `${STAKER.address}-own1`;

export function sdxlJob(id: string, minerId: string, completedAt: Date): JobInput {
  return {
    job_id: id, miner_id: minerId, model_id: "SDXL", status: "completed", completed_at: completedAt.toISOString(),
    hardware: "NVIDIA GeForce RTX 4090", inference_latency: 4, width: 1024, height: 1024, num_iterations: 20,
  };
}

/** One SDXL job (6 points) per node an hour ago, so every node above is in the market and on a wallet page. */
export function chainJobs(now: Date): JobInput[] {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  return [STAKE_NODE, BRIBE_NODE, UNSTAKE_NODE, ...NFT_MINERS, STAKER_OWN_NODE].map((m, i) => sdxlJob(`e2e-chain-${i}`, m, new Date(hourAgo.getTime() + i * 60_000)));
}
