import "server-only";
import { AppError } from "@/lib/errors";
import { ModelNotOfferedError, boostSlots, getModelOrThrow, getScheduleOrThrow, microToPoints, ppmToNumber, scheduleAt, type PricedJob } from "@/lib/points";
import { computeEstimate, priceEstimatedJob } from "@/lib/estimator/estimate";
import type { EstimateQuery, EstimateRates, EstimateResponse } from "@/lib/schemas/estimate";
import { snapshotPending } from "../snapshot-pending";
import { getGpuThroughput, gpuThroughputIntervalSeconds } from "./gpu-throughput";
import { getTokenRate } from "./token-rate";

/** The query's job shape, NFTs and stake, as the estimator takes them. */
function jobOf(query: EstimateQuery) {
  return {
    image: query.width !== undefined ? { width: query.width, height: query.height!, steps: query.steps! } : undefined,
    llm: query.input_tokens !== undefined ? { inputTokens: query.input_tokens, outputTokens: query.output_tokens! } : undefined,
    nfts: query.nfts,
    stake: query.stake,
  };
}

function price(query: EstimateQuery, now: Date): PricedJob {
  const schedule = query.schedule ? getScheduleOrThrow(query.schedule) : scheduleAt(now);
  try {
    return priceEstimatedJob(schedule, query.model, jobOf(query));
  } catch (err) {
    if (err instanceof ModelNotOfferedError) {
      throw new AppError("bad_request", err.message, [{ field: "model", reason: `not offered by schedule ${schedule.id}` }]);
    }
    throw err;
  }
}

/** Pure pricing (no database): the same call ingestion makes, with the estimator's assumptions. */
export function estimateJob(query: EstimateQuery, now = new Date()): EstimateResponse {
  const priced = price(query, now);
  const schedule = getScheduleOrThrow(priced.scheduleId);
  const model = getModelOrThrow(query.model);
  return {
    pointType: priced.pointType,
    points: microToPoints(priced.pointsMicro),
    schedule: priced.scheduleId,
    breakdown: {
      base: microToPoints(priced.baseMicro),
      modelMultiplier: ppmToNumber(priced.modelMultiplierPpm),
      nftMultiplier: ppmToNumber(priced.nftMultiplierPpm),
      stakeMultiplier: ppmToNumber(priced.stakeMultiplierPpm),
    },
    perJob: {
      pointsMicro: priced.pointsMicro,
      zeroReason: priced.zeroReason,
      model: { id: model.id, kind: model.kind, type: model.type, category: model.category ?? null },
      timeoutSec: model.kind === "image" ? schedule.timeoutsSec.image : schedule.timeoutsSec.llm,
      boostSlots: boostSlots(query.nfts),
      stakeCurve: schedule.stakeCurve.kind,
    },
  };
}

/**
 * With a GPU: per job as estimateJob, plus per hour and per day online from the estimator's own
 * computeEstimate over getGpuThroughput (the figures the page and Top GPUs show). Without a GPU it
 * needs no snapshot; with one, before the worker's first throughput pass it is a 503 that says so.
 */
export async function estimateWithRates(query: EstimateQuery, now = new Date()): Promise<EstimateResponse & Partial<EstimateRates>> {
  const job = estimateJob(query, now);
  if (!query.gpu) return job;
  const [network, rate] = await Promise.all([getGpuThroughput("7d"), getTokenRate(now)]);
  if (!network) throw snapshotPending("GPU throughput (per-hour and per-day figures)", gpuThroughputIntervalSeconds());
  const e = computeEstimate({ gpu: query.gpu, modelId: query.model, scheduleId: job.schedule, ...jobOf(query) }, network, rate);
  const t = e.earnings?.throughput;
  return {
    ...job,
    perHour: e.perHour,
    perDay: e.perDay,
    perDayP25: e.perDayRange?.p25 ?? null,
    perDayP75: e.perDayRange?.p75 ?? null,
    heuPerDay: e.heuPerDay,
    rate: {
      source: e.rate.source,
      jobsPerHour: e.rate.jobsPerHour,
      devices: e.rate.source === "catalog" ? null : e.rate.devices,
      deviceDays: e.rate.source === "catalog" ? null : e.rate.deviceDays,
      days: e.rate.source === "catalog" ? null : e.rate.days,
    },
    network: t
      ? {
          pointsPerDayOnline: t.pointsPerOnlineDay.value,
          p25: t.pointsPerOnlineDay.p25,
          p75: t.pointsPerOnlineDay.p75,
          devices: t.devices,
          days: t.days,
          from: network.from,
          to: network.to,
          asOf: network.asOf,
        }
      : null,
  };
}
