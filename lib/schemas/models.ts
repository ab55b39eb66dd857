// GET /api/v1/models: the model catalog and every reward schedule, as plain numbers.
import { z } from "zod";

const multiplier = z.number().describe("1.0 = as priced by the formula");

export const modelInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["image", "llm"]),
  type: z.string().describe("model type in the Heurist registry (sd15, sdxl10, compositexl, flux-dev, llm, …)"),
  category: z.string().nullable().describe("image pricing category (sd15, sdxl, sdxl-lora, flux)"),
  vramGb: z.number(),
  multipliers: z.record(z.string(), multiplier.nullable()).describe("schedule id → multiplier; null = not offered"),
});

export const scheduleInfoSchema = z.object({
  id: z.string(),
  effectiveFrom: z.iso.datetime(),
  inForceByDate: z.boolean().describe("false for previews (mainnet-preview) that are only chosen explicitly"),
  imageCategoryMultipliers: z.record(z.string(), multiplier),
  llmModelMultipliers: z.record(z.string(), multiplier),
  timeoutsSec: z.object({ image: z.number(), llm: z.number() }),
  nftBoost: z.array(z.object({ minNfts: z.number().int(), multiplier })),
  stakeCurve: z.object({
    kind: z.enum(["boost", "activation"]),
    belowFirst: multiplier.describe("multiplier below the first knot"),
    points: z.array(z.object({ stake: z.number(), multiplier })).describe("knots, linear in between, flat after the last"),
  }),
});

export const modelsResponseSchema = z.object({
  currentScheduleId: z.string(),
  models: z.array(modelInfoSchema),
  schedules: z.array(scheduleInfoSchema),
});
export type ModelsResponse = z.output<typeof modelsResponseSchema>;
