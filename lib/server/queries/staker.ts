import "server-only";
import type { StakerResponse } from "@/lib/schemas/staking";
import { readPool } from "../db";
import { chainTime, indexedHead } from "./chain-status";
import { heuOf, isoOf } from "./convert";

const TOKENS = ["HEU", "esHEU"] as const;

interface PositionRow {
  miner_id: string;
  token: number;
  amount_wei: string;
  node_wei: string | null;
}

interface LockRow {
  lock_id: string;
  miner_id: string;
  amount_wei: string;
  created_at: Date;
  unlock_at: Date;
  withdrawn_at: Date | null;
}

const total = (wei: bigint) => ({ amount: heuOf(wei.toString()), amountWei: wei.toString() });

/** A staker's positions and HEU locks as the indexer has them; an address that never staked has none. */
export async function getStaker(address: string, now = new Date()): Promise<StakerResponse> {
  const [head, positions, locks] = await Promise.all([
    indexedHead(),
    readPool().query<PositionRow>(
      `SELECT p.miner_id, p.token, p.amount_wei::text, s.stake_wei::text AS node_wei
         FROM stake_positions p LEFT JOIN node_stakes s USING (miner_id)
        WHERE p.staker = $1 AND p.amount_wei > 0
        ORDER BY p.amount_wei DESC, p.miner_id, p.token`,
      [address],
    ),
    readPool().query<LockRow>(
      `SELECT lock_id::text, miner_id, amount_wei::text, created_at, unlock_at, withdrawn_at
         FROM stake_locks WHERE staker = $1 ORDER BY lock_id DESC`,
      [address],
    ),
  ]);
  const asOf = chainTime(head, now);
  const sums = { heu: 0n, esHeu: 0n, locked: 0n, withdrawable: 0n };
  for (const p of positions.rows) sums[p.token === 0 ? "heu" : "esHeu"] += BigInt(p.amount_wei);
  const lockItems = locks.rows.map((l) => {
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
    positions: positions.rows.map((p) => ({
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
