import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { ENTRY_BUCKET_SQL, ENTRY_OWN_EPOCH_SQL } from "../epochs/epoch-points";
import { PENDING_ENTRIES, ROLLUP_DELTAS } from "../rollups/fold";
import { rollupHour } from "../rollups/hour";
import { EXAMPLES, inRange, type CheckResult, type IdRange } from "./range";

// Each rollup recomputed from the ledger joined with the jobs, FULL JOINed with the stored rows:
// any key present on one side only, or with a different value, is a mismatch.
// "success" is the ingest rule: a job that did not fail and was not late, even at 0 points.
// The rollups of a miner's points (miner_hourly, wallet_hourly, node totals) sum every kind of
// entry (slashes and reversals land at the hour they were made; they have no job row) and count
// jobs only; the rollups about GPU models and models (hardware_hourly, wallet_model_daily) hold
// job entries only. Each recomputation takes the condition on the entries `l` it covers.
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
const HOUR = rollupHour("coalesce(j.completed_at, l.occurred_at)");
/** Digests key the hourly rollups by UTC day: compacting hours into their day (decision 0029) moves no entry out of its digest key. */
const BY_DAY = (key: string[]) => key.map((k) => (k === "hour" ? "(q.hour AT TIME ZONE 'UTC')::date" : `q.${k}`));

/** Each entry with its own epoch and its settlement bucket, derived from the closes' cutoffs (decision 0020). */
const bucketed = (where: string) =>
  `SELECT l.miner_id, l.point_type, l.points_micro, l.kind, ${ENTRY_OWN_EPOCH_SQL} AS own, ${ENTRY_BUCKET_SQL} AS bucket FROM ledger_entries l WHERE ${where}`;

/** What the pending deltas add to a rollup (the folder's own SELECT over them), in `stored`'s columns. */
const pending = (rollup: keyof typeof ROLLUP_DELTAS, stored: string) =>
  `(WITH e AS (${PENDING_ENTRIES}) SELECT ${stored.replace(/^SELECT (.*) FROM \w+$/s, "$1")} FROM (${ROLLUP_DELTAS[rollup]}) p)`;

export interface RollupCheck {
  name: string;
  key: string[];
  /** The rollup's rows recomputed from the entries `l` for which `where` holds. */
  recomputed: (where: string) => string;
  stored: string;
  values: string[];
  /** Written by the folder from deltas (derived from the ledger, entry by entry); absent: derived from other tables. */
  pending?: keyof typeof ROLLUP_DELTAS;
  /** The key as digests hash it (expressions over the row `q`); absent: `key` as it is. */
  digestKey?: string[];
}

export const ROLLUPS: RollupCheck[] = [
  {
    name: "miner_hourly",
    pending: "miner_hourly",
    key: ["miner_id", "hour"],
    digestKey: BY_DAY(["miner_id", "hour"]),
    recomputed: (where) => `SELECT l.miner_id, ${HOUR} AS hour, ${ALL_KINDS_SUMS},
                        coalesce(sum(round(j.inference_latency * 1000)) FILTER (WHERE ${JOB} AND ${SUCCESS}), 0) AS latency_ms_sum
                   FROM ${ALL_ENTRIES} WHERE ${where} GROUP BY 1, 2`,
    stored: "SELECT miner_id, hour, waifu_micro, llama_micro, job_count, success_count, image_count, text_count, latency_ms_sum FROM miner_hourly",
    values: ["waifu_micro", "llama_micro", "job_count", "success_count", "image_count", "text_count", "latency_ms_sum"],
  },
  {
    name: "wallet_hourly",
    pending: "wallet_hourly",
    key: ["wallet", "hour"],
    digestKey: BY_DAY(["wallet", "hour"]),
    recomputed: (where) => `SELECT l.wallet, ${HOUR} AS hour, ${ALL_KINDS_SUMS} FROM ${ALL_ENTRIES} WHERE ${where} GROUP BY 1, 2`,
    stored: "SELECT wallet, hour, waifu_micro, llama_micro, job_count, success_count, image_count, text_count FROM wallet_hourly",
    values: ["waifu_micro", "llama_micro", "job_count", "success_count", "image_count", "text_count"],
  },
  {
    name: "hardware_hourly",
    pending: "hardware_hourly",
    key: ["hardware", "model_id", "hour"],
    digestKey: BY_DAY(["hardware", "model_id", "hour"]),
    recomputed: (where) => `SELECT coalesce(j.hardware, 'unknown') AS hardware, j.model_id, ${rollupHour("j.completed_at")} AS hour, ${SUMS},
                        coalesce(sum(round(j.inference_latency * 1000)) FILTER (WHERE ${SUCCESS}), 0) AS latency_ms_sum
                   FROM ledger_entries l JOIN jobs j USING (job_id) WHERE l.kind = 'job' AND ${where} GROUP BY 1, 2, 3`,
    stored: "SELECT hardware, model_id, hour, waifu_micro, llama_micro, job_count, success_count, latency_ms_sum FROM hardware_hourly",
    values: ["waifu_micro", "llama_micro", "job_count", "success_count", "latency_ms_sum"],
  },
  {
    name: "wallet_model_daily",
    pending: "wallet_model_daily",
    key: ["wallet", "day", "model_id"],
    recomputed: (where) => `SELECT l.wallet, (j.completed_at AT TIME ZONE 'UTC')::date AS day, j.model_id, sum(l.points_micro) AS points_micro,
                        count(*) AS job_count, count(*) FILTER (WHERE ${SUCCESS}) AS success_count
                   FROM ledger_entries l JOIN jobs j USING (job_id) WHERE l.kind = 'job' AND ${where} GROUP BY 1, 2, 3`,
    stored: "SELECT wallet, day, model_id, points_micro, job_count, success_count FROM wallet_model_daily",
    values: ["points_micro", "job_count", "success_count"],
  },
  {
    // Settlement reads these buckets instead of the ledger: every entry in exactly one, the one its close put it in.
    name: "epoch_miner_points (settlement buckets)",
    pending: "epoch_miner_points",
    key: ["epoch", "miner_id"],
    recomputed: (where) => `SELECT bucket AS epoch, miner_id, coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0) AS waifu_micro,
                        coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0) AS llama_micro,
                        coalesce(sum(points_micro) FILTER (WHERE own < bucket), 0) AS late_micro,
                        coalesce(sum(points_micro) FILTER (WHERE kind <> 'job'), 0) AS adjust_micro
                   FROM (${bucketed(where)}) l GROUP BY 1, 2`,
    stored: "SELECT epoch, miner_id, waifu_micro, llama_micro, late_micro, adjust_micro FROM epoch_miner_points",
    values: ["waifu_micro", "llama_micro", "late_micro", "adjust_micro"],
  },
  {
    name: "epoch_miner_rewards (settled = bucket)",
    key: ["epoch", "miner_id"],
    recomputed: () => "SELECT p.epoch, p.miner_id, p.waifu_micro, p.llama_micro FROM epoch_miner_points p JOIN epochs e ON e.number = p.epoch",
    stored: "SELECT epoch, miner_id, waifu_points_micro AS waifu_micro, llama_points_micro AS llama_micro FROM epoch_miner_rewards",
    values: ["waifu_micro", "llama_micro"],
  },
  {
    name: "nodes (totals)",
    pending: "nodes",
    key: ["miner_id"],
    recomputed: (where) => `SELECT l.miner_id, sum(CASE WHEN l.point_type = 'waifu' THEN l.points_micro ELSE 0 END) AS total_waifu_micro,
                        sum(CASE WHEN l.point_type = 'llama' THEN l.points_micro ELSE 0 END) AS total_llama_micro,
                        count(*) FILTER (WHERE ${JOB} AND ${SUCCESS} AND ${IMAGE}) AS image_count, count(*) FILTER (WHERE ${JOB} AND ${SUCCESS} AND NOT ${IMAGE}) AS text_count,
                        count(*) FILTER (WHERE ${JOB} AND NOT ${SUCCESS}) AS failed_count
                   FROM ledger_entries l WHERE ${where} GROUP BY 1`,
    stored: "SELECT miner_id, total_waifu_micro, total_llama_micro, image_count, text_count, failed_count FROM nodes",
    values: ["total_waifu_micro", "total_llama_micro", "image_count", "text_count", "failed_count"],
  },
];

/** The stored rows plus what the pending deltas will add to them (decision 0024), one row per key. */
const storedWithPending = (r: RollupCheck) =>
  r.pending
    ? `SELECT ${r.key.join(", ")}, ${r.values.map((v) => `sum(${v}) AS ${v}`).join(", ")}
         FROM (${r.stored} UNION ALL ${pending(r.pending, r.stored)}) s GROUP BY ${r.key.join(", ")}`
    : r.stored;

/**
 * One rollup against the ledger, in one statement (one snapshot): the stored rows plus the pending
 * deltas must equal the rows recomputed from the whole ledger.
 */
export async function checkRollup(client: pg.PoolClient, r: RollupCheck): Promise<CheckResult> {
  const on = r.key.map((k) => `a.${k} = b.${k}`).join(" AND ");
  const differs = r.values.map((v) => `a.${v}::numeric IS DISTINCT FROM b.${v}::numeric`).join(" OR ");
  const keyText = r.key.map((k) => `coalesce(a.${k}, b.${k})::text`).join(" || ' ' || ");
  // Not TypedSQL: built per rollup (its key and value columns, its queries) at run time, as are the digests below.
  const { rows } = await client.query<{ checked: string; mismatches: string; examples: string[] | null }>(
    `WITH a AS (${r.recomputed("TRUE")}), b AS (${storedWithPending(r)}),
          d AS (SELECT ${keyText} AS k, row_to_json(a)::text AS want, row_to_json(b)::text AS got
                  FROM a FULL JOIN b ON ${on} WHERE a.${r.key[0]} IS NULL OR b.${r.key[0]} IS NULL OR ${differs})
     SELECT (SELECT count(*) FROM b)::text AS checked, (SELECT count(*) FROM d)::text AS mismatches,
            (SELECT array_agg(k || ': ledger says ' || coalesce(want, 'no row') || ', table has ' || coalesce(got, 'no row')) FROM (SELECT * FROM d ORDER BY k LIMIT ${EXAMPLES}) e) AS examples`,
  );
  const row = rows[0]!;
  return { name: r.name, checked: Number(row.checked), mismatches: Number(row.mismatches), examples: row.examples ?? [] };
}

// Additive digests (decision 0027). A rollup row is a sum over entries, so Σ over its rows of
// hash(key) × value equals Σ over the entries of hash(their row's key) × their contribution: the
// digest of the ledger is the sum of its ranges' digests, and a verified epoch's digest is kept
// instead of its entries being read again. Modulo the Mersenne prime 2^61 - 1; a key's hash is 60
// bits of PostgreSQL's hashtextextended (stable across versions: hash partitioning stores it), 3×
// faster than md5 here. Key text is rendered with TimeZone UTC and DateStyle ISO (the caller's session).
const MODULUS = (1n << 61n) - 1n;
const HASH_SEED = 27;
export type Digest = string[];

/** A hash of the definitions digests are taken with: digests taken under other ones are not comparable. */
export const DIGEST_DEFINITION = createHash("sha256")
  .update(JSON.stringify(ROLLUPS.filter((r) => r.pending).map((r) => [r.name, r.key, r.digestKey, r.values, r.recomputed("$range")])))
  .update(`${MODULUS} hashtextextended ${HASH_SEED}`)
  .digest("hex")
  .slice(0, 16);

function digestSql(source: string, r: RollupCheck): string {
  const key = r.digestKey ?? r.key.map((k) => `q.${k}`);
  const hash = `(hashtextextended(concat_ws('|', ${key.map((k) => `${k}::text`).join(", ")}), ${HASH_SEED}) & ${(1n << 60n) - 1n})::numeric`;
  const sums = r.values.map((v) => `((coalesce(sum(h * ${v}), 0) % ${MODULUS}) + ${MODULUS}) % ${MODULUS}`);
  return `SELECT ARRAY[${sums.join(", ")}]::text[] AS d, count(*)::text AS n FROM (SELECT ${hash} AS h, ${r.values.map((v) => `coalesce(q.${v}, 0)::numeric AS ${v}`).join(", ")} FROM (${source}) q) x`;
}

/** The digest of the rollup rows the ledger entries in `range` amount to. */
export async function ledgerDigest(client: pg.PoolClient, r: RollupCheck, range: IdRange): Promise<Digest> {
  return (await client.query<{ d: string[] }>(digestSql(r.recomputed(inRange(range)), r))).rows[0]!.d;
}

/** The digest of the stored rollup rows plus the pending deltas, and how many rows that was. */
export async function storedDigest(client: pg.PoolClient, r: RollupCheck): Promise<{ digest: Digest; rows: number }> {
  const source = r.pending ? `${r.stored} UNION ALL ${pending(r.pending, r.stored)}` : r.stored;
  const row = (await client.query<{ d: string[]; n: string }>(digestSql(source, r))).rows[0]!;
  return { digest: row.d, rows: Number(row.n) };
}

export function addDigests(a: Digest, b: Digest): Digest {
  return a.map((x, i) => String((BigInt(x) + BigInt(b[i]!)) % MODULUS));
}
