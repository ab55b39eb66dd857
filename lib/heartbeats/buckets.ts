// Availability is measured in 5-minute buckets: a node is available in a bucket when the job
// router saw it polling for work then (a heartbeat), whether or not a job came its way. Each node
// keeps one row a UTC day with a bit per bucket (288), so storage grows with nodes × days, not polls.
export const BUCKET_MINUTES = 5;
export const BUCKET_MS = BUCKET_MINUTES * 60_000;
export const BUCKETS_PER_DAY = (24 * 60) / BUCKET_MINUTES;
const DAY_MS = 86_400_000;

/** The UTC day ("YYYY-MM-DD") and bucket index (0–287) a moment falls in. */
export function bucketOf(at: Date): { day: string; index: number } {
  const ms = at.getTime();
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  return { day: new Date(dayStart).toISOString().slice(0, 10), index: Math.floor((ms - dayStart) / BUCKET_MS) };
}

/** A day's bit string ("0101…", 288 characters) with the given buckets set. */
export function dayBits(indices: Iterable<number>): string {
  const bits = new Array<string>(BUCKETS_PER_DAY).fill("0");
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= BUCKETS_PER_DAY) throw new RangeError(`bucket index ${i} is outside 0–${BUCKETS_PER_DAY - 1}`);
    bits[i] = "1";
  }
  return bits.join("");
}

/**
 * The whole buckets of a window [from, to), per UTC day: the day and the 1-based position and
 * length of its run of buckets (as SQL's substring() takes them). A partial bucket at either end
 * is left out.
 */
export function windowRuns(from: Date, to: Date): { day: string; start: number; length: number }[] {
  const first = Math.ceil(from.getTime() / BUCKET_MS);
  const end = Math.floor(to.getTime() / BUCKET_MS);
  const runs: { day: string; start: number; length: number }[] = [];
  for (let b = first; b < end;) {
    const { day, index } = bucketOf(new Date(b * BUCKET_MS));
    const length = Math.min(BUCKETS_PER_DAY - index, end - b);
    runs.push({ day, start: index + 1, length });
    b += length;
  }
  return runs;
}
