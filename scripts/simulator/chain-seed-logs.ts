// A chain seed plan's NFT mints and stakes as the indexer's logs, for a database filled without a
// chain (the bulk-import test and benchmark): applied with the indexer's own `applyChainLogs`, they
// give jobs the NFT boosts, boost slots and stake multipliers a seeded local chain would. Bribes
// price no job and are left out.
import { ZERO_ADDRESS, type ChainLog } from "../../lib/server/chain/events";
import type { ChainSeedPlan } from "./chain-seed";

const DAY_MS = 86_400_000;

/** A made-up address per staker account of the plan (no chain signs anything here). */
const stakerAddress = (account: number) => `0x${(0x57a4_0000 + account).toString(16).padStart(40, "0")}`;

/** The plan's steps as logs, day 0 at `start`, one log every 7 s within a day (as `seedChain` spaces its blocks). */
export function chainSeedLogs(plan: ChainSeedPlan, start: Date, firstBlock = 1n): ChainLog[] {
  const logs: ChainLog[] = [];
  let block = firstBlock;
  let tokenId = 0n;
  let i = 0;
  const push = (day: number, event: ChainLog["event"]) => {
    const n = block++;
    logs.push({
      blockNumber: n,
      logIndex: 0,
      blockHash: `0x${n.toString(16).padStart(64, "0")}`,
      txHash: `0x${n.toString(16).padStart(64, "0")}`,
      blockTime: new Date(start.getTime() + day * DAY_MS + i++ * 7_000),
      contract: "0xseed",
      event,
    });
  };
  for (const step of plan.steps) {
    if (step.kind === "nft") {
      for (let n = 0; n < step.count; n++) push(step.day, { name: "Transfer", from: ZERO_ADDRESS, to: step.wallet.toLowerCase(), tokenId: ++tokenId });
    } else if (step.kind === "stake") {
      push(step.day, { name: "Staked", minerId: step.minerId.toLowerCase(), staker: stakerAddress(step.staker), token: step.token, amount: BigInt(step.heu) * 10n ** 18n });
    }
  }
  return logs;
}
