// Synthetic ledger for the benchmarks: millions of job entries written by PostgreSQL itself, in
// chunks of a million, with the (miner_id, occurred_at) index dropped meanwhile (rebuilt once at
// the end: far faster than keeping it up to date row by row).
import type pg from "pg";

/**
 * SQL over `g` (the entry's number) for who earned an entry and when. `from` joins what those
 * expressions read; its parameters (`params`) are numbered from $3 ($1 and $2 bound the chunk).
 */
export interface EntryShape {
  jobPrefix: string;
  minerId: string;
  wallet: string;
  occurredAt: string;
  from: string;
  params: unknown[];
}

/** Writes `rows` entries: 9 in 10 an SDXL image (Waifu), 1 in 10 an 8B LLM job (Llama), 6 points each. */
export async function fillLedger(client: pg.Client, rows: number, shape: EntryShape, onChunk: (written: number) => void): Promise<void> {
  await client.query("DROP INDEX IF EXISTS ledger_entries_miner_id_occurred_at_idx");
  const CHUNK = 1_000_000;
  for (let start = 0; start < rows; start += CHUNK) {
    const n = Math.min(CHUNK, rows - start);
    await client.query(
      `INSERT INTO ledger_entries (kind, job_id, miner_id, wallet, point_type, occurred_at, schedule_id, model_id, base_micro,
                                   model_multiplier_ppm, nft_multiplier_ppm, stake_multiplier_ppm, points_micro)
       SELECT 'job', '${shape.jobPrefix}' || g, ${shape.minerId}, ${shape.wallet}, CASE WHEN g % 10 = 0 THEN 'llama' ELSE 'waifu' END::"PointType",
              ${shape.occurredAt}, 'testnet-2024-09', CASE WHEN g % 10 = 0 THEN 'hermes-3-llama3.1-8b' ELSE 'SDXL' END,
              6000000, 1000000, 1000000, 1000000, 6000000
         FROM generate_series($1::bigint, $2::bigint) g ${shape.from}`,
      [start, start + n - 1, ...shape.params],
    );
    onChunk(start + n);
  }
  await client.query("CREATE INDEX ledger_entries_miner_id_occurred_at_idx ON ledger_entries (miner_id, occurred_at)");
}
