// Describes a query in prisma/sql/ the way TypedSQL's `introspectSql` does (parameter and column
// types, nullability), asked of PostgreSQL itself: the WASM schema engine's own introspectSql
// overflows its stack on any query (see docs/decisions/0038-typed-sql-through-a-shim.md).
import pg from "pg";

export interface SqlQueryInput {
  name: string;
  source: string;
  fileName: string;
}
interface Parameter {
  name: string;
  typ: string;
  nullable: boolean;
  documentation: string | null;
}
export interface SqlQueryOutput {
  name: string;
  source: string;
  documentation: string | null;
  parameters: Parameter[];
  resultColumns: { name: string; typ: string; nullable: boolean }[];
}

// PostgreSQL type names → TypedSQL's; an array type is its element's with "-array".
const TYPES: Record<string, string> = {
  int2: "int",
  int4: "int",
  int8: "bigint",
  numeric: "decimal",
  float4: "float",
  float8: "double",
  bool: "bool",
  text: "string",
  varchar: "string",
  bpchar: "char",
  name: "string",
  uuid: "uuid",
  json: "json",
  jsonb: "json",
  timestamptz: "datetime",
  timestamp: "datetime",
  date: "date",
  time: "time",
  timetz: "time",
  bytea: "bytes",
  xml: "xml",
};

interface PgType {
  oid: number;
  typname: string;
  elem: string | null;
  is_enum: boolean;
}

function typedSqlType(t: PgType | undefined): string {
  if (!t) return "unknown";
  if (t.elem !== null) return `${TYPES[t.elem] ?? "unknown"}-array`;
  if (t.is_enum) return t.typname;
  return TYPES[t.typname] ?? "unknown";
}

/** `-- @param {Type} $1:name doc` (TypedSQL's syntax; `{Type}?` nullable), `-- @nullable a, b`, `-- @nonnull a, b`. */
function annotations(source: string) {
  const params = new Map<number, { name: string; nullable: boolean; documentation: string | null }>();
  const nullable = new Set<string>();
  const nonnull = new Set<string>();
  const docs: string[] = [];
  for (const line of source.split("\n")) {
    const text = /^\s*--\s*(.*)$/.exec(line)?.[1];
    if (text === undefined) continue;
    const param = /^@param\s+\{\w+\}(\?)?\s+\$(\d+):(\w+)\s*(.*)$/.exec(text);
    const columns = /^@(nullable|nonnull)\s+(.+)$/.exec(text);
    if (param) params.set(Number(param[2]), { name: param[3]!, nullable: param[1] === "?", documentation: param[4] || null });
    else if (columns) for (const c of columns[2]!.split(",")) (columns[1] === "nullable" ? nullable : nonnull).add(c.trim());
    else if (!text.startsWith("@")) docs.push(text);
  }
  return { params, nullable, nonnull, documentation: docs.length ? docs.join("\n") : null };
}

/**
 * A column is non-null when it is a NOT NULL table column of a table not on the outer side of a
 * LEFT JOIN, or listed in `-- @nonnull`; anything computed is nullable unless listed there.
 */
export async function describeQuery(client: pg.Client, q: SqlQueryInput): Promise<SqlQueryOutput> {
  const notes = annotations(q.source);
  const outer = await outerJoinedTables(client, q.source);
  await client.query("DEALLOCATE ALL");
  await client.query(`PREPARE typed_sql_probe AS ${q.source}`);
  const { rows } = await client.query<{ parameter_types: number[] }>(
    "SELECT parameter_types::oid[]::int[] AS parameter_types FROM pg_prepared_statements WHERE name = 'typed_sql_probe'",
  );
  const parameterTypes = rows[0]!.parameter_types;
  // Column names and origins: run it with every parameter null on the empty, migrated throwaway
  // database, in a transaction always rolled back, so a write with RETURNING is described too.
  await client.query("BEGIN");
  const nulls = parameterTypes.length ? `(${parameterTypes.map(() => "NULL").join(", ")})` : "";
  const probe = await client.query(`EXECUTE typed_sql_probe${nulls}`).finally(() => client.query("ROLLBACK"));
  const oids = [...parameterTypes, ...probe.fields.map((f) => f.dataTypeID)];
  const { rows: types } = await client.query<PgType>(
    `SELECT t.oid::int AS oid, t.typname, e.typname AS elem, t.typtype = 'e' AS is_enum
       FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A' WHERE t.oid = ANY($1::oid[])`,
    [oids],
  );
  const byOid = new Map(types.map((t) => [t.oid, t]));
  const origins = probe.fields.filter((f) => f.tableID !== 0);
  const { rows: notNull } = await client.query<{ key: string }>(
    `SELECT a.attrelid::int || '.' || a.attnum AS key FROM pg_attribute a
      WHERE a.attnotnull AND (a.attrelid::int, a.attnum::int) IN (SELECT * FROM unnest($1::int[], $2::int[]))`,
    [origins.map((f) => f.tableID), origins.map((f) => f.columnID)],
  );
  const notNullKeys = new Set(notNull.map((r) => r.key));
  return {
    name: q.name,
    source: q.source,
    documentation: notes.documentation,
    parameters: parameterTypes.map((oid, i) => {
      const p = notes.params.get(i + 1);
      return { name: p?.name ?? `p${i + 1}`, typ: typedSqlType(byOid.get(oid)), nullable: p?.nullable ?? false, documentation: p?.documentation ?? null };
    }),
    resultColumns: probe.fields.map((f) => {
      const fromTable = notNullKeys.has(`${f.tableID}.${f.columnID}`) && !outer.has(f.tableID);
      const nullable = notes.nullable.has(f.name) || !(fromTable || notes.nonnull.has(f.name));
      return { name: f.name, typ: typedSqlType(byOid.get(f.dataTypeID)), nullable };
    }),
  };
}

/** Tables named after LEFT JOIN (their columns can be null); RIGHT and FULL joins are refused. */
async function outerJoinedTables(client: pg.Client, source: string): Promise<Set<number>> {
  if (/\b(RIGHT|FULL)\s+(OUTER\s+)?JOIN\b/i.test(source)) throw new Error("RIGHT and FULL joins are not described: write them as LEFT joins");
  const names = [...source.matchAll(/\bLEFT\s+(?:OUTER\s+)?JOIN\s+(?!LATERAL\b)("?[\w.]+"?)/gi)].map((m) => m[1]);
  if (names.length === 0) return new Set();
  const { rows } = await client.query<{ oid: number }>("SELECT to_regclass(n)::oid::int AS oid FROM unnest($1::text[]) n", [names]);
  return new Set(rows.map((r) => r.oid).filter((o) => o !== null));
}
