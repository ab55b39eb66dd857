import { describe, expect, test } from "vitest";
import { median, summarizeThroughput, type ThroughputRow } from "./summarize-throughput";

const r = (over: Partial<ThroughputRow>): ThroughputRow => ({ hardware: "NVIDIA GeForce RTX 4090", model_id: "SDXL", day: 0, successes: "0", micro: "0", devices: "10", ...over });

describe("median", () => {
  test.each([
    [[], null],
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])("median(%j) = %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("summarizeThroughput", () => {
  test("median day of successful jobs per device per hour, and of points per job", () => {
    const { days, items } = summarizeThroughput([
      r({ day: 0, successes: "240", micro: "1440000000" }), // 1 job/device/h at 6 points
      r({ day: 1, successes: "480", micro: "2880000000" }), // 2
      r({ day: 2, successes: "2400", micro: "24000000000" }), // 10, at 10 points: an outlier day
    ]);
    expect(days).toBe(3);
    expect(items).toEqual([
      { hardware: "NVIDIA GeForce RTX 4090", modelId: "SDXL", devices: 10, successes: 3120, jobsPerDevicePerHour: 2, pointsPerJob: 6 },
    ]);
  });

  test("a day the network was busy but this GPU did not serve the model counts as 0", () => {
    const { items } = summarizeThroughput([
      r({ day: 0, successes: "240", micro: "1" }),
      r({ model_id: "Aurora", day: 1, successes: "5", micro: "1" }),
      r({ model_id: "Aurora", day: 2, successes: "5", micro: "1" }),
    ]);
    expect(items.find((i) => i.modelId === "SDXL")!.jobsPerDevicePerHour).toBe(0);
  });

  test("days the network reported nothing are not counted as zeros", () => {
    const { days, items } = summarizeThroughput([r({ day: 5, successes: "240", micro: "1" }), r({ day: 6, successes: "240", micro: "1" })]);
    expect(days).toBe(2);
    expect(items[0]!.jobsPerDevicePerHour).toBe(1);
  });

  test("a GPU model without known devices gets a rate of 0, not infinity", () => {
    expect(summarizeThroughput([r({ devices: "0", successes: "24" })]).items[0]!.jobsPerDevicePerHour).toBe(0);
  });
});
