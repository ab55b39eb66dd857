import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { RowColumn } from "./batch-rows";

// COPY … FROM STDIN in PostgreSQL's text format: the fastest way to hand rows to the server (one
// message stream, no per-row statement, no parameter arrays to parse).

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const NEEDS_ESCAPE = /[\\\n\r\t]/;

/** One value as a COPY text field: `\N` for NULL; backslash, newline, CR and TAB escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : value;
}

/** One row in COPY text format (no newline), columns in `columns`' order. */
export function copyLine<T>(columns: readonly RowColumn<T>[], row: T): string {
  // Joining an array measured 40 % cheaper than concatenating (3.3 vs 5.8 µs per job row).
  const fields: (string | number)[] = new Array(columns.length);
  for (let c = 0; c < columns.length; c++) {
    const value = columns[c]!.value(row);
    fields[c] = typeof value === "number" ? value : copyField(value);
  }
  return fields.join("\t");
}

/** COPYs rows already in COPY text format (`copyLine`) into `table`'s `columns` on `client` (in its transaction). */
export async function copyLines(client: pg.PoolClient, table: string, columns: readonly Pick<RowColumn<never>, "name">[], lines: readonly string[]): Promise<number> {
  if (lines.length === 0) return 0;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => c.name).join(", ")}) FROM STDIN`));
  await pipeline(Readable.from([Buffer.from(lines.join("\n") + "\n")]), stream);
  return stream.rowCount;
}

/** COPYs `rows` into `table` on `client` (in its transaction); returns the rows written. */
export function copyRows<T>(client: pg.PoolClient, table: string, columns: readonly RowColumn<T>[], rows: readonly T[]): Promise<number> {
  return copyLines(
    client,
    table,
    columns,
    rows.map((row) => copyLine(columns, row)),
  );
}
