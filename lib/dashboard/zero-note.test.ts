import { describe, expect, test } from "vitest";
import { getScheduleOrThrow } from "@/lib/points";
import { zeroNote } from "./zero-note";

describe("zeroNote: why a model's jobs earned 0", () => {
  test.each([
    ["FLUX.1-dev", "testnet-2024-09", "×0 in this schedule (testnet-2024-09)"],
    ["HeuristLogo", "testnet-2024-09", "×0 in this schedule (testnet-2024-09)"],
    ["mixtral-8x7b", "testnet-2024-09", "not offered by testnet-2024-09"],
    ["SDXL", "testnet-2024-09", "jobs late, failed or below the floor"],
  ])("%s under %s: %s", (modelId, scheduleId, note) => {
    expect(zeroNote(modelId, getScheduleOrThrow(scheduleId))).toBe(note);
  });
});
