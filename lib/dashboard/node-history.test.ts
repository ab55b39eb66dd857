import { describe, expect, test } from "vitest";
import type { NodeHistory, NodeHistoryDay } from "@/lib/schemas/node-history";
import { availabilityBars, availabilitySummary, bribeSeries, bribeSummary, onTimeCell, stakeSummary } from "./node-history";

const DAY = 86_400_000;
const asOf = "2026-12-05T07:20:00.000Z";
const t = (iso: string) => Date.parse(iso);
type Bribes = NodeHistory["bribes"];
type Entry = Bribes["history"][number];

const entry = (bps: number, epoch: number, effectiveAt: string, status: Entry["status"], inForceFrom: string | null, inForceUntil: string | null = null): Entry => ({
  bps,
  effectiveEpoch: epoch,
  effectiveAt,
  setAt: new Date(t(effectiveAt) - DAY).toISOString(),
  blockNumber: epoch,
  status,
  inForceFrom,
  inForceUntil,
});

const bribes = (over: Partial<Bribes>): Bribes => ({
  minerId: "0x" + "a".repeat(40) + "-rig",
  operator: "0x" + "a".repeat(40),
  asOf,
  currentBps: null,
  currentSince: null,
  pending: null,
  recentCut: null,
  history: [],
  ...over,
});

describe("bribeSeries", () => {
  test("no bribe ever set: no series", () => {
    expect(bribeSeries(bribes({}))).toBeNull();
    expect(bribeSummary(bribes({}))).toBe("No bribe set.");
  });

  test("steps where each change applied, held to now; a pending change dashed from now to its epoch and a day past it", () => {
    const b = bribes({
      currentBps: 1500,
      currentSince: "2026-11-27T00:00:00.000Z",
      pending: { bps: 1000, effectiveEpoch: 2918, effectiveAt: "2026-12-11T00:00:00.000Z" },
      history: [
        entry(1000, 2918, "2026-12-11T00:00:00.000Z", "pending", "2026-12-11T00:00:00.000Z"),
        entry(1500, 2916, "2026-11-27T00:00:00.000Z", "in_force", "2026-11-27T00:00:00.000Z", "2026-12-11T00:00:00.000Z"),
        entry(2000, 2915, "2026-11-20T00:00:00.000Z", "superseded", null), // replaced before it applied: no step
        entry(3000, 2900, "2026-08-07T00:00:00.000Z", "superseded", "2026-08-07T00:00:00.000Z", "2026-11-27T00:00:00.000Z"),
      ],
    });
    const s = bribeSeries(b)!;
    expect(s.inForce).toEqual([
      { t: t("2026-08-07T00:00:00.000Z"), value: 30 },
      { t: t("2026-11-27T00:00:00.000Z"), value: 15 },
      { t: t(asOf), value: 15 },
    ]);
    expect(s.pending).toEqual({
      bps: 1000,
      epoch: 2918,
      effectiveAt: "2026-12-11T00:00:00.000Z",
      points: [
        { t: t(asOf), value: 15 },
        { t: t("2026-12-11T00:00:00.000Z"), value: 10 },
        { t: t("2026-12-12T00:00:00.000Z"), value: 10 },
      ],
    });
    expect(s.domain).toEqual([t("2026-08-07T00:00:00.000Z"), t("2026-12-12T00:00:00.000Z")]);
    expect(bribeSummary(b)).toBe("15 % in force since 2026-11-27 00:00 UTC; 10 % pending from epoch 2918 (2026-12-11 00:00 UTC), a cut; 4 changes set in all.");
  });

  test("a first bribe still pending: nothing in force, the dashed line starts at 0; the axis shows at least 30 days", () => {
    const b = bribes({
      pending: { bps: 500, effectiveEpoch: 2918, effectiveAt: "2026-12-11T00:00:00.000Z" },
      history: [entry(500, 2918, "2026-12-11T00:00:00.000Z", "pending", "2026-12-11T00:00:00.000Z")],
    });
    const s = bribeSeries(b)!;
    expect(s.inForce).toEqual([]);
    expect(s.pending!.points[0]).toEqual({ t: t(asOf), value: 0 });
    expect(s.domain[0]).toBe(t(asOf) - 30 * DAY);
    expect(bribeSummary(b)).toBe("No bribe in force yet; 5 % pending from epoch 2918 (2026-12-11 00:00 UTC); 1 change set in all.");
  });
});

const E18 = 10n ** 18n;
const point = (at: string, heu: bigint, kind: NodeHistory["stake"][number]["kind"]) => ({ at, stakeWei: (heu * E18).toString(), stake: Number(heu), kind });

test.each([
  [[], "Never staked on."],
  [
    [
      point("2026-11-06T00:00:00.000Z", 10_000n, "start"),
      point("2026-11-25T00:00:00.000Z", 16_500n, "change"),
      point("2026-12-04T01:00:00.000Z", 14_000n, "change"),
      point(asOf, 14_000n, "now"),
    ],
    "14,000 stHEU now, 10,000 stHEU on 2026-11-06; 2 changes since, highest 16,500 stHEU.",
  ],
  [
    [point("2026-11-06T00:00:00.000Z", 0n, "start"), point("2026-12-02T00:00:00.000Z", 7_000n, "change"), point(asOf, 7_000n, "now")],
    "7,000 stHEU now, 0 stHEU on 2026-11-06; 1 change since.",
  ],
])("stakeSummary %#", (stake, text) => {
  expect(stakeSummary(stake)).toBe(text);
});

const dayOf = (
  date: string,
  online: number,
  buckets: number,
  heartbeatBuckets: number,
  source: NodeHistoryDay["availability"]["source"],
  jobs = 0,
  completed = 0,
): NodeHistoryDay => ({
  date,
  from: `${date}T00:00:00.000Z`,
  to: `${date}T00:00:00.000Z`,
  availability: { ratio: buckets === 0 ? null : online / buckets, onlineBuckets: online, buckets, heartbeatBuckets, source },
  onTime: { ratio: jobs === 0 ? null : completed / jobs, completed, jobs },
});

describe("availability per day", () => {
  const days = [
    dayOf("2026-12-03", 24, 288, 0, "jobs", 3, 2),
    dayOf("2026-12-04", 216, 288, 216, "mixed"),
    dayOf("2026-12-05", 88, 88, 88, "heartbeats", 1, 1),
    dayOf("2026-12-06", 0, 0, 0, "none"),
  ];

  test("bars in percent; days measured from received jobs (wholly or partly) are marked; a day not measured has no bar", () => {
    expect(availabilityBars(days)).toEqual([
      { date: "2026-12-03", percent: (24 / 288) * 100, fromJobs: true, sample: "2 of 24 h online" },
      { date: "2026-12-04", percent: 75, fromJobs: true, sample: "18 of 24 h online" },
      { date: "2026-12-05", percent: 100, fromJobs: false, sample: "7.3 of 7.3 h online" },
      { date: "2026-12-06", percent: null, fromJobs: false, sample: "not measured" },
    ]);
  });

  test("the summary pools the measured buckets and says how many days rest on jobs", () => {
    // (24 + 216 + 88) ÷ (288 + 288 + 88) = 328 ÷ 664
    expect(availabilitySummary(days)).toBe("Available 49.4% of the time measured over 3 days (27.3 of 55.3 h). 2 of the days are measured wholly or partly from received jobs.");
    expect(availabilitySummary([days[3]!])).toBe("Nothing measured.");
  });

  test("the on-time cell", () => {
    expect(days.map(onTimeCell)).toEqual(["2 of 3 (66.7%)", "no jobs", "1 of 1 (100%)", "no jobs"]);
  });
});
