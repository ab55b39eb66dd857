// What every check of `verify` reports, and the part of the ledger it looks at: all of it (`cli
// verify --full`, the tests) or a range of entry ids (an epoch sealed by its close, or the entries
// written since the last close; decision 0027).

export interface CheckResult {
  name: string;
  /** What was compared (rows, jobs). */
  checked: number;
  mismatches: number;
  /** Up to 10 mismatches, readable. */
  examples: string[];
}

export const EXAMPLES = 10;

/** Ledger entry ids after `after` up to `upTo` (inclusive; null: no end). */
export interface IdRange {
  after: bigint;
  upTo: bigint | null;
}

/** The SQL condition on ledger entries `alias` for `range`, or any of `range`s (everything without one); ids are bigints, never text. */
export function inRange(range: IdRange | readonly IdRange[] | undefined, alias = "l"): string {
  if (!range) return "TRUE";
  if (Array.isArray(range)) return range.length ? `(${range.map((r) => inRange(r, alias)).join(" OR ")})` : "FALSE";
  const { after, upTo } = range as IdRange;
  return `(${alias}.id > ${BigInt(after)}${upTo === null ? "" : ` AND ${alias}.id <= ${BigInt(upTo)}`})`;
}

/** A result and the way to add a mismatch to it (counted; the first few kept as examples). */
export function tally(name: string): { result: CheckResult; fail: (line: string) => void } {
  const result: CheckResult = { name, checked: 0, mismatches: 0, examples: [] };
  const fail = (line: string) => {
    result.mismatches++;
    if (result.examples.length < EXAMPLES) result.examples.push(line);
  };
  return { result, fail };
}
