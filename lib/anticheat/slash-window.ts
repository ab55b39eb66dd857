// How much of a miner's points in a time window an admin can still slash. Pure: the server loads
// the numbers, this decides.
//
// A slash's entries land at the time it is made (in the open epoch), not inside the window it
// judges, so "what is left in a window" cannot be read off the ledger by time alone. Instead each
// past slash is attributed back to its own window: time is cut into segments at every window's
// ends, the miner's earned points (every ledger entry that is not an admin action) are summed per
// segment, and the past actions are replayed in order. A slash takes from the segments of its
// window in proportion to what each still held (a fraction f of a window is f of every part of
// it); a reversal gives back exactly what its slash took. What a window holds after the replay is
// what a new slash can take; it is never below zero. A second slash of the same window can thus
// take only what the first left, and overlapping windows share fairly.

/** Instants in epoch milliseconds; windows are half-open [from, to). */
export interface TimeWindow {
  from: number;
  to: number;
}

/** One past admin action's points for this miner and point type (micro-points, signed). */
export interface PastAction extends TimeWindow {
  id: number;
  action: "slash" | "reversal";
  /** For a reversal: the slash it undoes. */
  reverses: number | null;
  micro: number;
}

/** Sorted distinct instants that cut time into segments: every window's start and end. */
export function segmentBoundaries(window: TimeWindow, past: readonly PastAction[]): number[] {
  const all = new Set<number>([window.from, window.to]);
  for (const a of past) all.add(a.from).add(a.to);
  return [...all].sort((a, b) => a - b);
}

/** Indexes of the segments [boundaries[k], boundaries[k + 1]) inside `window`. */
function segmentsIn(boundaries: readonly number[], window: TimeWindow): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < boundaries.length; k++) if (boundaries[k]! >= window.from && boundaries[k + 1]! <= window.to) out.push(k);
  return out;
}

/** Spreads `amount` over `segments` in proportion to what each still holds (evenly if none holds anything). */
function allocate(amount: number, segments: readonly number[], left: readonly number[]): Map<number, number> {
  const held = segments.map((k) => Math.max(left[k]!, 0));
  const total = held.reduce((a, b) => a + b, 0);
  return new Map(segments.map((k, i) => [k, total > 0 ? (amount * held[i]!) / total : amount / segments.length]));
}

/**
 * Micro-points still in `window` for one miner and point type. `earned[k]` is the sum of the
 * miner's non-admin entries in segment k of `boundaries` (from `segmentBoundaries`).
 */
export function remainingInWindow(boundaries: readonly number[], earned: readonly number[], past: readonly PastAction[], window: TimeWindow): number {
  if (earned.length !== Math.max(boundaries.length - 1, 0)) throw new Error("earned needs one sum per segment");
  const left = [...earned];
  const taken = new Map<number, Map<number, number>>();
  for (const a of [...past].sort((x, y) => x.id - y.id)) {
    const undone = a.action === "reversal" && a.reverses !== null ? taken.get(a.reverses) : undefined;
    const parts = undone ? new Map([...undone].map(([k, v]) => [k, -v])) : allocate(a.micro, segmentsIn(boundaries, a), left);
    for (const [k, v] of parts) left[k]! += v;
    if (a.action === "slash") taken.set(a.id, parts);
  }
  const sum = segmentsIn(boundaries, window).reduce((acc, k) => acc + left[k]!, 0);
  return Math.max(0, sum);
}

/** What a slash of `fractionPpm` takes from `remaining` micro-points: a whole, non-positive number. */
export function slashMicro(remaining: number, fractionPpm: number): number {
  const take = Math.round((Math.max(remaining, 0) * fractionPpm) / 1_000_000);
  return take === 0 ? 0 : -take;
}
