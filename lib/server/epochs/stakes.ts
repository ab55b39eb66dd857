import "server-only";
import type pg from "pg";
import { splitWeights, timeWeightedStake, type StakeChangeAt } from "@/lib/rewards";
import { TOKEN_ESHEU, TOKEN_HEU } from "../chain/events";
import { bribesInForce, stakeChangesDuring, stakesHeldAt } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// What settlement splits a node's bribe by, read from the indexed chain: the bribe in force and
// each staker's weight. The open epoch's projection reads them through the same functions.

/**
 * The bribe in force at `at` for every node that ever set one (the latest set among those in force),
 * or only for `minerIds`; nodes at 0 are left out.
 */
export async function bribesAt(client: pg.PoolClient | pg.Pool, at: Date, minerIds?: readonly string[]): Promise<Map<string, number>> {
  const rows = await queryTyped(client, bribesInForce(at, minerIds ? [...minerIds] : null));
  return new Map(rows.filter((r) => r.bps > 0).map((r) => [r.miner_id, r.bps]));
}

/**
 * Each staker's weight in the bribe split of each of `minerIds` over [start, end): time-weighted
 * stake per token, esHEU counted `esheuWeightPpm` ÷ 10⁶ times. Read before `end`, it counts the
 * stakes held now as held until `end` (the open epoch's projection).
 */
export async function stakeWeights(client: pg.PoolClient | pg.Pool, minerIds: string[], start: Date, end: Date, esheuWeightPpm: number): Promise<Map<string, Map<string, bigint>>> {
  const out = new Map<string, Map<string, bigint>>();
  if (minerIds.length === 0) return out;
  const [before, during] = await Promise.all([queryTyped(client, stakesHeldAt(minerIds, start)), queryTyped(client, stakeChangesDuring(minerIds, start, end))]);
  // Keyed by node, then token (a stake and its unstake are of one token: a move keeps the token).
  const key = (minerId: string, token: number) => `${minerId}\t${token}`;
  const held = new Map<string, Map<string, bigint>>();
  for (const r of before) held.set(key(r.miner_id, r.token), (held.get(key(r.miner_id, r.token)) ?? new Map()).set(r.staker, BigInt(r.amount)));
  const changes = new Map<string, StakeChangeAt[]>();
  for (const r of during) {
    const k = key(r.miner_id, r.token);
    const list = changes.get(k) ?? changes.set(k, []).get(k)!;
    list.push({ staker: r.staker, delta: BigInt(r.delta), at: r.at });
  }
  const ofToken = (minerId: string, token: number) => timeWeightedStake(held.get(key(minerId, token)) ?? new Map(), changes.get(key(minerId, token)) ?? [], start, end);
  for (const minerId of minerIds) {
    const weights = splitWeights(ofToken(minerId, TOKEN_HEU), ofToken(minerId, TOKEN_ESHEU), esheuWeightPpm);
    if (weights.size) out.set(minerId, weights);
  }
  return out;
}
