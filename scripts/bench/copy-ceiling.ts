// The ceiling the ingestion benchmarks compare with: the same jobs loaded with COPY into a bare
// table (no index, no constraint), read by the server from a CSV file (the throwaway cluster's
// binaries ship no psql; the server process, the `postgres` user when run as root, is let read it).
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { JobInput } from "../../lib/schemas/jobs";
import { CSV_FIELDS } from "../cli/file-records";
import { letPostgresUserReach } from "../lib/postgres-user";

// The ceiling table's columns: the job fields a CSV import takes, less the two references.
const CSV_COLUMNS = CSV_FIELDS.filter((field) => field !== "input_ref" && field !== "output_ref");

/** One job as a line of the ceiling's CSV (no newline). */
export function ceilingCsvLine(job: JobInput): string {
  return CSV_COLUMNS.map((c) => job[c] ?? "").join(",");
}

/** Seconds to COPY the CSV file `csv` (lines of `ceilingCsvLine`) into the ceiling table. */
export async function copyFileSeconds(url: string, csv: string): Promise<number> {
  letPostgresUserReach(csv);
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS copy_ceiling (job_id text, miner_id text, model_id text, status text, completed_at timestamptz, hardware text,
      inference_latency numeric, width int, height int, num_iterations int, input_tokens int, output_tokens int)`);
    await client.query("TRUNCATE copy_ceiling");
    const started = performance.now();
    await client.query(`COPY copy_ceiling FROM ${pg.escapeLiteral(csv)} WITH (FORMAT csv, NULL '')`);
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** Seconds to COPY `jobs` (written to a CSV in `dir` first) into the ceiling table. */
export async function copySeconds(url: string, jobs: readonly JobInput[], dir: string): Promise<number> {
  const csv = path.join(dir, "jobs.csv");
  writeFileSync(csv, jobs.map(ceilingCsvLine).join("\n"), { mode: 0o644 });
  return copyFileSeconds(url, csv);
}
