import type { SearchParamsRecord } from "@/components/ui";
import { GPU_WINDOWS, type GpuWindow } from "@/lib/schemas/gpus";
import { LEADERBOARD_WINDOWS, POINT_TYPES, type LeaderboardWindow, type PointTypeName } from "@/lib/schemas/leaderboard";

export const PAGE_SIZE = 25;

export interface GpusPageParams {
  window: GpuWindow;
  type: PointTypeName;
  lb: LeaderboardWindow;
  page: number;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown or malformed values fall back to defaults: a shared link never errors. */
export function parseGpusParams(sp: SearchParamsRecord): GpusPageParams {
  const page = Number(sp.page);
  return {
    window: pick(sp.window, GPU_WINDOWS, "24h"),
    type: pick(sp.type, POINT_TYPES, "waifu"),
    lb: pick(sp.lb, LEADERBOARD_WINDOWS, "24h"),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
