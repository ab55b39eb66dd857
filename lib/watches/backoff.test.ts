import { describe, expect, test } from "vitest";
import { nextAttemptAt, retryCeilingMs, retryDelayMs, WEBHOOK_RETRY } from "./backoff";

const s = 1000;
const h = 3600 * s;
/** The largest draw Math.random can return, near enough. */
const top = 1 - 1e-12;

describe("retryCeilingMs", () => {
  test.each([
    [1, 10 * s],
    [2, 20 * s],
    [3, 40 * s],
    [9, 2560 * s],
    [10, h], // 5120 s, capped at an hour
    [30, h],
    [10_000, h], // no overflow to Infinity or NaN
    [0, 10 * s],
  ])("after attempt %i: at most %i ms", (attempts, ceiling) => expect(retryCeilingMs(attempts)).toBe(ceiling));
});

describe("retryDelayMs", () => {
  test.each([
    [1, 0.5, 5 * s],
    [1, top, 10 * s],
    [4, 0.25, 20 * s],
    [12, 0.5, h / 2],
    [1, 0, s], // never sooner than a second
    [1, -3, s],
    [1, 7, 10 * s], // a draw outside [0, 1) stays within the ceiling
  ])("attempt %i, draw %f → %i ms", (attempts, random, delay) => expect(retryDelayMs(attempts, random)).toBe(delay));

  test("every draw lies between the floor and the ceiling, and the ceiling doubles until the cap", () => {
    for (let attempts = 1; attempts <= 20; attempts++) {
      for (const random of [0, 0.1, 0.37, 0.5, 0.9, 0.999]) {
        const d = retryDelayMs(attempts, random);
        expect(d).toBeGreaterThanOrEqual(WEBHOOK_RETRY.floorMs);
        expect(d).toBeLessThanOrEqual(retryCeilingMs(attempts));
      }
      expect(retryCeilingMs(attempts + 1)).toBe(Math.min(2 * retryCeilingMs(attempts), WEBHOOK_RETRY.capMs));
    }
  });

  test("the same attempt with different draws spreads out (jitter), the same draw grows with the attempt", () => {
    expect(new Set([0.1, 0.4, 0.7].map((r) => retryDelayMs(6, r))).size).toBe(3);
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => retryDelayMs(a, 0.6));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(new Set(delays).size).toBe(delays.length);
  });
});

describe("nextAttemptAt", () => {
  const created = new Date("2026-12-06T10:00:00Z");
  const at = (ms: number) => new Date(created.getTime() + ms);

  test.each([
    ["first failure, at once", 0, 1, 1, at(10 * s)],
    ["third failure, half draw", 5 * s, 3, 0.5, at(25 * s)],
    ["late in the day: capped at an hour", 10 * h, 20, top, at(11 * h)],
    ["near the end: the last retry is at the window's end", 23.5 * h, 20, top, at(24 * h)],
    ["at the window's end: given up", 24 * h, 40, 0.5, null],
    ["past it (a worker that was down): given up", 30 * h, 2, 0.5, null],
  ])("%s", (_, failedAfter, attempts, random, expected) => expect(nextAttemptAt(created, at(failedAfter), attempts, random)).toEqual(expected));

  test("a receiver that always fails is tried a bounded number of times in its day, with growing gaps", () => {
    for (const random of [top, 0.5, 0.05]) {
      const gaps: number[] = [];
      let now = created;
      let attempts = 0;
      for (;;) {
        attempts++;
        const next = nextAttemptAt(created, now, attempts, random);
        if (!next) break;
        gaps.push(next.getTime() - now.getTime());
        now = next;
      }
      expect(now.getTime() - created.getTime()).toBe(24 * h);
      expect(attempts).toBeLessThan(random > 0.9 ? 40 : random > 0.4 ? 60 : 600);
      // Growing until the cap (the last gap is cut short by the window's end).
      const body = gaps.slice(0, -1);
      expect(body).toEqual([...body].sort((a, b) => a - b));
    }
  });
});
