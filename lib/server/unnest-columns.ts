import "server-only";

/**
 * Rows as one array per named field, in the order named: the parameters of a bulk statement's
 * `unnest($1::text[], $2::int[], ...)`, which takes columns, not rows.
 */
export function columns<T, const K extends readonly (keyof T)[]>(rows: readonly T[], ...keys: K): { -readonly [I in keyof K]: T[K[I]][] } {
  return keys.map((k) => rows.map((r) => r[k])) as { -readonly [I in keyof K]: T[K[I]][] };
}
