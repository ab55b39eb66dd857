import { describe, expect, test } from "vitest";
import { NoScheduleError, PointsError, UnknownScheduleError } from "./errors";
import { findModel } from "./models";
import { type RewardSchedule, SCHEDULES, findSchedule, getScheduleOrThrow, scheduleAt, scheduleFingerprint } from "./schedules";

/**
 * Published schedules are immutable: ledger entries reference them by id. If this test fails
 * because you edited a schedule, revert the edit and add a new schedule (new id, later
 * effectiveFrom) with its own pinned fingerprint instead.
 */
const PINNED_FINGERPRINTS: Record<string, string> = {
  "testnet-2024-04":
    '{"effectiveFrom":"2024-04-01T00:00:00Z","id":"testnet-2024-04","imageCategoryPpm":{"sd15":1000000,"sdxl":1800000,"sdxl-lora":1800000},"inForceByDate":true,"llmModelPpm":{"mixtral-8x7b":1000000},"nftBoostPpm":[{"minNfts":1,"ppm":1100000},{"minNfts":2,"ppm":1150000},{"minNfts":3,"ppm":1200000}],"stakeCurve":{"belowFirstPpm":1000000,"kind":"boost","points":[[10000,1000000],[100000,1500000]]},"timeoutsSec":{"image":18,"llm":180}}',
  "testnet-2024-09":
    '{"effectiveFrom":"2024-09-01T00:00:00Z","id":"testnet-2024-09","imageCategoryPpm":{"flux":0,"sd15":300000,"sdxl":1000000,"sdxl-lora":1200000},"inForceByDate":true,"llmModelPpm":{"dolphin-2.9-llama3-8b":500000,"hermes-3-llama3.1-8b":500000,"openhermes-mixtral-8x7b-gptq":1000000,"theia-llama-3.1-8b":500000},"nftBoostPpm":[{"minNfts":1,"ppm":1100000},{"minNfts":2,"ppm":1150000},{"minNfts":3,"ppm":1200000}],"stakeCurve":{"belowFirstPpm":1000000,"kind":"boost","points":[[10000,1000000],[100000,1500000]]},"timeoutsSec":{"image":18,"llm":180}}',
  "mainnet-preview":
    '{"effectiveFrom":"2024-09-01T00:00:00Z","id":"mainnet-preview","imageCategoryPpm":{"flux":0,"sd15":300000,"sdxl":1000000,"sdxl-lora":1200000},"inForceByDate":false,"llmModelPpm":{"dolphin-2.9-llama3-8b":500000,"hermes-3-llama3.1-8b":500000,"openhermes-mixtral-8x7b-gptq":1000000,"theia-llama-3.1-8b":500000},"nftBoostPpm":[{"minNfts":1,"ppm":1100000},{"minNfts":2,"ppm":1150000},{"minNfts":3,"ppm":1200000}],"stakeCurve":{"belowFirstPpm":0,"kind":"activation","points":[[10000,100000],[100000,1000000]]},"timeoutsSec":{"image":18,"llm":180}}',
};

describe("published schedules never change", () => {
  test.each(SCHEDULES.map((s) => [s.id, s] as const))("%s matches its pinned fingerprint", (id, schedule) => {
    expect(scheduleFingerprint(schedule)).toBe(PINNED_FINGERPRINTS[id]);
  });

  test("every pinned schedule is still published, and every published one is pinned", () => {
    expect(SCHEDULES.map((s) => s.id).sort()).toEqual(Object.keys(PINNED_FINGERPRINTS).sort());
  });

  test.each<[string, (s: RewardSchedule) => unknown]>([
    ["a multiplier", (s) => (s.imageCategoryPpm.sd15 = 1)],
    ["a nested curve point", (s) => ((s.stakeCurve.points[0] as [number, number])[1] = 1)],
    ["the NFT table", (s) => (s.nftBoostPpm as RewardSchedule["nftBoostPpm"][number][]).push({ minNfts: 9, ppm: 9 })],
  ])("%s cannot be edited at run time", (_name, mutate) => {
    expect(() => mutate(getScheduleOrThrow("testnet-2024-09"))).toThrow(TypeError);
  });
});

describe("scheduleFingerprint", () => {
  const base = structuredClone(getScheduleOrThrow("testnet-2024-09")) as RewardSchedule;

  test("does not depend on key order", () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as RewardSchedule;
    reordered.llmModelPpm = Object.fromEntries(Object.entries(base.llmModelPpm).reverse());
    expect(scheduleFingerprint(reordered)).toBe(scheduleFingerprint(base));
  });

  test.each<[string, (s: RewardSchedule) => void]>([
    ["a multiplier", (s) => (s.imageCategoryPpm.sdxl = 1_000_001)],
    ["a timeout", (s) => (s.timeoutsSec.image = 19)],
    ["an added model", (s) => (s.llmModelPpm["mixtral-8x7b"] = 1_000_000)],
    ["a curve point", (s) => (s.stakeCurve = { ...s.stakeCurve, points: [[10_000, 1_000_000]] })],
    ["the NFT row order", (s) => (s.nftBoostPpm = [...s.nftBoostPpm].reverse())],
  ])("changes when %s changes", (_name, edit) => {
    const edited = structuredClone(base) as RewardSchedule;
    edit(edited);
    expect(scheduleFingerprint(edited)).not.toBe(scheduleFingerprint(base));
  });
});

describe("schedule data is consistent", () => {
  test.each(SCHEDULES.map((s) => [s.id, s] as const))("%s", (_id, schedule) => {
    expect(new Date(schedule.effectiveFrom).toISOString().replace(".000Z", "Z")).toBe(schedule.effectiveFrom);
    for (const modelId of Object.keys(schedule.llmModelPpm)) expect(findModel(modelId)?.kind).toBe("llm");
    expect(schedule.timeoutsSec).toEqual({ image: 18, llm: 180 });
    const mins = schedule.nftBoostPpm.map((row) => row.minNfts);
    expect(mins).toEqual([...mins].sort((a, b) => a - b));
  });
});

describe("lookups", () => {
  test.each([["testnet-2024-04"], ["testnet-2024-09"], ["mainnet-preview"]])("finds %s", (id) => {
    expect(getScheduleOrThrow(id).id).toBe(id);
    expect(findSchedule(id)?.id).toBe(id);
  });

  test.each([["testnet-2024-05"], ["TESTNET-2024-04"], [""]])("%j is unknown", (id) => {
    expect(findSchedule(id)).toBeUndefined();
    expect(() => getScheduleOrThrow(id)).toThrow(UnknownScheduleError);
    expect(() => getScheduleOrThrow(id)).toThrow("testnet-2024-09"); // lists the known ids
  });
});

describe("scheduleAt", () => {
  test.each([
    ["2024-04-01T00:00:00Z", "testnet-2024-04"],
    ["2024-06-15T12:00:00Z", "testnet-2024-04"],
    ["2024-08-31T23:59:59Z", "testnet-2024-04"],
    ["2024-08-31T23:59:59.999Z", "testnet-2024-04"],
    ["2024-09-01T00:00:00Z", "testnet-2024-09"],
    ["2024-09-01T01:00:00+01:00", "testnet-2024-09"], // same instant, other offset
    ["2026-01-01T00:00:00Z", "testnet-2024-09"],
  ])("%s → %s", (iso, id) => {
    expect(scheduleAt(new Date(iso)).id).toBe(id);
  });

  test.each([["2024-03-31T23:59:59.999Z"], ["2024-03-31T00:00:00Z"], ["1970-01-01T00:00:00Z"]])("%s is before any schedule", (iso) => {
    expect(() => scheduleAt(new Date(iso))).toThrow(NoScheduleError);
    expect(() => scheduleAt(new Date(iso))).toThrow("2024-04-01T00:00:00Z");
  });

  test("mainnet-preview is never chosen by date", () => {
    const probes = Array.from({ length: 200 }, (_, i) => Date.UTC(2024, 3, 1) + i * 7 * 24 * 3600 * 1000);
    for (const time of probes) expect(scheduleAt(new Date(time)).id).not.toBe("mainnet-preview");
  });

  test("rejects an invalid date", () => {
    expect(() => scheduleAt(new Date("not a date"))).toThrow(PointsError);
  });
});
