// CSV encoding for the exports (RFC 4180): exact decimals from the stored integers, so a
// spreadsheet sum of an export equals the portal's sum to the micro-point.

/**
 * A number already written as exact decimal text ("-0.000001", "1.25"): a numeric column, written
 * as is. Anything else that is a string is text, whatever it looks like.
 */
export class CsvNumber {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  }
}

export const csvNumber = (text: string) => new CsvNumber(text);

export type CsvCell = string | number | bigint | CsvNumber | null | undefined;

/**
 * A field quoted only when it must be. Text starting with = + - @ TAB or CR is what spreadsheets
 * evaluate as a formula (OWASP "CSV injection"): it is written with a leading ' so it stays text,
 * even when it looks like a number ("-1-A1"). Numbers (number, bigint, CsvNumber) are never touched.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof CsvNumber) return value.text;
  const quoted = () => `"${value.replaceAll('"', '""')}"`;
  if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return /[",\r\n]/.test(value) ? quoted() : value;
}

/** An integer scaled by 10^6 as a numeric cell. */
export const scaledCell = (value: string | number | bigint) => csvNumber(scaledToDecimal(value));

export function csvLine(values: readonly CsvCell[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** An integer scaled by 10^6 (micro-points, ppm) as an exact decimal: 6600000 → "6.6", -1 → "-0.000001". */
export function scaledToDecimal(value: string | number | bigint): string {
  const n = BigInt(value);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Headers of every CSV download: a file name the browser saves under, and never cached. */
export function csvResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A byte stream that asks `nextChunk` for more text only when the client reads (backpressure), so
 * an export of any size holds one page in memory. `nextChunk` returns null when done.
 */
export function pullStream(nextChunk: () => Promise<string | null>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await nextChunk();
        if (chunk === null) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 1 },
  );
}

/** A header line, then `rows` as CSV lines `chunkRows` at a time as the client reads. */
export function rowsCsvStream<T>(columns: readonly string[], rows: readonly T[], cells: (row: T) => CsvCell[], chunkRows: number): ReadableStream<Uint8Array> {
  let next = -1;
  return pullStream(async () => {
    if (next === -1) {
      next = 0;
      return csvLine(columns);
    }
    if (next >= rows.length) return null;
    const chunk = rows.slice(next, next + chunkRows);
    next += chunk.length;
    return chunk.map((r) => csvLine(cells(r))).join("");
  });
}
