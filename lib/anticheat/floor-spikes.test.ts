import { describe, expect, test } from "vitest";
import { createNetwork } from "@/scripts/simulator/network";
import { assessFloorSpike, floorSpikeFlags, isFloorSized, type ModelCounts } from "./floor-spikes";

describe("isFloorSized", () => {
  test.each<[string, Parameters<typeof isFloorSized>[0], boolean]>([
    ["512×512 at 20 steps: the floor itself", { width: 512, height: 512, steps: 20 }, true],
    ["under the floor (earns nothing, still tiny)", { width: 256, height: 256, steps: 8 }, true],
    ["512×768", { width: 512, height: 768, steps: 20 }, false],
    ["512×512 at 25 steps", { width: 512, height: 512, steps: 25 }, false],
    ["1024² at 10 steps (large image, few steps)", { width: 1024, height: 1024, steps: 10 }, false],
    ["200 tokens in and out", { inputTokens: 150, outputTokens: 50 }, true],
    ["201 tokens", { inputTokens: 151, outputTokens: 50 }, false],
    ["no shape", {}, false],
  ])("%s → %s", (_name, job, expected) => {
    expect(isFloorSized(job)).toBe(expected);
  });
});

describe("assessFloorSpike", () => {
  // The rest of the network: SD 1.5 has 10 % floor-sized jobs (512² × 20 is common), SDXL 1 %.
  const rest = [
    { modelId: "Aurora", jobs: 10_000, floorJobs: 1_000 },
    { modelId: "SDXL", jobs: 10_000, floorJobs: 100 },
  ];
  /** Network totals per model include the miner's own jobs, as the SQL's do. */
  const network = (mine: ModelCounts[]) => {
    const net = new Map(rest.map((n) => [n.modelId, { ...n }]));
    for (const m of mine) {
      const n = net.get(m.modelId) ?? net.set(m.modelId, { modelId: m.modelId, jobs: 0, floorJobs: 0 }).get(m.modelId)!;
      n.jobs += m.jobs;
      n.floorJobs += m.floorJobs;
    }
    return net;
  };
  const flagged = (mine: ModelCounts[]) => assessFloorSpike("0xm", mine, network(mine)) !== null;

  test.each<[string, ModelCounts[], boolean]>([
    ["an SDXL miner whose jobs are 60 % floor-sized", [{ modelId: "SDXL", jobs: 200, floorJobs: 120 }], true],
    ["an honest SD 1.5-only card at 12 % (the model is often small)", [{ modelId: "Aurora", jobs: 300, floorJobs: 36 }], false],
    ["an SD 1.5 card at 45 %: over three times its models' 10 %", [{ modelId: "Aurora", jobs: 300, floorJobs: 135 }], true],
    ["too few jobs", [{ modelId: "SDXL", jobs: 25, floorJobs: 20 }], false],
    ["too few floor-sized jobs", [{ modelId: "SDXL", jobs: 40, floorJobs: 9 }], false],
  ])("%s → flagged: %s", (_name, mine, expected) => {
    expect(flagged(mine)).toBe(expected);
  });

  test("the expected share follows the miner's own model mix", () => {
    const mine = [
      { modelId: "SDXL", jobs: 100, floorJobs: 10 },
      { modelId: "Aurora", jobs: 100, floorJobs: 30 },
    ];
    // 40 of 200 = 20 %, against (100 × 1 % + 100 × 10 %) / 200 = 5.5 %: over three times, z ≈ 9.
    const flag = assessFloorSpike("0xm", mine, network(mine))!;
    expect(flag.share).toBe(0.2);
    expect(flag.expectedShare).toBeCloseTo(0.055, 9);
    expect(flag.z).toBeCloseTo((0.145 * Math.sqrt(200)) / Math.sqrt(0.055 * 0.945), 9);
    expect(flag.byModel.map((m) => [m.modelId, m.networkShare])).toEqual([
      ["SDXL", 0.01],
      ["Aurora", 0.1],
    ]);
  });

  test("a model nobody else runs falls back to the network's overall share", () => {
    const mine = [{ modelId: "PepeXL", jobs: 100, floorJobs: 50 }];
    const flag = assessFloorSpike("0xm", mine, network(mine))!;
    expect(flag.expectedShare).toBeCloseTo(1_100 / 20_000, 9);
    expect(flag.byModel[0]!.networkShare).toBeCloseTo(1_100 / 20_000, 9);
  });

  test("alone on the network: nothing to compare with, no flag", () => {
    const mine = [{ modelId: "SDXL", jobs: 100, floorJobs: 90 }];
    expect(assessFloorSpike("0xm", mine, new Map([["SDXL", mine[0]!]]))).toBeNull();
  });

  test("the evidence in words", () => {
    const mine = [{ modelId: "SDXL", jobs: 200, floorJobs: 120 }];
    expect(assessFloorSpike("0xm", mine, network(mine))!.summary).toBe("60 % of 200 jobs were floor-sized, against 1 % for the same models on the rest of the network.");
  });
});

test("the simulator's honest traffic raises no floor-spike flag", () => {
  const network = createNetwork({ scale: 0.05 });
  const jobs = [...network.generateJobs({ count: 60_000, from: new Date("2025-01-19T00:00:00Z"), to: new Date("2025-01-20T00:00:00Z"), seed: 5 })];
  const perMiner = new Map<string, Map<string, ModelCounts>>();
  const all = new Map<string, ModelCounts>();
  let floorJobs = 0;
  for (const j of jobs) {
    if (j.status !== "completed") continue;
    const floor = isFloorSized({ width: j.width, height: j.height, steps: j.num_iterations, inputTokens: j.input_tokens, outputTokens: j.output_tokens }) ? 1 : 0;
    floorJobs += floor;
    const mine = perMiner.get(j.miner_id) ?? perMiner.set(j.miner_id, new Map()).get(j.miner_id)!;
    for (const m of [mine, all]) {
      const c = m.get(j.model_id) ?? m.set(j.model_id, { modelId: j.model_id, jobs: 0, floorJobs: 0 }).get(j.model_id)!;
      c.jobs++;
      c.floorJobs += floor;
    }
  }
  expect(floorJobs).toBeGreaterThan(500); // the test has floor-sized jobs to judge
  const miners = new Map([...perMiner].map(([id, m]) => [id, [...m.values()]]));
  expect(floorSpikeFlags(miners, [...all.values()])).toEqual([]);
});

test("floorSpikeFlags: strongest first", () => {
  const a = [{ modelId: "SDXL", jobs: 100, floorJobs: 50 }];
  const b = [{ modelId: "SDXL", jobs: 400, floorJobs: 380 }];
  const rest = { modelId: "SDXL", jobs: 10_000, floorJobs: 100 };
  const net = [{ modelId: "SDXL", jobs: rest.jobs + 500, floorJobs: rest.floorJobs + 430 }];
  expect(
    floorSpikeFlags(
      new Map([
        ["0xa", a],
        ["0xb", b],
      ]),
      net,
    ).map((f) => f.minerId),
  ).toEqual(["0xb", "0xa"]);
});
