import "server-only";
import type pg from "pg";
import { splitWeights, timeWeightedStake, type StakeChangeAt } from "@/lib/rewards";
import { TOKEN_ESHEU, TOKEN_HEU } from "../chain/events";

// What settlement splits a node's bribe by, read from the indexed chain: the bribe in force and
// each staker's weight. The open epoch's projection reads them through the same functions.

/**
 * The bribe in force at `at` for every node that ever set one (the latest set among those in force),
 * or only for `minerIds`; nodes at 0 are left out.
 */
export async function bribesAt(client: pg.PoolClient | pg.Pool, at: Date, minerIds?: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ miner_id: string; bps: number }>(
    `SELECT DISTINCT ON (miner_id) miner_id, bps FROM bribe_changes WHERE effective_at <= $1 AND ($2::text[] IS NULL OR miner_id = ANY($2::text[]))
      ORDER BY miner_id, effective_at DESC, block_number DESC, log_index DESC`,
    [at, minerIds ?? null],
  );
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
  const [before, during] = await Promise.all([
    client.query<{ miner_id: string; staker: string; token: number; amount: string }>(
      `SELECT miner_id, staker, token, sum(delta_wei)::text AS amount FROM stake_changes WHERE miner_id = ANY($1::text[]) AND at < $2
        GROUP BY 1, 2, 3 HAVING sum(delta_wei) > 0`,
      [minerIds, start],
    ),
    client.query<{ miner_id: string; staker: string; token: number; delta: string; at: Date }>(
      `SELECT miner_id, staker, token, delta_wei::text AS delta, at FROM stake_changes WHERE miner_id = ANY($1::text[]) AND at >= $2 AND at < $3
        ORDER BY at, block_number, log_index, id`,
      [minerIds, start, end],
    ),
  ]);
  // Keyed by node, then token (a stake and its unstake are of one token: a move keeps the token).
  const key = (minerId: string, token: number) => `${minerId}\t${token}`;
  const held = new Map<string, Map<string, bigint>>();
  for (const r of before.rows) held.set(key(r.miner_id, r.token), (held.get(key(r.miner_id, r.token)) ?? new Map()).set(r.staker, BigInt(r.amount)));
  const changes = new Map<string, StakeChangeAt[]>();
  for (const r of during.rows) {
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
