import { describe, expect, test } from "vitest";
import { availabilityPlan, coverageStart } from "./coverage";

const t = (iso: string) => new Date(iso);

describe("availabilityPlan", () => {
  test("a window wholly after the first heartbeat is measured by heartbeats alone", () => {
    const p = availabilityPlan(t("2026-12-04T10:00:00Z"), t("2026-12-05T10:00:00Z"), t("2026-12-01T00:00:00Z"));
    expect(p).toMatchObject({ source: "heartbeats", buckets: 288, heartbeatBuckets: 288, jobBuckets: 0, jobHours: null });
    expect(p.heartbeatRuns).toEqual([
      { day: "2026-12-04", start: 121, length: 168 },
      { day: "2026-12-05", start: 1, length: 120 },
    ]);
  });

  test("without heartbeats the window's whole hours are measured by received jobs, 12 buckets an hour", () => {
    const p = availabilityPlan(t("2026-12-04T10:20:00Z"), t("2026-12-05T10:20:00Z"), null);
    expect(p).toMatchObject({ source: "jobs", heartbeatBuckets: 0, buckets: 23 * 12 });
    expect(p.jobHours).toEqual({ from: t("2026-12-04T11:00:00Z"), to: t("2026-12-05T10:00:00Z") });
  });

  test("coverage starting inside the window splits it at the next whole hour", () => {
    // First heartbeat 08:35: heartbeats from 09:00, received jobs before.
    const p = availabilityPlan(t("2026-11-28T10:00:00Z"), t("2026-12-05T10:00:00Z"), t("2026-12-04T08:35:00Z"));
    expect(coverageStart(t("2026-12-04T08:35:00Z"))).toEqual(t("2026-12-04T09:00:00Z"));
    expect(p.source).toBe("mixed");
    expect(p.jobHours).toEqual({ from: t("2026-11-28T10:00:00Z"), to: t("2026-12-04T09:00:00Z") });
    expect(p.heartbeatBuckets).toBe(25 * 12);
    expect(p.buckets).toBe(7 * 288);
  });

  test("a window before coverage began uses jobs only, and an empty window measures nothing", () => {
    expect(availabilityPlan(t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"), t("2026-12-01T00:00:00Z")).source).toBe("jobs");
    expect(availabilityPlan(t("2026-11-01T00:10:00Z"), t("2026-11-01T00:40:00Z"), null)).toMatchObject({ source: "none", buckets: 0 });
  });
});
