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
/** Picks a node in the market by yield and stakes 50,000 HEU on it (market-bribe-cut.chain-time.spec). */
export const MARKET_STAKER = devAccount(6);
/** Mines only in claims.spec, which settles, publishes and claims its esHEU; chain-time.spec vests more of it 30 days on. */
export const CLAIM_MINER = devAccount(7);
/** Funded in global setup: every staker gets this much HEU and esHEU. */
export const FUNDED_HEU = 100_000n;
export const FUNDED_ESHEU = 20_000n;

/** Nodes of the operator: one someone stakes on, one whose bribe is set, one staked on and unstaked from. */
export const STAKE_NODE = `${OPERATOR.address}-stake1`;
export const BRIBE_NODE = `${OPERATOR.address}-bribe1`;
export const UNSTAKE_NODE = `${OPERATOR.address}-lock1`;
export const NFT_MINERS = ["n1", "n2", "n3", "n4"].map((t) => `${NFT_HOLDER.address}-${t}`);
/**
 * The market's decision flow: two nodes online all week with bribes of 20 % and 15 %, one with the
 * best bribe (40 %) online a third of the time. BRIBE_NODE is online all week too, and is cut later.
 */
export const MARKET_NODES = { best: `${OPERATOR.address}-mkt1`, second: `${OPERATOR.address}-mkt2`, flaky: `${OPERATOR.address}-mkt3` };
export const MARKET_BRIBES_BPS = { best: 2000, second: 1500, flaky: 4000 } as const;
/** Nodes the router sees polling for work every 5 minutes, with a job every hour of the week. */
export const ALWAYS_ON = [MARKET_NODES.best, MARKET_NODES.second, BRIBE_NODE];

/** The week of hourly jobs behind the market nodes' availability: every hour for ALWAYS_ON, every third for the flaky one. */
export function availabilityJobs(now: Date): JobInput[] {
  const jobs: JobInput[] = [];
  for (let h = 1; h <= 7 * 24; h++) {
    const at = new Date(now.getTime() - h * 3_600_000 + 60_000);
    for (const m of ALWAYS_ON) jobs.push(sdxlJob(`e2e-avail-${m.slice(-4)}-${h}`, m, at));
    if (h % 3 === 0) jobs.push(sdxlJob(`e2e-avail-mkt3-${h}`, MARKET_NODES.flaky, at));
  }
  return jobs;
}

/** The staker mines too, so its wallet page exists and lists its stakes. */
export const STAKER_OWN_NODE = `${STAKER.address}-own1`;

export function sdxlJob(id: string, minerId: string, completedAt: Date): JobInput {
  return {
    job_id: id,
    miner_id: minerId,
    model_id: "SDXL",
    status: "completed",
    completed_at: completedAt.toISOString(),
    hardware: "NVIDIA GeForce RTX 4090",
    inference_latency: 4,
    width: 1024,
    height: 1024,
    num_iterations: 20,
  };
}

/** One SDXL job (6 points) per node an hour ago, so every node above is in the market and on a wallet page. */
export function chainJobs(now: Date): JobInput[] {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  return [STAKE_NODE, BRIBE_NODE, UNSTAKE_NODE, ...NFT_MINERS, STAKER_OWN_NODE].map((m, i) => sdxlJob(`e2e-chain-${i}`, m, new Date(hourAgo.getTime() + i * 60_000)));
}
