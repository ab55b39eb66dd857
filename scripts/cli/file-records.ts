// Jobs files read record by record from a byte offset, for `cli ingest` and `cli import`: JSONL (one
// job per line) and CSV (a header row naming the job fields). Each record carries its line and the
// byte offset just after it, so a run can commit "up to here" and a later one start there.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse, type CsvError } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import type { JobInput } from "../../lib/schemas/jobs";

export type FileRecord =
  | { kind: "job"; raw: unknown; line: number; end: number }
  | { kind: "invalid"; reason: string; raw?: unknown; line: number; end: number }
  | { kind: "blank"; line: number; end: number };

/** Where to read from: a byte offset at a line start, and the lines before it. */
export interface FilePosition {
  offset: number;
  line: number;
}

/** Read size: small enough that parsing one read never holds the event loop for long. */
const READ_BYTES = 64 * 1024;

function jsonlRecord(text: string, line: number, end: number): FileRecord {
  if (!text) return { kind: "blank", line, end };
  try {
    return { kind: "job", raw: JSON.parse(text) as unknown, line, end };
  } catch {
    return { kind: "invalid", reason: "not valid JSON", line, end };
  }
}

/** JSONL records from `from` up to byte `endBefore` (default: the end), a read's worth at a time. */
export async function* jsonlRecords(file: string, from: FilePosition, endBefore = Infinity): AsyncGenerator<FileRecord[]> {
  let offset = from.offset;
  let line = from.line;
  let carry: Buffer | null = null;
  const stream = createReadStream(file, { start: from.offset, end: endBefore - 1, highWaterMark: READ_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const out: FileRecord[] = [];
    let pos = 0;
    let nl: number;
    while ((nl = data.indexOf(0x0a, pos)) !== -1) {
      offset += nl + 1 - pos;
      out.push(jsonlRecord(data.toString("utf8", pos, nl).trim(), ++line, offset));
      pos = nl + 1;
    }
    carry = pos < data.length ? Buffer.from(data.subarray(pos)) : null;
    if (out.length) yield out;
  }
  if (carry) yield [jsonlRecord(carry.toString("utf8").trim(), ++line, offset + carry.length)];
}

/** The job fields a CSV header may name (those of POST /api/v1/jobs), and which of them are numbers. */
export const CSV_FIELDS = [
  "job_id",
  "miner_id",
  "model_id",
  "status",
  "completed_at",
  "hardware",
  "inference_latency",
  "width",
  "height",
  "num_iterations",
  "input_tokens",
  "output_tokens",
  "input_ref",
  "output_ref",
] as const satisfies readonly (keyof JobInput)[];
const NUMERIC: ReadonlySet<string> = new Set(["inference_latency", "width", "height", "num_iterations", "input_tokens", "output_tokens"]);
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The header row of a CSV jobs file; throws on a column that is not a job field. */
export async function csvHeader(file: string): Promise<string[]> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(READ_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.toString("utf8", 0, bytesRead).replace(/^\uFEFF/, "");
    const nl = text.indexOf("\n");
    const header = (parseSync(nl === -1 ? text : text.slice(0, nl), { relax_column_count: true }) as string[][])[0]?.map((c) => c.trim()) ?? [];
    const unknown = header.filter((c) => !(CSV_FIELDS as readonly string[]).includes(c));
    const repeated = header.filter((c, i) => header.indexOf(c) !== i);
    if (!header.includes("job_id") || unknown.length || repeated.length) {
      throw new Error(
        `the CSV header must name job fields (${CSV_FIELDS.join(", ")}), job_id among them` +
          (unknown.length ? `; unknown: ${unknown.join(", ")}` : "") +
          (repeated.length ? `; repeated: ${repeated.join(", ")}` : ""),
      );
    }
    return header;
  } finally {
    await fh.close();
  }
}

/** A CSV row as the job the API would have received: numbers as numbers, empty cells absent. */
function csvJob(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const job: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) {
    const value = row[i]!;
    if (value === "") continue;
    job[header[i]!] = NUMERIC.has(header[i]!) && NUMBER.test(value) ? Number(value) : value;
  }
  return job;
}

type CsvItem = { info: { bytes: number; lines: number }; record: string[] } | { skipped: CsvError | undefined };

/** CSV records from `from` (a record boundary; 0 reads the header first) up to byte `endBefore`. */
export async function* csvRecords(file: string, from: FilePosition, endBefore = Infinity): AsyncGenerator<FileRecord[]> {
  const header = await csvHeader(file);
  let end = from.offset;
  let line = from.line;
  let headerRow = from.offset === 0;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // In the record stream, in file order, so a malformed record is reported with the chunk it belongs to.
    on_skip: (err) => void parser.push({ skipped: err } satisfies CsvItem),
  });
  const input = createReadStream(file, { start: from.offset, end: endBefore - 1, highWaterMark: READ_BYTES });
  input.on("error", (err) => parser.destroy(err)).pipe(parser);
  let out: FileRecord[] = [];
  try {
    for await (const item of parser as AsyncIterable<CsvItem>) {
      if ("skipped" in item) {
        // Reported at the line after the last good record, where it starts (csv-parse names where it
        // noticed, which for a quote never closed is the end of the file).
        out.push({ kind: "invalid", reason: `malformed CSV: ${item.skipped?.message ?? "unreadable record"}`, line: line + 1, end });
      } else {
        end = from.offset + item.info.bytes;
        line = from.line + item.info.lines;
        if (headerRow)
          headerRow = false; // the header, read by csvHeader
        else if (item.record.length !== header.length) {
          out.push({ kind: "invalid", reason: `expected ${header.length} fields (the header's), found ${item.record.length}`, raw: item.record, line, end });
        } else out.push({ kind: "job", raw: csvJob(header, item.record), line, end });
      }
      if (out.length >= 256) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  } finally {
    input.destroy(); // a reader that stops early closes the file
  }
}
