import "server-only";
import type { StakerResponse } from "@/lib/schemas/staking";
import { readPrisma } from "../db";
import { stakerLocks, stakerPositions } from "../generated/prisma/sql";
import { chainTime, indexedHead } from "./chain-status";
import { heuOf, isoOf } from "./convert";

const TOKENS = ["HEU", "esHEU"] as const;

const total = (wei: bigint) => ({ amount: heuOf(wei.toString()), amountWei: wei.toString() });

/** A staker's positions and HEU locks as the indexer has them; an address that never staked has none. */
export async function getStaker(address: string, now = new Date()): Promise<StakerResponse> {
  const [head, positions, locks] = await Promise.all([indexedHead(), readPrisma().$queryRawTyped(stakerPositions(address)), readPrisma().$queryRawTyped(stakerLocks(address))]);
  const asOf = chainTime(head, now);
  const sums = { heu: 0n, esHeu: 0n, locked: 0n, withdrawable: 0n };
  for (const p of positions) sums[p.token === 0 ? "heu" : "esHeu"] += BigInt(p.amount_wei);
  const lockItems = locks.map((l) => {
    const status = l.withdrawn_at ? "withdrawn" : l.unlock_at.getTime() <= asOf.getTime() ? "unlocked" : "locked";
    if (status === "locked") sums.locked += BigInt(l.amount_wei);
    if (status === "unlocked") sums.withdrawable += BigInt(l.amount_wei);
    return {
      lockId: l.lock_id,
      minerId: l.miner_id,
      amount: heuOf(l.amount_wei),
      amountWei: l.amount_wei,
      createdAt: isoOf(l.created_at),
      unlockAt: isoOf(l.unlock_at),
      withdrawnAt: l.withdrawn_at ? isoOf(l.withdrawn_at) : null,
      status,
    } as const;
  });
  return {
    address,
    asOf: isoOf(asOf),
    indexedBlock: head.block,
    positions: positions.map((p) => ({
      minerId: p.miner_id,
      token: TOKENS[p.token] ?? "HEU",
      amount: heuOf(p.amount_wei),
      amountWei: p.amount_wei,
      nodeStake: heuOf(p.node_wei),
    })),
    locks: lockItems,
    totals: {
      staked: total(sums.heu + sums.esHeu),
      stakedHeu: total(sums.heu),
      stakedEsHeu: total(sums.esHeu),
      locked: total(sums.locked),
      withdrawable: total(sums.withdrawable),
    },
  };
}
