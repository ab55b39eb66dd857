import "server-only";
import type pg from "pg";
import { epochCloses, verifiedEpochs } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { checkAdminActions, checkBoostSlots } from "./admin";
import { checkLedgerRange, LEDGER_CHECK } from "./ledger";
import { EXAMPLES, tally, type CheckResult, type IdRange } from "./range";
import { checkRewards } from "./rewards";
import { addDigests, checkRollup, DIGEST_DEFINITION, ledgerDigest, ROLLUPS, storedDigest, type Digest } from "./rollups";
import { fullChecks, type Progress } from "./verify";

/** The triggers that keep verified entries and their jobs as they were verified (decision 0027). */
const GUARDS = ["ledger_entries_no_update_delete", "jobs_no_update_delete"];

/** Ledger ids sealed by an epoch's close (the epoch), or written since the last close (null). */
interface Segment {
  epoch: number | null;
  range: IdRange;
}

interface Sealed {
  entries: bigint;
  jobs: bigint;
  digests: Record<string, Digest>;
}

export interface VerifyReport {
  results: CheckResult[];
  /** Whether the closed epochs verified before were taken from their digests, and if not why. */
  incremental: boolean;
  fullBecause?: string;
  /** Closed epochs taken from their stored digests (not read again), and their entries. */
  reused: { epochs: number[]; entries: bigint };
  /** Closed epochs verified by this run (stored if the run is clean), and the entries written since the last close. */
  verified: { epoch: number; entries: bigint }[];
  sinceLastClose: bigint;
}

const ROLLUPS_FROM_LEDGER = ROLLUPS.filter((r) => r.pending);

/** Sums the checks of the same name (one per segment) into one result. */
function merge(results: CheckResult[]): CheckResult[] {
  const byName = new Map<string, CheckResult>();
  for (const r of results) {
    const m = byName.get(r.name);
    if (!m) byName.set(r.name, { ...r, examples: [...r.examples] });
    else {
      m.checked += r.checked;
      m.mismatches += r.mismatches;
      m.examples.push(...r.examples.slice(0, EXAMPLES - m.examples.length));
    }
  }
  return [...byName.values()];
}

/**
 * `cli verify`: the checks of `verifyAll`, paying only for what was written since the last run.
 * The ledger entries a closed epoch sealed are re-priced once; their additive digest per rollup is
 * stored (verified_epochs) and added to the digest of everything written since to stand for the
 * whole ledger against the rollup tables. Old entries cannot change while the append-only triggers
 * on ledger_entries and jobs are on: if one is off, everything is re-derived. A rollup whose digest
 * differs is compared row by row to name the rows. Reads in one snapshot; writes only
 * verified_epochs, and only after a run without a mismatch.
 */
export async function verifyIncremental(pool: pg.Pool, opts: { onProgress?: Progress; full?: boolean } = {}): Promise<VerifyReport> {
  const client = await pool.connect();
  const report: VerifyReport = { results: [], incremental: false, reused: { epochs: [], entries: 0n }, verified: [], sinceLastClose: 0n };
  const fresh: { segment: Segment; sealed: Sealed }[] = [];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Digests hash keys as text: timestamps and dates render the same in every session.
    await client.query("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'");
    // Each guard present, and on wherever it is (the ledger's is cloned onto every partition).
    const guards = await client.query<{ ok: boolean }>(
      `SELECT count(DISTINCT tgname) = cardinality($1::text[]) AND bool_and(tgenabled IN ('O', 'A')) AS ok FROM pg_trigger WHERE tgname = ANY($1)`,
      [GUARDS],
    );
    if (opts.full || !guards.rows[0]!.ok) {
      report.fullBecause = opts.full ? "--full" : `an append-only trigger (${GUARDS.join(", ")}) is missing or disabled`;
      report.results = await fullChecks(client, opts.onProgress);
      await client.query("COMMIT");
      return report;
    }
    report.incremental = true;
    // Digests taken under another PostgreSQL major version (its hash function) or other rollup definitions are not reused.
    const major = Math.floor(Number((await client.query<{ v: string }>("SHOW server_version_num")).rows[0]!.v) / 10_000);
    const definition = `${DIGEST_DEFINITION}-pg${major}`;
    const closes = await queryTyped(client, epochCloses());
    const segments: Segment[] = closes.map((c, i) => ({ epoch: c.number, range: { after: i ? BigInt(closes[i - 1]!.cutoff) : 0n, upTo: BigInt(c.cutoff) } }));
    segments.push({ epoch: null, range: { after: segments.at(-1)?.range.upTo ?? 0n, upTo: null } });
    const stored = new Map((await queryTyped(client, verifiedEpochs())).map((r) => [r.epoch, r]));

    const checks: CheckResult[] = [];
    const sealed: Sealed[] = [];
    for (const segment of segments) {
      const s = segment.epoch === null ? undefined : stored.get(segment.epoch);
      if (s && BigInt(s.after_id) === segment.range.after && BigInt(s.up_to_id) === segment.range.upTo && s.definition === definition) {
        // A JSON object of digests per rollup, as this file writes them.
        sealed.push({ entries: BigInt(s.entries), jobs: BigInt(s.jobs), digests: s.digests as Record<string, Digest> });
        report.reused.epochs.push(segment.epoch!);
        report.reused.entries += BigInt(s.entries);
        continue;
      }
      const label = segment.epoch === null ? "entries since the last close" : `epoch ${segment.epoch}`;
      opts.onProgress?.(`${label}: re-pricing`);
      const ledger = await checkLedgerRange(client, segment.range, (n) => opts.onProgress?.("ledger", n));
      checks.push(ledger);
      const digests: Record<string, Digest> = {};
      for (const r of ROLLUPS_FROM_LEDGER) {
        opts.onProgress?.(`${label}: ${r.name}`);
        digests[r.name] = await ledgerDigest(client, r, segment.range);
      }
      const entries = BigInt(
        (
          await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ledger_entries l WHERE l.id > $1 AND ($2::bigint IS NULL OR l.id <= $2)`, [
            segment.range.after,
            segment.range.upTo,
          ])
        ).rows[0]!.n,
      );
      const one = { entries, jobs: BigInt(ledger.jobs), digests };
      sealed.push(one);
      if (segment.epoch === null) report.sinceLastClose = entries;
      else {
        report.verified.push({ epoch: segment.epoch, entries });
        fresh.push({ segment, sealed: one });
      }
    }
    const read = segments.filter((s) => s.epoch === null || !report.reused.epochs.includes(s.epoch)).map((s) => s.range);
    opts.onProgress?.("admin actions");
    checks.push(await checkAdminActions(client, read));
    opts.onProgress?.("boost slots");
    checks.push(await checkBoostSlots(client, read));
    opts.onProgress?.("reward trees");
    checks.push(...(await checkRewards(client)));

    // Each job has exactly one entry: every entry read has its job and is its only one, and the
    // jobs table holds as many jobs as the segments' entries have (a count, not a re-read).
    const { result: jobs, fail } = tally("jobs (one ledger entry each)");
    jobs.checked = Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM jobs")).rows[0]!.n);
    const withEntries = sealed.reduce((n, s) => n + s.jobs, 0n);
    if (BigInt(jobs.checked) !== withEntries) fail(`${BigInt(jobs.checked) - withEntries} job(s) without a ledger entry (verify --full names them)`);

    const rollups: CheckResult[] = [];
    for (const r of ROLLUPS) {
      opts.onProgress?.(r.name);
      if (!r.pending) {
        rollups.push(await checkRollup(client, r));
        continue;
      }
      const want = sealed.reduce(
        (sum, s) => addDigests(sum, s.digests[r.name]!),
        r.values.map(() => "0"),
      );
      const got = await storedDigest(client, r);
      if (got.digest.join() === want.join()) rollups.push({ name: r.name, checked: got.rows, mismatches: 0, examples: [] });
      else {
        const named = await checkRollup(client, r);
        rollups.push(
          named.mismatches
            ? named
            : { ...named, mismatches: 1, examples: [`the rows' digest differs from the ledger's, but no row differs: a verified epoch's digest in verified_epochs was altered`] },
        );
      }
    }
    const ledger = merge(checks.filter((c) => c.name === LEDGER_CHECK));
    report.results = [
      ...(ledger.length ? ledger : [{ name: LEDGER_CHECK, checked: 0, mismatches: 0, examples: [] }]),
      jobs,
      ...rollups,
      ...checks.filter((c) => c.name !== LEDGER_CHECK),
    ];
    await client.query("COMMIT");

    if (fresh.length && report.results.every((r) => r.mismatches === 0)) {
      await client.query(
        `INSERT INTO verified_epochs (epoch, after_id, up_to_id, entries, jobs, definition, digests)
         SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::jsonb[])
         ON CONFLICT (epoch) DO UPDATE SET after_id = excluded.after_id, up_to_id = excluded.up_to_id, entries = excluded.entries, jobs = excluded.jobs,
           definition = excluded.definition, digests = excluded.digests, verified_at = now()`,
        [
          fresh.map((f) => f.segment.epoch),
          fresh.map((f) => String(f.segment.range.after)),
          fresh.map((f) => String(f.segment.range.upTo)),
          fresh.map((f) => String(f.sealed.entries)),
          fresh.map((f) => String(f.sealed.jobs)),
          fresh.map(() => definition),
          fresh.map((f) => JSON.stringify(f.sealed.digests)),
        ],
      );
    }
    return report;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
