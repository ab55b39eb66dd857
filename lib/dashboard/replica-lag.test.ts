import { describe, expect, test } from "vitest";
import { lagNote, standbyAsOf, type ReadAsOf } from "./replica-lag";

const now = new Date("2026-12-05T17:42:22Z");
const at = (iso: string) => new Date(iso);

describe("standbyAsOf", () => {
  test.each([
    ["caught up, last commit long ago: as of now", { now, replayedAt: at("2026-12-05T09:00:00Z"), caughtUp: true }, { asOf: now.toISOString(), lagSeconds: 0 }],
    ["replay behind: as of the last replayed commit", { now, replayedAt: at("2026-12-05T17:42:10Z"), caughtUp: false }, { asOf: "2026-12-05T17:42:10.000Z", lagSeconds: 12 }],
    ["never streamed, replayed something: as of it", { now, replayedAt: at("2026-12-05T17:40:22Z"), caughtUp: null }, { asOf: "2026-12-05T17:40:22.000Z", lagSeconds: 120 }],
    ["behind with nothing replayed since start-up: unknown", { now, replayedAt: null, caughtUp: false }, { asOf: now.toISOString(), lagSeconds: null }],
    ["replayed commit a clock skew ahead: no negative lag", { now, replayedAt: at("2026-12-05T17:42:23Z"), caughtUp: false }, { asOf: now.toISOString(), lagSeconds: 0 }],
  ])("%s", (_, state, want) => {
    expect(standbyAsOf(state)).toEqual({ ...want, replica: true });
  });
});

describe("lagNote", () => {
  const replica = (asOf: string, lagSeconds: number | null): ReadAsOf => ({ asOf, lagSeconds, replica: true });
  test.each<[string, ReadAsOf, string | null]>([
    ["primary", { asOf: now.toISOString(), lagSeconds: 0, replica: false }, null],
    ["caught up", replica(now.toISOString(), 0), null],
    ["4 s: the ordinary second", replica("2026-12-05T17:42:18Z", 4), null],
    ["12 s", replica("2026-12-05T17:42:10Z", 12), "Data as of 17:42:10 UTC (replica 12 s behind)"],
    ["5 min", replica("2026-12-05T17:37:22Z", 300), "Data as of 17:37:22 UTC (replica 5 min behind)"],
    ["yesterday: with the date", replica("2026-12-04T20:00:00Z", 78_142), "Data as of 2026-12-04 20:00:00 UTC (replica 21 h behind)"],
    ["unknown", replica(now.toISOString(), null), "Data from a read replica that is catching up; how far behind it is is not known yet"],
    ["primary, batches folded within 3 s", { asOf: "2026-12-05T17:42:19Z", lagSeconds: 0, replica: false, pendingSince: "2026-12-05T17:42:19Z" }, null],
    [
      "primary, batches waiting 40 s to be folded",
      { asOf: "2026-12-05T17:41:42Z", lagSeconds: 0, replica: false, pendingSince: "2026-12-05T17:41:42Z" },
      "Totals as of 17:41:42 UTC (jobs of the last 40 s are still being added)",
    ],
    ["a lagging replica says so first", { ...replica("2026-12-05T17:42:10Z", 12), pendingSince: "2026-12-05T17:41:42Z" }, "Data as of 17:42:10 UTC (replica 12 s behind)"],
  ])("%s", (_, r, text) => {
    expect(lagNote(r, now)).toBe(text);
  });
});
