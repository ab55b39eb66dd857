import "server-only";
import { MODELS, SCHEDULES, ppmToNumber, scheduleAt, type ModelInfo, type RewardSchedule } from "@/lib/points";
import type { ModelsResponse } from "@/lib/schemas/models";

const toNumbers = (table: Readonly<Record<string, number | undefined>>) =>
  Object.fromEntries(Object.entries(table).flatMap(([k, ppm]) => (ppm === undefined ? [] : [[k, ppmToNumber(ppm)]])));

function multiplierIn(schedule: RewardSchedule, model: ModelInfo): number | null {
  const ppm = model.kind === "image" ? model.category && schedule.imageCategoryPpm[model.category] : schedule.llmModelPpm[model.id];
  return ppm === undefined ? null : ppmToNumber(ppm);
}

// The catalog is static data of the points library; built once per process.
let cached: Omit<ModelsResponse, "currentScheduleId"> | undefined;

function catalog(): Omit<ModelsResponse, "currentScheduleId"> {
  cached ??= {
    models: MODELS.map((m) => ({
      id: m.id,
      label: m.label,
      kind: m.kind,
      type: m.type,
      category: m.category ?? null,
      vramGb: m.vramGb,
      multipliers: Object.fromEntries(SCHEDULES.map((s) => [s.id, multiplierIn(s, m)])),
    })),
    schedules: SCHEDULES.map((s) => ({
      id: s.id,
      effectiveFrom: new Date(s.effectiveFrom).toISOString(),
      inForceByDate: s.inForceByDate,
      imageCategoryMultipliers: toNumbers(s.imageCategoryPpm),
      llmModelMultipliers: toNumbers(s.llmModelPpm),
      timeoutsSec: { ...s.timeoutsSec },
      nftBoost: s.nftBoostPpm.map((row) => ({ minNfts: row.minNfts, multiplier: ppmToNumber(row.ppm) })),
      stakeCurve: {
        kind: s.stakeCurve.kind,
        belowFirst: ppmToNumber(s.stakeCurve.belowFirstPpm),
        points: s.stakeCurve.points.map(([stake, ppm]) => ({ stake, multiplier: ppmToNumber(ppm) })),
      },
    })),
  };
  return cached;
}

export function getModelCatalog(now = new Date()): ModelsResponse {
  return { currentScheduleId: scheduleAt(now).id, ...catalog() };
}
