// Why a model's jobs earned 0 points, in a few words beside the 0: without it, "0 points over 528
// jobs" reads like a bug rather than a schedule that disables the model.
import { findModel, scheduleMultiplierPpm, type RewardSchedule } from "@/lib/points";

export function zeroNote(modelId: string, schedule: RewardSchedule): string {
  const model = findModel(modelId);
  const ppm = model ? scheduleMultiplierPpm(schedule, model) : undefined;
  if (ppm === 0) return `×0 in this schedule (${schedule.id})`;
  if (model && ppm === undefined) return `not offered by ${schedule.id}`;
  return "jobs late, failed or below the floor";
}
