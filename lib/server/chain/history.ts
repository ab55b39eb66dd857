import "server-only";
import type pg from "pg";

/** One key's values over time, oldest first: the value at `t` is the last one at or before `t`. */
export class Timeline<V> {
  private readonly points = new Map<string, { at: number; value: V }[]>();

  add(key: string, at: Date, value: V): void {
    const list = this.points.get(key);
    if (list) list.push({ at: at.getTime(), value });
    else this.points.set(key, [{ at: at.getTime(), value }]);
  }

  /** The value in force at `at` (a change at exactly `at` counts), or `fallback` before the first. */
  at(key: string, at: Date, fallback: V): V {
    const list = this.points.get(key);
    if (!list) return fallback;
    const t = at.getTime();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.at <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? fallback : list[lo - 1]!.value;
  }

  /** The same timeline with every value converted. */
  map<W>(fn: (value: V) => W): Timeline<W> {
    const out = new Timeline<W>();
    for (const [key, list] of this.points)
      out.points.set(
        key,
        list.map((p) => ({ at: p.at, value: fn(p.value) })),
      );
    return out;
  }

  /** The largest value any key takes in [from, to] (for sizing a lookup). */
  max(key: string, from: Date, to: Date, fallback: V, toNumber: (v: V) => number): number {
    const list = this.points.get(key) ?? [];
    let best = toNumber(this.at(key, from, fallback));
    for (const p of list) if (p.at > from.getTime() && p.at <= to.getTime()) best = Math.max(best, toNumber(p.value));
    return best;
  }
}

/**
 * The rows of a `(key, at, block_number, log_index, value)` history table that matter for times in
 * [from, to]: the last change at or before `from` per key, and every change after it up to `to`.
 */
async function loadTimeline(
  client: pg.PoolClient,
  table: "wallet_nft_history" | "node_stake_history",
  keyColumn: "wallet" | "miner_id",
  valueSql: string,
  keys: readonly string[],
  from: Date,
  to: Date,
): Promise<Timeline<string>> {
  const timeline = new Timeline<string>();
  if (keys.length === 0) return timeline;
  // Not TypedSQL: the table, its key column and the value expression are the caller's (NFT counts or stakes).
  const { rows } = await client.query<{ key: string; at: Date; value: string }>(
    `SELECT key, at, value FROM (
       (SELECT DISTINCT ON (${keyColumn}) ${keyColumn} AS key, at, block_number, log_index, ${valueSql} AS value
          FROM ${table} WHERE ${keyColumn} = ANY($1::text[]) AND at <= $2
         ORDER BY ${keyColumn}, at DESC, block_number DESC, log_index DESC)
       UNION ALL
       (SELECT ${keyColumn}, at, block_number, log_index, ${valueSql}
          FROM ${table} WHERE ${keyColumn} = ANY($1::text[]) AND at > $2 AND at <= $3)
     ) h ORDER BY key, at, block_number, log_index`,
    [keys, from, to],
  );
  for (const r of rows) timeline.add(r.key, r.at, r.value);
  return timeline;
}

/** NFT counts of `wallets` over [from, to], from the indexed Transfer events. */
export async function nftTimeline(client: pg.PoolClient, wallets: readonly string[], from: Date, to: Date): Promise<Timeline<number>> {
  return (await loadTimeline(client, "wallet_nft_history", "wallet", "nft_count::text", wallets, from, to)).map(Number);
}

/** Total stake (wei, as a decimal string) on `minerIds` over [from, to], from the indexed staking events. */
export function stakeTimeline(client: pg.PoolClient, minerIds: readonly string[], from: Date, to: Date): Promise<Timeline<string>> {
  return loadTimeline(client, "node_stake_history", "miner_id", "stake_wei::text", minerIds, from, to);
}
