import "server-only";
import type pg from "pg";
import { SLOTS_PER_NFT, getScheduleOrThrow, priceJob, scheduleAt } from "@/lib/points";
import { ENTRY_BUCKET_SQL, ENTRY_OWN_EPOCH_SQL } from "../epochs/epoch-points";
import { PENDING_ENTRIES, ROLLUP_DELTAS } from "../rollups/fold";
import { STORED_JOB_COLUMNS, storedJobPriceInput, type StoredJobRow } from "../queries/stored-job";

export interface CheckResult {
  name: string;
  /** What was compared (rows, jobs). */
  checked: number;
  mismatches: number;
  /** Up to 10 mismatches, readable. */
  examples: string[];
}

const EXAMPLES = 10;

// Each rollup recomputed from the ledger joined with the jobs, FULL JOINed with the stored rows:
// any key present on one side only, or with a different value, is a mismatch.
// "success" is the ingest rule: a job that did not fail and was not late, even at 0 points.
// The rollups of a miner's points (miner_hourly, wallet_hourly, node totals) sum every kind of
// entry (slashes and reversals land at the hour they were made; they have no job row) and count
// jobs only; the rollups about GPU models and models (hardware_hourly, wallet_model_daily) hold
// job entries only.
const SUCCESS = "(l.zero_reason IS NULL OR l.zero_reason NOT IN ('status', 'timeout'))";
const IMAGE = "(l.point_type = 'waifu')";
const JOB = "(l.kind = 'job')";
const POINTS = `sum(CASE WHEN l.point_type = 'waifu' THEN l.points_micro ELSE 0 END) AS waifu_micro,
                sum(CASE WHEN l.point_type = 'llama' THEN l.points_micro ELSE 0 END) AS llama_micro`;
const SUMS = `${POINTS}, count(*) AS job_count, count(*) FILTER (WHERE ${SUCCESS}) AS success_count`;
const ALL_KINDS_SUMS = `${POINTS}, count(*) FILTER (WHERE ${JOB}) AS job_count, count(*) FILTER (WHERE ${JOB} AND ${SUCCESS}) AS success_count,
                count(*) FILTER (WHERE ${JOB} AND ${SUCCESS} AND ${IMAGE}) AS image_count, count(*) FILTER (WHERE ${JOB} AND ${SUCCESS} AND NOT ${IMAGE}) AS text_count`;
/** Every entry; a job entry with its job (for its completion time and latency), others alone. */
const ALL_ENTRIES = "ledger_entries l LEFT JOIN jobs j ON j.job_id = l.job_id AND l.kind = 'job'";
const HOUR = "date_trunc('hour', coalesce(j.completed_at, l.occurred_at), 'UTC')";

/** Each entry with its own epoch and its settlement bucket, derived from the closes' cutoffs (decision 0020). */
const BUCKETED = `SELECT l.miner_id, l.point_type, l.points_micro, l.kind, ${ENTRY_OWN_EPOCH_SQL} AS own, ${ENTRY_BUCKET_SQL} AS bucket FROM ledger_entries l`;

/** What the pending deltas add to a rollup (the folder's own SELECT over them), in `stored`'s columns. */
const pending = (rollup: keyof typeof ROLLUP_DELTAS, stored: string) =>
  `(WITH e AS (${PENDING_ENTRIES}) SELECT ${stored.replace(/^SELECT (.*) FROM \w+$/s, "$1")} FROM (${ROLLUP_DELTAS[rollup]}) p)`;

const ROLLUPS: { name: string; key: string[]; recomputed: string; stored: string; values: string[]; pending?: keyof typeof ROLLUP_DELTAS }[] = [
  {
    name: "miner_hourly",
    pending: "miner_hourly",
    key: ["miner_id", "hour"],
    recomputed: `SELECT l.miner_id, ${HOUR} AS hour, ${ALL_KINDS_SUMS},
                        coalesce(sum(round(j.inference_latency * 1000)) FILTER (WHERE ${JOB} AND ${SUCCESS}), 0) AS latency_ms_sum
                   FROM ${ALL_ENTRIES} GROUP BY 1, 2`,
    stored: "SELECT miner_id, hour, waifu_micro, llama_micro, job_count, success_count, image_count, text_count, latency_ms_sum FROM miner_hourly",
    values: ["waifu_micro", "llama_micro", "job_count", "success_count", "image_count", "text_count", "latency_ms_sum"],
  },
  {
    name: "wallet_hourly",
    pending: "wallet_hourly",
    key: ["wallet", "hour"],
    recomputed: `SELECT l.wallet, ${HOUR} AS hour, ${ALL_KINDS_SUMS} FROM ${ALL_ENTRIES} GROUP BY 1, 2`,
    stored: "SELECT wallet, hour, waifu_micro, llama_micro, job_count, success_count, image_count, text_count FROM wallet_hourly",
    values: ["waifu_micro", "llama_micro", "job_count", "success_count", "image_count", "text_count"],
  },
  {
    name: "hardware_hourly",
    pending: "hardware_hourly",
    key: ["hardware", "model_id", "hour"],
    recomputed: `SELECT coalesce(j.hardware, 'unknown') AS hardware, j.model_id, date_trunc('hour', j.completed_at, 'UTC') AS hour, ${SUMS},
                        coalesce(sum(round(j.inference_latency * 1000)) FILTER (WHERE ${SUCCESS}), 0) AS latency_ms_sum
                   FROM ledger_entries l JOIN jobs j USING (job_id) WHERE l.kind = 'job' GROUP BY 1, 2, 3`,
    stored: "SELECT hardware, model_id, hour, waifu_micro, llama_micro, job_count, success_count, latency_ms_sum FROM hardware_hourly",
    values: ["waifu_micro", "llama_micro", "job_count", "success_count", "latency_ms_sum"],
  },
  {
    name: "wallet_model_daily",
    pending: "wallet_model_daily",
    key: ["wallet", "day", "model_id"],
    recomputed: `SELECT l.wallet, (j.completed_at AT TIME ZONE 'UTC')::date AS day, j.model_id, sum(l.points_micro) AS points_micro,
                        count(*) AS job_count, count(*) FILTER (WHERE ${SUCCESS}) AS success_count
                   FROM ledger_entries l JOIN jobs j USING (job_id) WHERE l.kind = 'job' GROUP BY 1, 2, 3`,
    stored: "SELECT wallet, day, model_id, points_micro, job_count, success_count FROM wallet_model_daily",
    values: ["points_micro", "job_count", "success_count"],
  },
  {
    // Settlement reads these buckets instead of the ledger: every entry in exactly one, the one its close put it in.
    name: "epoch_miner_points (settlement buckets)",
    pending: "epoch_miner_points",
    key: ["epoch", "miner_id"],
    recomputed: `SELECT bucket AS epoch, miner_id, coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0) AS waifu_micro,
                        coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0) AS llama_micro,
                        coalesce(sum(points_micro) FILTER (WHERE own < bucket), 0) AS late_micro,
                        coalesce(sum(points_micro) FILTER (WHERE kind <> 'job'), 0) AS adjust_micro
                   FROM (${BUCKETED}) l GROUP BY 1, 2`,
    stored: "SELECT epoch, miner_id, waifu_micro, llama_micro, late_micro, adjust_micro FROM epoch_miner_points",
    values: ["waifu_micro", "llama_micro", "late_micro", "adjust_micro"],
  },
  {
    name: "epoch_miner_rewards (settled = bucket)",
    key: ["epoch", "miner_id"],
    recomputed: "SELECT p.epoch, p.miner_id, p.waifu_micro, p.llama_micro FROM epoch_miner_points p JOIN epochs e ON e.number = p.epoch",
    stored: "SELECT epoch, miner_id, waifu_points_micro AS waifu_micro, llama_points_micro AS llama_micro FROM epoch_miner_rewards",
    values: ["waifu_micro", "llama_micro"],
  },
  {
    name: "nodes (totals)",
    pending: "nodes",
    key: ["miner_id"],
    recomputed: `SELECT l.miner_id, sum(CASE WHEN l.point_type = 'waifu' THEN l.points_micro ELSE 0 END) AS total_waifu_micro,
                        sum(CASE WHEN l.point_type = 'llama' THEN l.points_micro ELSE 0 END) AS total_llama_micro,
                        count(*) FILTER (WHERE ${JOB} AND ${SUCCESS} AND ${IMAGE}) AS image_count, count(*) FILTER (WHERE ${JOB} AND ${SUCCESS} AND NOT ${IMAGE}) AS text_count,
                        count(*) FILTER (WHERE ${JOB} AND NOT ${SUCCESS}) AS failed_count
                   FROM ledger_entries l GROUP BY 1`,
    stored: "SELECT miner_id, total_waifu_micro, total_llama_micro, image_count, text_count, failed_count FROM nodes",
    values: ["total_waifu_micro", "total_llama_micro", "image_count", "text_count", "failed_count"],
  },
];

/**
 * One rollup against the ledger, in one statement (one snapshot): the stored rows plus what the
 * pending deltas will add to them (decision 0024) must equal the rows recomputed from the ledger.
 */
async function checkRollup(client: pg.PoolClient, r: (typeof ROLLUPS)[number]): Promise<CheckResult> {
  const on = r.key.map((k) => `a.${k} = b.${k}`).join(" AND ");
  const stored = r.pending
    ? `SELECT ${r.key.join(", ")}, ${r.values.map((v) => `sum(${v}) AS ${v}`).join(", ")}
         FROM (${r.stored} UNION ALL ${pending(r.pending, r.stored)}) s GROUP BY ${r.key.join(", ")}`
    : r.stored;
  const differs = r.values.map((v) => `a.${v}::numeric IS DISTINCT FROM b.${v}::numeric`).join(" OR ");
  const keyText = r.key.map((k) => `coalesce(a.${k}, b.${k})::text`).join(" || ' ' || ");
  const { rows } = await client.query<{ checked: string; mismatches: string; examples: string[] | null }>(
    `WITH a AS (${r.recomputed}), b AS (${stored}),
          d AS (SELECT ${keyText} AS k, row_to_json(a)::text AS want, row_to_json(b)::text AS got
                  FROM a FULL JOIN b ON ${on} WHERE a.${r.key[0]} IS NULL OR b.${r.key[0]} IS NULL OR ${differs})
     SELECT (SELECT count(*) FROM b)::text AS checked, (SELECT count(*) FROM d)::text AS mismatches,
            (SELECT array_agg(k || ': ledger says ' || coalesce(want, 'no row') || ', table has ' || coalesce(got, 'no row')) FROM (SELECT * FROM d ORDER BY k LIMIT ${EXAMPLES}) e) AS examples`,
  );
  const row = rows[0]!;
  return { name: r.name, checked: Number(row.checked), mismatches: Number(row.mismatches), examples: row.examples ?? [] };
}

interface JobLedgerRow extends StoredJobRow {
  entry_id: string | null;
  schedule_id: string | null;
  base_micro: string | null;
  model_multiplier_ppm: number | null;
  stake_multiplier_ppm: number | null;
  points_micro: string | null;
  zero_reason: string | null;
}

/**
 * Every job re-priced with `lib/points` from its stored shape and the factors its ledger entry
 * records (NFT count, whether it held a boost slot, stake): the entry must match to the micro-point,
 * and every job must have exactly one entry (ledger entries without a job count as mismatches too).
 */
async function checkLedger(client: pg.PoolClient, onProgress?: (done: number) => void): Promise<CheckResult> {
  const result: CheckResult = { name: "ledger_entries (re-priced from jobs)", checked: 0, mismatches: 0, examples: [] };
  const fail = (line: string) => {
    result.mismatches++;
    if (result.examples.length < EXAMPLES) result.examples.push(line);
  };
  let after = "";
  for (;;) {
    const { rows } = await client.query<JobLedgerRow>(
      `SELECT ${STORED_JOB_COLUMNS},
              l.id::text AS entry_id, l.schedule_id, l.base_micro::text, l.model_multiplier_ppm, l.stake_multiplier_ppm, l.points_micro::text, l.zero_reason
         FROM jobs j LEFT JOIN ledger_entries l ON l.job_id = j.job_id AND l.kind = 'job'
        WHERE j.job_id > $1 ORDER BY j.job_id LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      result.checked++;
      if (!r.entry_id) {
        fail(`${r.job_id}: job without a ledger entry`);
        continue;
      }
      const want = scheduleAt(r.completed_at).id;
      if (r.schedule_id !== want) fail(`${r.job_id}: schedule ${r.schedule_id}, but ${want} was in force at ${r.completed_at.toISOString()}`);
      const priced = priceJob(storedJobPriceInput(r, getScheduleOrThrow(r.schedule_id!)));
      const got = [r.base_micro, r.model_multiplier_ppm, r.nft_multiplier_ppm, r.stake_multiplier_ppm, r.points_micro, r.zero_reason].map(String).join(" ");
      const expected = [priced.baseMicro, priced.modelMultiplierPpm, priced.nftMultiplierPpm, priced.stakeMultiplierPpm, priced.pointsMicro, priced.zeroReason].map(String).join(" ");
      if (got !== expected) fail(`${r.job_id}: ledger has base/model/nft/stake/points/zero ${got}, re-pricing gives ${expected}`);
    }
    after = rows.at(-1)!.job_id;
    onProgress?.(result.checked);
  }
  const orphans = await client.query<{ n: string; ids: string[] | null }>(
    `SELECT count(*)::text AS n, (array_agg(l.job_id ORDER BY l.job_id))[1:${EXAMPLES}] AS ids
       FROM ledger_entries l LEFT JOIN jobs j ON j.job_id = l.job_id WHERE l.kind = 'job' AND j.job_id IS NULL`,
  );
  for (const id of orphans.rows[0]!.ids ?? []) fail(`${id}: ledger entry without its job`);
  result.mismatches += Math.max(0, Number(orphans.rows[0]!.n) - (orphans.rows[0]!.ids?.length ?? 0));
  return result;
}

/**
 * Every slash and reversal entry belongs to an admin action of its kind (slashes negative,
 * reversals positive); each action's totals are the sums of its entries; each reversal's entries
 * mirror its slash's, miner by miner.
 */
async function checkAdminActions(client: pg.PoolClient): Promise<CheckResult> {
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
    const { rows } = await client.query<{ n: string; lines: string[] | null }>(
      `SELECT count(*)::text AS n, (array_agg(line ORDER BY id))[1:${EXAMPLES}] AS lines FROM (${sql}) x`,
    );
    add(rows[0]!.n, rows[0]!.lines);
  }
  result.checked = Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM admin_actions")).rows[0]!.n);
  return result;
}

/**
 * No wallet ever had more GPUs earning an NFT boost than its slots (3 per NFT). The boosted job
 * entries of a wallet are grouped by hour, by the NFT count they were priced with and, in an hour in
 * which the owner moved the slots, by the assignment in force when they completed; in each group at most
 * 3 × that count distinct miner IDs may be boosted. Within a group the slot rule gives the same
 * holders throughout (new GPUs only fill free slots), so more is a boost paid to more GPUs than the
 * wallet has slots, as when two batches each gave a new GPU the last slot. One legitimate way to
 * exceed it remains: a late report that moves a GPU's first job before another's re-ranks the two,
 * and both may earn the boost in that hour; it is reported too, as a boost paid past the slots.
 */
export async function checkBoostSlots(client: pg.PoolClient): Promise<CheckResult> {
  const { rows } = await client.query<{ checked: string; mismatches: string; examples: string[] | null }>(
    // Only an hour in which the owner moved the slots needs each entry's assignment (they are rare):
    // elsewhere the assignment is the same all hour, and looking it up per entry took 6× as long.
    `WITH moved AS (SELECT DISTINCT wallet, date_trunc('hour', effective_from, 'UTC') AS hour FROM boost_assignments),
     b AS (
       SELECT e.wallet, e.hour, e.nfts,
              CASE WHEN m.wallet IS NOT NULL THEN
                (SELECT max(a.effective_from) FROM boost_assignments a WHERE a.wallet = e.wallet AND a.effective_from <= e.occurred_at) END AS assigned_from,
              count(DISTINCT e.miner_id) AS gpus
         FROM (SELECT wallet, date_trunc('hour', occurred_at, 'UTC') AS hour, nft_count AS nfts, miner_id, occurred_at
                 FROM ledger_entries WHERE kind = 'job' AND nft_multiplier_ppm > 1000000) e
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

/** Re-derives the ledger from the jobs and every rollup from the ledger; read-only, one snapshot. */
export async function verifyAll(pool: pg.Pool, opts: { onProgress?: (step: string, done?: number) => void } = {}): Promise<CheckResult[]> {
  const client = await pool.connect();
  try {
    // One consistent snapshot while ingestion keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const results = [await checkLedger(client, (n) => opts.onProgress?.("ledger", n))];
    for (const r of ROLLUPS) {
      opts.onProgress?.(r.name);
      results.push(await checkRollup(client, r));
    }
    opts.onProgress?.("admin actions");
    results.push(await checkAdminActions(client));
    opts.onProgress?.("boost slots");
    results.push(await checkBoostSlots(client));
    await client.query("COMMIT");
    return results;
  } finally {
    client.release();
  }
}
