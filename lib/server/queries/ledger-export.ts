import "server-only";
import { csvLine, csvNumber, pullStream, scaledCell } from "@/lib/dashboard/csv";
import type { ExportRange } from "@/lib/dashboard/export-range";
import { readPool } from "../db";

export const LEDGER_CSV_COLUMNS = [
  "occurred_at",
  "entry_id",
  "kind",
  "job_id",
  "miner_id",
  "point_type",
  "model_id",
  "schedule_id",
  "base_points",
  "model_multiplier",
  "nft_multiplier",
  "nft_count",
  "stake_multiplier",
  "stake_heu",
  "points",
  "zero_reason",
  "note",
  "job_status",
  "latency_s",
  "width",
  "height",
  "steps",
  "input_tokens",
  "output_tokens",
] as const;

interface Row {
  id: string;
  occurred_at: Date;
  kind: string;
  job_id: string | null;
  miner_id: string;
  point_type: string;
  model_id: string | null;
  schedule_id: string;
  base_micro: string;
  model_multiplier_ppm: number;
  nft_multiplier_ppm: number;
  nft_count: number;
  stake_multiplier_ppm: number;
  stake_heu: string;
  points_micro: string;
  zero_reason: string | null;
  note: string | null;
  status: string | null;
  inference_latency: string | null;
  width: number | null;
  height: number | null;
  num_iterations: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
}

// Keyset pagination on (occurred_at, id) inside one miner's bounded date range: each page is one
// range read of the (miner_id, occurred_at) index from the last row sent, never an OFFSET.
const PAGE_SQL = `SELECT l.id::text, l.occurred_at, l.kind, l.job_id, l.miner_id, l.point_type, l.model_id, l.schedule_id,
       l.base_micro::text, l.model_multiplier_ppm, l.nft_multiplier_ppm, l.nft_count, l.stake_multiplier_ppm,
       trim_scale(l.stake_heu)::text AS stake_heu, l.points_micro::text, l.zero_reason, l.note,
       j.status::text, trim_scale(j.inference_latency)::text AS inference_latency, j.width, j.height, j.num_iterations,
       j.input_tokens, j.output_tokens
  FROM (SELECT * FROM ledger_entries
         WHERE miner_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND (occurred_at > $2 OR id > $4)
         ORDER BY occurred_at, id LIMIT $5) l
  LEFT JOIN jobs j ON j.job_id = l.job_id
 ORDER BY l.occurred_at, l.id`;

function toLine(r: Row): string {
  return csvLine([
    r.occurred_at.toISOString(),
    r.id,
    r.kind,
    r.job_id,
    r.miner_id,
    r.point_type,
    r.model_id,
    r.schedule_id,
    scaledCell(r.base_micro),
    scaledCell(r.model_multiplier_ppm),
    scaledCell(r.nft_multiplier_ppm),
    r.nft_count,
    scaledCell(r.stake_multiplier_ppm),
    csvNumber(r.stake_heu),
    scaledCell(r.points_micro),
    r.zero_reason,
    r.note,
    r.status,
    r.inference_latency === null ? null : csvNumber(r.inference_latency),
    r.width,
    r.height,
    r.num_iterations,
    r.input_tokens,
    r.output_tokens,
  ]);
}

type Cursor = { at: Date; id: string };

async function pageOf(minerId: string, cursor: Cursor, end: Date, pageSize: number): Promise<Row[]> {
  const { rows } = await readPool().query<Row>(PAGE_SQL, [minerId, cursor.at, end, cursor.id, pageSize]);
  return rows;
}

/**
 * One miner's ledger entries in [range.start, range.end), oldest first, as a CSV byte stream that
 * reads `pageSize` rows per pull: the export never holds more than one page in memory.
 */
export function ledgerCsvStream(minerId: string, range: Pick<ExportRange, "start" | "end">, pageSize = 1000): ReadableStream<Uint8Array> {
  let cursor: Cursor = { at: range.start, id: "0" };
  let state: "header" | "rows" | "done" = "header";
  return pullStream(async () => {
    if (state === "header") {
      state = "rows";
      return csvLine(LEDGER_CSV_COLUMNS);
    }
    if (state === "done") return null;
    const rows = await pageOf(minerId, cursor, range.end, pageSize);
    if (rows.length < pageSize) state = "done";
    if (rows.length === 0) return null;
    const last = rows.at(-1)!;
    cursor = { at: last.occurred_at, id: last.id };
    return rows.map(toLine).join("");
  });
}

/**
 * Every GPU of a wallet, one after the other (miner ID order, each oldest first): per GPU the same
 * bounded index range as the single-miner export, so a 2,500-GPU wallet is 2,500 short range reads
 * streamed page by page, never one scan of the ledger.
 */
export function walletLedgerCsvStream(address: string, range: Pick<ExportRange, "start" | "end">, pageSize = 1000): ReadableStream<Uint8Array> {
  let miners: string[] | null = null;
  let index = 0;
  let cursor: Cursor = { at: range.start, id: "0" };
  return pullStream(async () => {
    if (miners === null) {
      const { rows } = await readPool().query<{ miner_id: string }>("SELECT miner_id FROM nodes WHERE wallet = $1 ORDER BY miner_id", [address]);
      miners = rows.map((r) => r.miner_id);
      return csvLine(LEDGER_CSV_COLUMNS);
    }
    while (index < miners.length) {
      const rows = await pageOf(miners[index]!, cursor, range.end, pageSize);
      if (rows.length < pageSize) {
        index += 1;
        cursor = { at: range.start, id: "0" };
      } else {
        const last = rows.at(-1)!;
        cursor = { at: last.occurred_at, id: last.id };
      }
      if (rows.length > 0) return rows.map(toLine).join("");
    }
    return null;
  });
}
