import "server-only";
import { findModel, microToPoints } from "@/lib/points";
import { readPrisma } from "./db";
import { readAsOf } from "./read-as-of";
import { windowStart } from "./queries/windows";
import { networkModelTotals, networkNodeCounts } from "./generated/prisma/sql";

export interface ModelSummary {
  modelId: string;
  label: string;
  /** Which points the model earns: image models Waifu, LLMs Llama. */
  pointType: "waifu" | "llama";
  jobs: number;
  successes: number;
  waifuPoints: number;
  llamaPoints: number;
}

export interface NetworkSummary {
  /** Nodes whose last job is within the last hour. */
  activeGpus: number;
  /** Nodes with a job in the last 24 h. */
  gpus24h: number;
  /** Wallets with a job in the last 24 h. */
  wallets24h: number;
  jobs24h: number;
  successes24h: number;
  waifuPoints24h: number;
  llamaPoints24h: number;
  byModel: ModelSummary[];
  asOf: string;
}

/**
 * Network totals for the overview. Jobs and points come from hardware_hourly (the 24 most recent
 * hourly buckets, as every other "24 h" number on the site); GPU and wallet counts from one pass
 * over nodes (tens of thousands of rows, a few ms).
 */
export async function getNetworkSummary(now = new Date()): Promise<NetworkSummary> {
  const [nodes, models, read] = await Promise.all([
    readPrisma().$queryRawTyped(networkNodeCounts(new Date(now.getTime() - 3_600_000), windowStart(now, 24))),
    readPrisma().$queryRawTyped(networkModelTotals(windowStart(now, 24))),
    readAsOf(),
  ]);
  const byModel = models.map((r): ModelSummary => {
    const info = findModel(r.model_id);
    return {
      modelId: r.model_id,
      label: info?.label ?? r.model_id,
      pointType: info?.kind === "llm" ? "llama" : "waifu",
      jobs: Number(r.jobs),
      successes: Number(r.successes),
      waifuPoints: microToPoints(BigInt(r.waifu)),
      llamaPoints: microToPoints(BigInt(r.llama)),
    };
  });
  const n = nodes[0];
  return {
    activeGpus: Number(n?.active ?? 0),
    gpus24h: Number(n?.gpus ?? 0),
    wallets24h: Number(n?.wallets ?? 0),
    jobs24h: byModel.reduce((s, m) => s + m.jobs, 0),
    successes24h: byModel.reduce((s, m) => s + m.successes, 0),
    waifuPoints24h: byModel.reduce((s, m) => s + m.waifuPoints, 0),
    llamaPoints24h: byModel.reduce((s, m) => s + m.llamaPoints, 0),
    byModel,
    asOf: read.replica ? read.asOf : now.toISOString(),
  };
}
