import { describe, expect, test } from "vitest";
import { summarizeThroughput, type KindRow, type ModelRow } from "./summarize-throughput";

const HW = "NVIDIA GeForce RTX 4090";
const k = (over: Partial<KindRow>): KindRow => ({
  hardware: HW,
  kind: null,
  devices: 2,
  days: 7,
  device_days: 10,
  online: 0,
  successes: "0",
  micro: "0",
  jobs_q: null,
  micro_day_q: null,
  ...over,
});

describe("summarizeThroughput", () => {
  // Two devices, 10 device-days, 120 hours online (1,440 buckets), 240 jobs, 1,200 points.
  const whole = k({ online: 1_440, successes: "240", micro: "1200000000", micro_day_q: [180e6, 300e6] });
  const image = k({ kind: "image", online: 1_440, successes: "240", micro: "1200000000", jobs_q: [1.5, 2.5] });

  test("points per day online are the points ÷ hours online × 24, with the spread across device-days", () => {
    const [item] = summarizeThroughput([whole, image], [], 168);
    expect(item!.onlineHours).toBe(120);
    expect(item!.pointsPerOnlineDay).toEqual({ value: 240, p25: 180, p75: 300 });
    // 120 h online of 2 devices × 168 h.
    expect(item!.onlineShare).toBeCloseTo(120 / 336);
  });

  test("jobs per hour online per kind of work", () => {
    const [item] = summarizeThroughput([whole, image], [], 168);
    expect(item!.kinds).toEqual([{ kind: "image", devices: 2, deviceDays: 10, onlineHours: 120, successes: 240, jobsPerOnlineHour: { value: 2, p25: 1.5, p75: 2.5 } }]);
  });

  test("devices without a job have no kind: they count in the whole GPU model only", () => {
    const [item] = summarizeThroughput([whole, k({ kind: "none", devices: 1 }), image], [], 168);
    expect(item!.kinds.map((x) => x.kind)).toEqual(["image"]);
  });

  test("no range under 4 device-days: a quartile of three rigs is not the GPU model's", () => {
    const [item] = summarizeThroughput([k({ device_days: 3, online: 36, micro: "30000000", micro_day_q: [1e6, 2e6] })], [], 168);
    expect(item!.pointsPerOnlineDay).toEqual({ value: 240, p25: null, p75: null }); // 30 points in 3 h online
  });

  test("models served, most jobs first, with their mean points per job", () => {
    const models: ModelRow[] = [
      { hardware: HW, model_id: "FLUX.1-dev", successes: "30", micro: "0" },
      { hardware: HW, model_id: "SDXL", successes: "200", micro: "1200000000" },
      { hardware: "elsewhere", model_id: "SDXL", successes: "9", micro: "9" },
    ];
    const [item] = summarizeThroughput([whole], models, 168);
    expect(item!.models).toEqual([
      { modelId: "SDXL", successes: 200, points: 1200, pointsPerJob: 6 },
      { modelId: "FLUX.1-dev", successes: 30, points: 0, pointsPerJob: 0 },
    ]);
  });

  test("best earner per day online first; a GPU model never online is left out", () => {
    const items = summarizeThroughput(
      [whole, k({ hardware: "NVIDIA H100 80GB HBM3", online: 1_440, micro: "2400000000" }), k({ hardware: "NVIDIA RTX A4000", devices: 0, online: 0 })],
      [],
      168,
    );
    expect(items.map((i) => [i.hardware, i.pointsPerOnlineDay.value])).toEqual([
      ["NVIDIA H100 80GB HBM3", 480],
      [HW, 240],
    ]);
  });
});
