import "server-only";
import { heuOfWei } from "@/lib/market/row";
import { microToPoints } from "@/lib/points";

// pg returns bigint and numeric as strings, Prisma bigint as bigint (they may not fit a JS number).
// Sums stay exact in the database; they become JS numbers only here, at the edge of the API.

/** A micro-point sum (string from pg, bigint from Prisma, or null for an empty sum) as points. */
export function pointsOf(micro: string | bigint | null | undefined): number {
  return micro == null ? 0 : microToPoints(BigInt(micro));
}

export function countOf(value: string | number | bigint | null | undefined): number {
  return value == null ? 0 : Number(value);
}

/** stHEU from a wei amount (numeric(78,0) as text), exact to the whole token before the fraction is added. */
export function heuOf(wei: string | null | undefined): number {
  return wei == null ? 0 : heuOfWei(wei);
}

/** successes ÷ jobs, null when there were no jobs (unknown, not 0 %). */
export function ratioOf(successes: string | number | null | undefined, jobs: string | number | null | undefined): number | null {
  const total = countOf(jobs);
  return total === 0 ? null : countOf(successes) / total;
}

/** The on-time rate with its sample: jobs completed within the timeout ÷ jobs received. */
export function onTimeOf(successes: string | number | null | undefined, jobs: string | number | null | undefined): { ratio: number | null; completed: number; jobs: number } {
  return { ratio: ratioOf(successes, jobs), completed: countOf(successes), jobs: countOf(jobs) };
}

export function isoOf(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
