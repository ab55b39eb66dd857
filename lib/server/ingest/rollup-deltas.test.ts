// Rollup rows keep their key columns apart (issue 9): keys were once joined with TAB and split
// again, so a hardware string "X\tSDXL\t<hour>" became a row at an hour the sender chose. The
// schema now refuses control characters, but the rollups must not depend on it.
import { describe, expect, test } from "vitest";
import { priceBase, withNodeFactors } from "@/lib/points";
import { jobPriceInput, type PreparedJob } from "./prepare-jobs";
import { rollupDeltas, rollupKey, type PricedRow } from "./rollup-deltas";

const WALLET = `0x${"ab".repeat(20)}`;

function row(over: { hardware?: string; modelId?: string; minerId?: string; at?: string } = {}): PricedRow {
  const modelId = over.modelId ?? "SDXL";
  const completedAt = new Date(over.at ?? "2024-09-02T10:15:00Z");
  const job = {
    job_id: `j-${Math.random()}`, miner_id: over.minerId ?? `${WALLET}-rig`, model_id: modelId, status: "completed" as const,
    completed_at: completedAt.toISOString(), hardware: over.hardware, inference_latency: 4, width: 1024, height: 1024, num_iterations: 20,
  };
  // Priced as SDXL whatever the model id: some tests plant ids no schedule knows.
  const base = priceBase(jobPriceInput({ ...job, model_id: "SDXL" }, completedAt));
  const prepared: PreparedJob = { job, wallet: WALLET, completedAt, base, contentHash: "h" };
  const priced = withNodeFactors(base, { nftCount: 0, hasBoostSlot: false, stakeHeu: 0 });
  return { prepared, priced, nftCount: 0, stakeHeu: 0 };
}

describe("rollupDeltas", () => {
  test("a hardware string shaped like a joined key stays one column: the row is at the job's own model and hour", () => {
    const planted = "X\tSDXL\t2024-09-10T00:00:00.000Z";
    const { hardware, miner } = rollupDeltas([row({ hardware: planted })]);
    expect(hardware.map((r) => r.parts)).toEqual([[planted, "SDXL", "2024-09-02T10:00:00.000Z"]]);
    expect(hardware[0]!.delta).toMatchObject({ jobs: 1, successes: 1, waifu: 6_000_000 });
    expect(miner.map((r) => r.parts)).toEqual([[`${WALLET}-rig`, "2024-09-02T10:00:00.000Z"]]);
  });

  test("tuples whose joined text would be equal are separate rows", () => {
    // Joined with TAB (or ':' or '|'), each pair here reads the same; every one must keep its own row.
    const hardwareModel = [
      ["A", "B\tC"], ["A\tB", "C"],
      ["1:a", "b"], ["1", "a1:b"], ["3:1:ab", "x"],
      ["", "ab"], ["a", "b"], ["ab", ""],
    ];
    const rows = hardwareModel.map(([hardware, modelId]) => row({ hardware, modelId }));
    const { hardware } = rollupDeltas(rows);
    expect(hardware).toHaveLength(hardwareModel.length);
    expect(hardware.map((r) => r.parts.slice(0, 2)).sort()).toEqual([...hardwareModel].sort());
    expect(hardware.every((r) => r.delta.jobs === 1)).toBe(true);
  });

  test("rows of the same key are summed into one", () => {
    const { hardware, node } = rollupDeltas([row({ hardware: "RTX 4090" }), row({ hardware: "RTX 4090", at: "2024-09-02T10:59:59Z" })]);
    expect(hardware).toHaveLength(1);
    expect(hardware[0]!.delta).toMatchObject({ jobs: 2, waifu: 12_000_000 });
    expect(node.map((r) => [r.parts, r.delta.jobs])).toEqual([[[`${WALLET}-rig`], 2]]);
  });

  test("one order for any order of the jobs, so concurrent batches lock rows in the same order", () => {
    const rows = ["b", "a", "c", "a\tz", "A"].flatMap((tag, i) => [
      row({ minerId: `${WALLET}-${i}`, hardware: `gpu ${tag}`, at: `2024-09-02T1${i}:00:00Z` }),
      row({ minerId: `${WALLET}-${4 - i}`, hardware: tag, at: `2024-09-03T0${i}:30:00Z` }),
    ]);
    const parts = (rs: PricedRow[]) => Object.values(rollupDeltas(rs)).map((list) => list.map((r) => r.parts));
    const expected = parts(rows);
    for (const shuffled of [[...rows].reverse(), [...rows.slice(3), ...rows.slice(0, 3)]]) expect(parts(shuffled)).toEqual(expected);
  });
});

describe("rollupKey", () => {
  test.each([
    [["a"], "a"],
    [["ab", "c"], "2:abc"],
    [["", "x", "2024"], "0:1:x2024"],
  ])("%j → %s", (parts, key) => {
    expect(rollupKey(parts)).toBe(key);
  });
});
