import "server-only";
import type pg from "pg";
import { SLOTS_PER_NFT } from "@/lib/points";
import { EXAMPLES, inRange, type CheckResult, type IdRange } from "./range";

/**
 * Every slash and reversal entry belongs to an admin action of its kind (slashes negative,
 * reversals positive); each action's totals are the sums of its entries; each reversal's entries
 * mirror its slash's, miner by miner. With `range` (one or several), the entries of those ids are matched to their
 * actions; the actions' totals are always checked whole (their entries are few, and partially indexed).
 */
export async function checkAdminActions(client: pg.PoolClient, range?: IdRange | readonly IdRange[]): Promise<CheckResult> {
  const result: CheckResult = { name: "admin actions (totals = entries)", checked: 0, mismatches: 0, examples: [] };
  const add = (n: string, lines: string[] | null) => {
    result.mismatches += Number(n);
    for (const line of lines ?? []) if (result.examples.length < EXAMPLES) result.examples.push(line);
  };
  const checks = [
    `SELECT l.id, 'entry ' || l.id || ' (' || l.kind || ', ' || l.points_micro || ' micro): ' ||
              CASE WHEN l.admin_action_id IS NULL THEN 'no admin action'
                   WHEN a.id IS NULL THEN 'admin action ' || l.admin_action_id || ' does not exist'
                   WHEN a.action <> l.kind::text THEN 'belongs to a ' || a.action
                   ELSE 'wrong sign for a ' || l.kind END AS line
       FROM ledger_entries l LEFT JOIN admin_actions a ON a.id = l.admin_action_id
      WHERE (l.kind IN ('slash', 'reversal') OR l.admin_action_id IS NOT NULL)
        AND ${inRange(range)}
        AND (a.id IS NULL OR a.action <> l.kind::text OR (l.kind = 'slash' AND l.points_micro >= 0) OR (l.kind = 'reversal' AND l.points_micro <= 0))`,
    `WITH s AS (SELECT admin_action_id AS id, coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0) AS w,
                       coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0) AS l
                  FROM ledger_entries WHERE admin_action_id IS NOT NULL GROUP BY 1)
     SELECT a.id, 'action ' || a.id || ' (' || a.action || '): totals waifu/llama ' || a.waifu_micro || '/' || a.llama_micro ||
                  ', entries sum to ' || coalesce(s.w, 0) || '/' || coalesce(s.l, 0) AS line
       FROM admin_actions a LEFT JOIN s ON s.id = a.id
      WHERE a.waifu_micro <> coalesce(s.w, 0) OR a.llama_micro <> coalesce(s.l, 0)`,
    `WITH e AS (SELECT admin_action_id AS id, miner_id, point_type, sum(points_micro) AS p FROM ledger_entries WHERE admin_action_id IS NOT NULL GROUP BY 1, 2, 3)
     SELECT r.id, 'reversal ' || r.id || ': ' || CASE WHEN s.id IS NULL THEN 'reverses ' || coalesce(r.reverses::text, 'nothing') || ', not a slash'
                                                     ELSE 'entries do not mirror slash ' || s.id END AS line
       FROM admin_actions r LEFT JOIN admin_actions s ON s.id = r.reverses AND s.action = 'slash'
      WHERE r.action = 'reversal' AND (s.id IS NULL OR EXISTS (
              (SELECT miner_id, point_type, p FROM e WHERE e.id = r.id EXCEPT SELECT miner_id, point_type, -p FROM e WHERE e.id = s.id)
              UNION ALL
              (SELECT miner_id, point_type, -p FROM e WHERE e.id = s.id EXCEPT SELECT miner_id, point_type, p FROM e WHERE e.id = r.id)))`,
  ];
  for (const sql of checks) {
    // Not TypedSQL: each check's query is wrapped at run time, and the range's condition is built in.
    const { rows } = await client.query<{ n: string; lines: string[] | null }>(`SELECT count(*)::text AS n, (array_agg(line ORDER BY id))[1:${EXAMPLES}] AS lines FROM (${sql}) x`);
    add(rows[0]!.n, rows[0]!.lines);
  }
  result.checked = Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM admin_actions")).rows[0]!.n);
  return result;
}

const BOOSTED = `SELECT wallet, date_trunc('hour', occurred_at, 'UTC') AS hour, nft_count AS nfts, miner_id, occurred_at
                   FROM ledger_entries WHERE kind = 'job' AND nft_multiplier_ppm > 1000000`;
const boostedIn = (range: IdRange | readonly IdRange[]) =>
  `SELECT l.wallet, t.hour, l.nft_count AS nfts, l.miner_id, l.occurred_at
     FROM (SELECT DISTINCT l.wallet, date_trunc('hour', l.occurred_at, 'UTC') AS hour FROM ledger_entries l
            WHERE l.kind = 'job' AND l.nft_multiplier_ppm > 1000000 AND ${inRange(range)}) t
     JOIN nodes n ON n.wallet = t.wallet
     JOIN ledger_entries l ON l.miner_id = n.miner_id AND l.occurred_at >= t.hour AND l.occurred_at < t.hour + interval '1 hour'
    WHERE l.kind = 'job' AND l.nft_multiplier_ppm > 1000000 AND l.wallet = t.wallet`;

/**
 * No wallet ever had more GPUs earning an NFT boost than its slots (3 per NFT). The boosted job
 * entries of a wallet are grouped by hour, by the NFT count they were priced with and, in an hour in
 * which the owner moved the slots, by the assignment in force when they completed; in each group at most
 * 3 × that count distinct miner IDs may be boosted. Within a group the slot rule gives the same
 * holders throughout (new GPUs only fill free slots), so more is a boost paid to more GPUs than the
 * wallet has slots, as when two batches each gave a new GPU the last slot. One legitimate way to
 * exceed it remains: a late report that moves a GPU's first job before another's re-ranks the two,
 * and both may earn the boost in that hour; it is reported too, as a boost paid past the slots.
 * With `range`: the wallet-hours in which an entry of those ids was boosted, with all their boosted
 * entries, whichever range they are in (found through the wallet's nodes, by miner and time).
 */
export async function checkBoostSlots(client: pg.PoolClient, range?: IdRange | readonly IdRange[]): Promise<CheckResult> {
  // Not TypedSQL: the boosted entries' source depends on the range, built at run time.
  const { rows } = await client.query<{ checked: string; mismatches: string; examples: string[] | null }>(
    // Only an hour in which the owner moved the slots needs each entry's assignment (they are rare):
    // elsewhere the assignment is the same all hour, and looking it up per entry took 6× as long.
    `WITH moved AS (SELECT DISTINCT wallet, date_trunc('hour', effective_from, 'UTC') AS hour FROM boost_assignments),
     b AS (
       SELECT e.wallet, e.hour, e.nfts,
              CASE WHEN m.wallet IS NOT NULL THEN
                (SELECT max(a.effective_from) FROM boost_assignments a WHERE a.wallet = e.wallet AND a.effective_from <= e.occurred_at) END AS assigned_from,
              count(DISTINCT e.miner_id) AS gpus
         FROM (${range ? boostedIn(range) : BOOSTED}) e
         LEFT JOIN moved m ON m.wallet = e.wallet AND m.hour = e.hour
        GROUP BY 1, 2, 3, 4),
     d AS (SELECT * FROM b WHERE gpus > $1 * nfts)
     SELECT (SELECT count(*) FROM b)::text AS checked, (SELECT count(*) FROM d)::text AS mismatches,
            (SELECT array_agg(wallet || ' ' || to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":00Z"') || ': ' || gpus || ' boosted GPUs with ' || nfts || ' NFT(s), '
                              || ($1 * nfts) || ' slots' || coalesce(' (as assigned from ' || to_char(assigned_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')', ''))
               FROM (SELECT * FROM d ORDER BY wallet, hour, nfts, assigned_from LIMIT ${EXAMPLES}) e) AS examples`,
    [SLOTS_PER_NFT],
  );
  const row = rows[0]!;
  return { name: "boost slots (boosted GPUs ≤ 3 × NFTs)", checked: Number(row.checked), mismatches: Number(row.mismatches), examples: row.examples ?? [] };
}
