import "server-only";
import type pg from "pg";
import type { Decimal, TypedSql } from "@prisma/client/runtime/client";

// A TypedSQL query (prisma/sql/) run on a pg connection rather than through Prisma: for reads and
// writes that share a transaction with raw-SQL statements (the worker's folds and settlements, the
// snapshot readers at repeatable read), so their row types are generated too, not typed by hand.
// pg returns bigint and numeric as text where Prisma returns bigint and Decimal, so a query run
// here must cast such columns (`::text`, `::int`); a Result with a bigint or Decimal field does not
// compile. Json, Date, text, int, float and bool come back alike from both.

type NotFromPg = bigint | Decimal | bigint[] | Decimal[];

/** `R` with every field that pg would return differently from Prisma turned to `never`. */
export type PgRow<R> = { [K in keyof R]: [Extract<R[K], NotFromPg>] extends [never] ? R[K] : never };

/** Runs `q` on `db` (a pool, or a client inside a transaction) and returns its generated rows. */
export async function queryTyped<V extends readonly unknown[], R extends PgRow<R>>(db: Pick<pg.Pool, "query"> | Pick<pg.ClientBase, "query">, q: TypedSql<V, R>): Promise<R[]> {
  const { rows } = await db.query<R & pg.QueryResultRow>(q.sql, [...q.values]);
  return rows;
}
