import "server-only";
import type pg from "pg";
import { EXAMPLES, type CheckResult } from "./range";

// The reward trees against the grants and the chain (decision 0030): each tree's leaves are its
// epoch's esHEU grants per recipient, the root the distributor published is the stored one with its
// total, and each claim the distributor paid is its leaf's amount. Small tables: read whole.
const CHECKS: { name: string; checked: string; wrong: string }[] = [
  {
    name: "reward trees (leaves = esHEU grants)",
    checked: "SELECT count(*) FROM reward_leaves",
    wrong: `WITH g AS (SELECT epoch, recipient AS account, sum(amount_wei) AS wei FROM esheu_grants WHERE epoch IN (SELECT epoch FROM reward_roots) GROUP BY 1, 2 HAVING sum(amount_wei) > 0),
                 t AS (SELECT epoch, sum(amount_wei) AS wei, count(*) AS n FROM reward_leaves GROUP BY 1)
            SELECT 'epoch ' || coalesce(g.epoch, l.epoch) || ' ' || coalesce(g.account, l.account) || ': granted ' || coalesce(g.wei::text, 'nothing') ||
                   ', leaf ' || coalesce(l.amount_wei::text, 'missing') AS line
              FROM g FULL JOIN reward_leaves l ON l.epoch = g.epoch AND l.account = g.account
             WHERE g.wei IS DISTINCT FROM l.amount_wei
            UNION ALL
            SELECT 'epoch ' || r.epoch || ': root says ' || r.leaves || ' leaves worth ' || r.total_wei || ', the leaves are ' || coalesce(t.n, 0) || ' worth ' || coalesce(t.wei, 0)
              FROM reward_roots r LEFT JOIN t USING (epoch) WHERE r.total_wei IS DISTINCT FROM coalesce(t.wei, 0) OR r.leaves <> coalesce(t.n, 0)`,
  },
  {
    name: "published roots (on chain = stored)",
    checked: "SELECT count(*) FROM reward_publications",
    wrong: `SELECT 'epoch ' || p.epoch || ': published ' || p.root || ' for ' || p.total_wei || ' wei, stored ' || coalesce(r.root || ' for ' || r.total_wei || ' wei', 'no tree') AS line
              FROM reward_publications p LEFT JOIN reward_roots r USING (epoch)
             WHERE r.epoch IS NULL OR r.root <> p.root OR r.total_wei <> p.total_wei OR r.vest_start <> p.vest_start`,
  },
  {
    name: "reward claims (paid = leaf)",
    checked: "SELECT count(*) FROM reward_claims",
    wrong: `SELECT 'epoch ' || c.epoch || ' ' || c.account || ': paid ' || c.amount_wei || ', leaf ' || coalesce(l.amount_wei::text, 'missing') AS line
              FROM reward_claims c LEFT JOIN reward_leaves l USING (epoch, account) WHERE l.amount_wei IS DISTINCT FROM c.amount_wei`,
  },
];

export async function checkRewards(client: pg.PoolClient): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const c of CHECKS) {
    // Not TypedSQL: one statement per check, its two queries put together at run time.
    const { rows } = await client.query<{ checked: string; n: string; lines: string[] | null }>(
      `SELECT (${c.checked})::text AS checked, count(*)::text AS n, (array_agg(line ORDER BY line))[1:${EXAMPLES}] AS lines FROM (${c.wrong}) x`,
    );
    results.push({ name: c.name, checked: Number(rows[0]!.checked), mismatches: Number(rows[0]!.n), examples: rows[0]!.lines ?? [] });
  }
  return results;
}
