// Epoch rewards as a daily history (Heurist's s2Rewards, decision 0033). Settlement pays per weekly
// epoch; each epoch's pool share is spread over the epoch's UTC days pro rata to that day's points
// of the pool, with settlement's own integer split, so every day is a whole number of wei and the
// days of an epoch add up to exactly what the epoch paid (or, for the open epoch, projects).
import { epochEnd, epochOf } from "./epoch";
import { splitPool } from "./split";

const DAY_MS = 86_400_000;

export interface DayPoints {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  waifuMicro: bigint;
  llamaMicro: bigint;
}

export interface PoolTokens {
  waifuWei: bigint;
  llamaWei: bigint;
}

export interface DayRewards extends DayPoints, PoolTokens {}

export const epochOfDay = (date: string): number => epochOf(new Date(`${date}T00:00:00Z`));

/** The epoch's last UTC day, or `today` while the epoch is still open. */
function lastDay(epoch: number, today: string): string {
  const last = new Date(epochEnd(epoch).getTime() - DAY_MS).toISOString().slice(0, 10);
  return last < today ? last : today;
}

/** `amount` over the days pro rata to their points (a day at or below zero counts 0); with no such day, all on `fallback`. */
function spread(amount: bigint, weights: Map<string, bigint>, fallback: string): Map<string, bigint> {
  if (amount === 0n) return new Map();
  if (![...weights.values()].some((w) => w > 0n)) return new Map([[fallback, amount]]);
  return splitPool(amount, new Map([...weights].map(([date, w]) => [date, w > 0n ? w : 0n])));
}

/**
 * Every day of `days` with its share of its epoch's `tokens` (per epoch number: the settled pool
 * shares, and the open epoch's projection), oldest first. An epoch whose pool share has no day with
 * points of that pool (points counted late, after their own days' epoch was settled) puts it on its
 * last day, or on `today` while open, which then appears with zero points. Epochs without tokens
 * (not settled yet, nothing earned) give their days zero rewards.
 */
export function dailyRewards(days: readonly DayPoints[], tokens: ReadonlyMap<number, PoolTokens>, today: string): DayRewards[] {
  const out = new Map<string, DayRewards>(days.map((d) => [d.date, { ...d, waifuWei: 0n, llamaWei: 0n }]));
  const byEpoch = new Map<number, DayPoints[]>();
  for (const d of days) byEpoch.set(epochOfDay(d.date), [...(byEpoch.get(epochOfDay(d.date)) ?? []), d]);
  for (const [epoch, t] of tokens) {
    const own = byEpoch.get(epoch) ?? [];
    const fallback = lastDay(epoch, today);
    const add = (pool: "waifuWei" | "llamaWei", shares: Map<string, bigint>) => {
      for (const [date, wei] of shares) {
        const day = out.get(date) ?? { date, waifuMicro: 0n, llamaMicro: 0n, waifuWei: 0n, llamaWei: 0n };
        day[pool] += wei;
        out.set(date, day);
      }
    };
    add("waifuWei", spread(t.waifuWei, new Map(own.map((d) => [d.date, d.waifuMicro])), fallback));
    add("llamaWei", spread(t.llamaWei, new Map(own.map((d) => [d.date, d.llamaMicro])), fallback));
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
