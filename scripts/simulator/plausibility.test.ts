// Honest simulated traffic stays inside the plausibility bounds: the fastest simulated card (an
// H100) on its fastest runs never trips the latency floor, and no shape breaks a size limit.
import { describe, expect, test } from "vitest";
import { checkPlausibility, getModelOrThrow, plausibilityBoundsFor, priceJob, scheduleAt } from "../../lib/points";
import type { JobInput } from "../../lib/schemas/jobs";
import { createNetwork } from "./network";

const network = createNetwork({ scale: 0.05 });
const H100 = "NVIDIA H100 80GB HBM3";

function shapeOf(job: JobInput) {
  return {
    latencySec: job.inference_latency,
    image: job.width !== undefined ? { width: job.width, height: job.height!, steps: job.num_iterations! } : undefined,
    llm: job.input_tokens !== undefined ? { inputTokens: job.input_tokens, outputTokens: job.output_tokens! } : undefined,
  };
}

describe("honest simulator traffic is plausible", () => {
  test.each([
    ["testnet-2024-04", "2024-05-01T00:00:00Z", "2024-05-08T00:00:00Z"],
    ["testnet-2024-09", "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z"],
  ])("%s: 40,000 jobs, none priced implausible, every completed one inside every bound", (_id, from, to) => {
    const jobs = [...network.generateJobs({ count: 40_000, from: new Date(from), to: new Date(to), seed: 17 })];
    let completed = 0;
    let closest = Infinity; // latency ÷ floor of the fastest run relative to its floor
    for (const job of jobs) {
      const schedule = scheduleAt(new Date(job.completed_at));
      const priced = priceJob({ schedule, modelId: job.model_id, status: job.status, ...shapeOf(job) });
      expect(priced.zeroReason, JSON.stringify(job)).not.toBe("implausible");
      if (job.status !== "completed") continue;
      completed++;
      expect(checkPlausibility(plausibilityBoundsFor(schedule), getModelOrThrow(job.model_id), shapeOf(job)), JSON.stringify(job)).toBeNull();
      const floor = checkPlausibility(plausibilityBoundsFor(schedule), getModelOrThrow(job.model_id), { ...shapeOf(job), latencySec: 0 });
      if (floor?.bound === "latency" && floor.limit > 0) closest = Math.min(closest, job.inference_latency / floor.limit);
    }
    expect(completed).toBeGreaterThan(35_000);
    expect(jobs.some((j) => j.hardware === H100 && j.status === "completed")).toBe(true);
    // The fastest honest run is still several times slower than the floor.
    expect(closest).toBeGreaterThan(2);
  });

  test("live traffic (the stream the embedded portal posts every second) is plausible too", () => {
    const live = createNetwork({ scale: 0.05, seed: 21 });
    const now = new Date("2026-12-01T12:00:00Z");
    for (let i = 0; i < 20; i++) {
      for (const job of live.liveJobs(new Date(now.getTime() + i * 1000), 500)) {
        const schedule = scheduleAt(new Date(job.completed_at));
        const priced = priceJob({ schedule, modelId: job.model_id, status: job.status, ...shapeOf(job) });
        expect(priced.zeroReason, JSON.stringify(job)).not.toBe("implausible");
      }
    }
  });
});
