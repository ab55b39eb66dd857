// The compiled fast path against zod, the contract's authority: whatever the fast path accepts,
// zod accepts with the very same output; what real traffic sends takes the fast path.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, test } from "vitest";
import { jobSchema, type JobInput } from "@/lib/schemas/jobs";
import { createNetwork } from "../../../scripts/simulator/network";
import { parseJobFast } from "./job-validator";

const jobs = [...createNetwork({ scale: 0.05 }).generateJobs({ count: 5_000, from: new Date("2024-09-02T00:00:00Z"), to: new Date("2024-09-09T00:00:00Z"), seed: 7 })];
const image = jobs.find((j) => j.width !== undefined)!;
const llm = jobs.find((j) => j.input_tokens !== undefined)!;

/** Values of every kind a hostile or broken router could put in a field. */
const ODD: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "  x  ",
  "x",
  "1",
  [],
  {},
  ["x"],
  "a\tb",
  "a\u0000b",
  "a\u007fb",
  "a\u0085b",
  "\u00e9t\u00e9",
  "😀",
  "😀".repeat(50),
  "😀".repeat(51),
  "x".repeat(100),
  "x".repeat(101),
  "x".repeat(512),
  "x".repeat(513),
  "😀".repeat(256),
  "😀".repeat(257),
  16_384,
  16_385,
  1_000,
  1_001,
  10_000_000,
  10_000_001,
  86_400,
  86_400.001,
  "2024-09-03T10:00:00Z",
  "2024-09-03T10:00:00.123+02:00",
  "2024-09-03T10:00:00",
  "2024-09-03 10:00:00Z",
  "2024-02-30T10:00:00Z",
  "2024-09-03t10:00:00z",
  "0xAbCdEf0123456789abcdef0123456789ABCDEF01",
  "0xabcdef0123456789abcdef0123456789abcdef01-gpu_1",
  "0xabc",
  "0xabcdef0123456789abcdef0123456789abcdef01-",
  "completed",
  "failed",
  "timeout",
  "COMPLETED",
  "sd-1.5",
  "no-such-model",
  "job:1.a_b-c",
  "job 1",
  "x".repeat(128),
  "x".repeat(129),
];

function* variants(base: JobInput): Generator<unknown> {
  yield base;
  const fields = [...new Set([...Object.keys(jobSchema.shape), "extra"])];
  for (const f of fields) {
    for (const v of ODD) yield { ...base, [f]: v };
    const without: Record<string, unknown> = { ...base };
    delete without[f];
    yield without;
  }
  yield { ...image, input_tokens: 10 };
  yield { ...llm, width: 512 };
  yield { ...llm, model_id: image.model_id };
  yield null;
  yield [];
  yield "job";
}

describe("the compiled job validator", () => {
  test("never accepts what zod refuses, and outputs what zod outputs (hostile variants of an image and an LLM job)", () => {
    let fast = 0;
    let refusedByBoth = 0;
    for (const base of [image, llm]) {
      for (const v of variants(base)) {
        const got = parseJobFast(v);
        const want = jobSchema.safeParse(v);
        if (got === undefined) {
          if (!want.success) refusedByBoth++;
          continue;
        }
        fast++;
        expect(want.success, JSON.stringify(v)).toBe(true);
        expect(isDeepStrictEqual(got, want.data), JSON.stringify(v)).toBe(true);
      }
    }
    // Both sides of the contract were exercised: many variants pass fast, many are refused.
    expect(fast).toBeGreaterThan(100);
    expect(refusedByBoth).toBeGreaterThan(500);
  });

  test("every job of the simulated network takes the fast path, with zod's output", () => {
    for (const j of jobs) {
      const got = parseJobFast(j);
      expect(got).toBeDefined();
      expect(isDeepStrictEqual(got, jobSchema.parse(j))).toBe(true);
    }
  });

  test("upper-case miner IDs are lower-cased and hardware is trimmed, as zod does", () => {
    const got = parseJobFast({ ...image, miner_id: image.miner_id.toUpperCase().replace("0X", "0x"), hardware: "  RTX 4090 " });
    expect(got).toEqual(jobSchema.parse({ ...image, miner_id: image.miner_id.toUpperCase().replace("0X", "0x"), hardware: "  RTX 4090 " }));
    expect(got?.hardware).toBe("RTX 4090");
    expect(got?.miner_id).toBe(image.miner_id.toLowerCase());
  });
});
