import "server-only";
import { csvLine, csvNumber, pullStream, scaledCell } from "@/lib/dashboard/csv";
import type { ExportRange } from "@/lib/dashboard/export-range";
import { readPrisma } from "../db";
import { ledgerPage, walletMinerIds } from "../generated/prisma/sql";

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

// The page query (keyset pagination, never an OFFSET): prisma/sql/ledgerPage.sql.
type Row = ledgerPage.Result;

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

type Cursor = { at: Date; id: bigint };

async function pageOf(minerId: string, cursor: Cursor, end: Date, pageSize: number): Promise<Row[]> {
  return readPrisma().$queryRawTyped(ledgerPage(minerId, cursor.at, end, cursor.id, pageSize));
}

/**
 * One miner's ledger entries in [range.start, range.end), oldest first, as a CSV byte stream that
 * reads `pageSize` rows per pull: the export never holds more than one page in memory.
 */
export function ledgerCsvStream(minerId: string, range: Pick<ExportRange, "start" | "end">, pageSize = 1000): ReadableStream<Uint8Array> {
  let cursor: Cursor = { at: range.start, id: 0n };
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
  let cursor: Cursor = { at: range.start, id: 0n };
  return pullStream(async () => {
    if (miners === null) {
      miners = (await readPrisma().$queryRawTyped(walletMinerIds(address))).map((r) => r.miner_id);
      return csvLine(LEDGER_CSV_COLUMNS);
    }
    while (index < miners.length) {
      const rows = await pageOf(miners[index]!, cursor, range.end, pageSize);
      if (rows.length < pageSize) {
        index += 1;
        cursor = { at: range.start, id: 0n };
      } else {
        const last = rows.at(-1)!;
        cursor = { at: last.occurred_at, id: last.id };
      }
      if (rows.length > 0) return rows.map(toLine).join("");
    }
    return null;
  });
}
