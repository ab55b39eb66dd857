import { describe, expect, test } from "vitest";
import { datesOf, exportRangeQuerySchema, resolveExportRange } from "./export-range";

const now = new Date("2024-09-30T15:00:00Z");
const opts = { defaultDays: 7, maxDays: 92 };

describe("resolveExportRange", () => {
  test("defaults to the last N days, today included", () => {
    const r = resolveExportRange({}, now, opts);
    expect(r).toEqual({
      range: { fromDate: "2024-09-24", toDate: "2024-09-30", start: new Date("2024-09-24T00:00:00Z"), end: new Date("2024-10-01T00:00:00Z"), days: 7 },
    });
  });

  test.each([
    [{ from: "2024-09-01", to: "2024-09-01" }, "2024-09-01", "2024-09-01", 1],
    [{ from: "2024-07-01", to: "2024-09-30" }, "2024-07-01", "2024-09-30", 92],
    [{ to: "2024-08-31" }, "2024-08-25", "2024-08-31", 7],
    [{ from: "2024-09-29" }, "2024-09-29", "2024-09-30", 2],
  ])("%j → %s..%s (%i days)", (query, fromDate, toDate, days) => {
    expect(resolveExportRange(query, now, opts)).toMatchObject({ range: { fromDate, toDate, days } });
  });

  test.each([
    [
      { from: "2024-09-02", to: "2024-09-01" },
      { field: "from", reason: "from must be on or before to" },
    ],
    [
      { from: "2024-06-30", to: "2024-09-30" },
      { field: "to", reason: "the range is 93 days; at most 92 days per export" },
    ],
  ])("%j is refused", (query, problem) => {
    expect(resolveExportRange(query, now, opts)).toEqual({ problems: [problem] });
  });

  test("the schema refuses malformed dates with the parameter's name", () => {
    const parsed = exportRangeQuerySchema.safeParse({ from: "2024-9-1", to: "2024-02-30" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["from", "from must be a date YYYY-MM-DD"],
      ["to", "to must be a date YYYY-MM-DD"],
    ]);
  });

  test("datesOf lists every day of the range", () => {
    expect(datesOf({ start: new Date("2024-02-28T00:00:00Z"), days: 3 })).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });
});
