import { describe, expect, test } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  test("allows a burst up to the limit, then refuses with the seconds to wait", () => {
    const rl = new RateLimiter(60); // one a second
    const t = 1_000_000;
    for (let i = 0; i < 60; i++) expect(rl.take("a", t).allowed).toBe(true);
    const refused = rl.take("a", t);
    expect(refused).toEqual({ allowed: false, retryAfter: 1, remaining: 0 });
    expect(rl.take("a", t + 1_000).allowed).toBe(true);
  });

  test("keeps clients apart", () => {
    const rl = new RateLimiter(2);
    expect(rl.take("a", 0).allowed).toBe(true);
    expect(rl.take("a", 0).allowed).toBe(true);
    expect(rl.take("a", 0).allowed).toBe(false);
    expect(rl.take("b", 0).allowed).toBe(true);
  });

  test("refills continuously: half a minute gives back half the limit", () => {
    const rl = new RateLimiter(10);
    for (let i = 0; i < 10; i++) rl.take("a", 0);
    expect(rl.take("a", 0).retryAfter).toBe(6);
    let allowed = 0;
    for (let i = 0; i < 10; i++) if (rl.take("a", 30_000).allowed) allowed++;
    expect(allowed).toBe(5);
  });

  test("forgets idle clients when it holds too many", () => {
    const rl = new RateLimiter(1, 3);
    for (const k of ["a", "b", "c"]) rl.take(k, 0);
    expect(rl.take("d", 120_000).allowed).toBe(true);
    expect(rl.take("a", 120_000).allowed).toBe(true); // a's bucket was dropped, a is fresh
  });
});
