import "server-only";
import { MODELS, SCHEDULES } from "@/lib/points";
import { estimateQuerySchema } from "@/lib/schemas/estimate";
import { GPU_CATALOG } from "@/lib/gpu-catalog";
import { gpusQuerySchema } from "@/lib/schemas/gpus";
import { leaderboardQuerySchema } from "@/lib/schemas/leaderboard";
import { minerParamsSchema, minerQuerySchema } from "@/lib/schemas/miners";
import { NODE_HISTORY_DAYS } from "@/lib/schemas/node-history";
import { ACTIVE_GPU_DAYS, walletParamsSchema, walletQuerySchema } from "@/lib/schemas/wallets";
import { pathParameters, queryParameters } from "./json-schema";
import { json, operation } from "./operation";

const badRequest = "Invalid parameter: details lists { field, reason } for each problem";
const PENDING = "Not computed yet: the worker (npm run worker) builds this snapshot on a schedule, the first time right after it starts";
const notFound = (what: string) => `No ${what} with this id has reported a job`;

export function readPaths() {
  return {
    "/api/v1/estimate": {
      get: operation({
        id: "estimateJob",
        tag: "points",
        summary: "Points one job would earn",
        description:
          "Prices a job with the points library that prices ingested jobs. The GPU is assumed to hold a boost slot when nfts > 0. Image models take width, height and steps; LLMs take input_tokens and output_tokens. With `gpu` (a GPU catalog key), also per hour and per day online as the estimator page shows them: points per job × the successful jobs of the model's kind that GPU model's devices completed per hour online over the last 7 days (availability from the router's heartbeats; before those, hours with a received job), per day = per hour × 24 hours online, with the p25–p75 across device-days, the sample, what its devices really earned per day online (GET /api/v1/gpus?window=7d's figure) and a day in HEU at the portal's own HEU per point.",
        parameters: queryParameters(estimateQuerySchema, { model: MODELS.map((m) => m.id), schedule: SCHEDULES.map((s) => s.id), gpu: GPU_CATALOG.map((g) => g.key) }),
        responses: {
          200: json("The price and every factor of it", "Estimate"),
          400: badRequest,
          503: "With `gpu`, before the worker's first GPU throughput pass (it computes it every 5 minutes, as of `network.asOf`); without `gpu` the estimate needs none",
        },
      }),
    },
    "/api/v1/models": {
      get: operation({
        id: "listModels",
        tag: "points",
        summary: "Model catalog and reward schedules",
        responses: { 200: json("Every model and schedule, multipliers as numbers (1.8, not 1800000)", "Models") },
      }),
    },
    "/api/v1/miners/{minerId}": {
      get: operation({
        id: "getMiner",
        tag: "miners",
        summary: "One mining node (GPU): totals, last 24 hours, daily points, multipliers",
        description:
          "`last24HrsAvailability` is measured availability: the share of the last 24 hours' 5-minute buckets in which the job router saw the node online (its heartbeats), job or no job; `availability24h` gives the buckets it rests on and their source (hours before heartbeats began count a received job as online, source `jobs` or `mixed`). The on-time rate (jobs completed within the timeout ÷ jobs received), which `last24HrsAvailability` held before, is `onTime24h`.",
        parameters: [...pathParameters(minerParamsSchema), ...queryParameters(minerQuerySchema)],
        responses: {
          200: json("The miner", "Miner"),
          400: badRequest,
          404: notFound("miner"),
        },
      }),
    },
    "/api/v1/miners/{minerId}/history": {
      get: operation({
        id: "getMinerHistory",
        tag: "miners",
        summary: `One node's last ${NODE_HISTORY_DAYS} UTC days: availability and on-time rate per day, total stake over time, bribe history`,
        description:
          "`days`: one entry per UTC day, oldest first, today (up to the current 5-minute bucket) last, each with its availability (5-minute buckets the router saw the node online ÷ buckets measured, with the sample; days before the router's heartbeats began count hours with a received job, `source` jobs or mixed) and its on-time rate (jobs completed within the timeout ÷ jobs received). `stake`: the node's total stake as a step series over the same days (the value at the window's start, each indexed change, the value now; wei and stHEU). `bribes`: the whole bribe history as /bribes answers it, a pending change with its epoch.",
        parameters: pathParameters(minerParamsSchema),
        responses: { 200: json("The node's history", "NodeHistory"), 400: badRequest, 404: notFound("miner") },
      }),
    },
    "/api/v1/wallets/{address}": {
      get: operation({
        id: "getWallet",
        tag: "miners",
        summary: "A reward wallet: totals over its GPUs, last 24 hours, daily points and a page of its GPUs",
        description: `Availability as for a miner, per GPU and for the wallet: \`availability24h\` sums the online and measured 5-minute buckets of its GPUs in service (a received job in the last ${ACTIVE_GPU_DAYS} days, or online in the window; \`gpus\` counts them), and \`last24HrsAvailability\` is its ratio. \`onTime24h\` is the on-time rate over all the wallet's jobs. \`sort=availability24h\` orders the GPUs by their availability. The GPU table is sorted, filtered and paged here over every GPU of the wallet: each GPU's \`points24h\`, \`pointsPerJob24h\` (points ÷ jobs received over the last 24 hourly buckets) and \`vsMedian\` (that ÷ the median of the wallet's GPUs of the same hardware and point type with jobs in the window); every sort both ways, GPUs without the figure last, ties by miner ID; filters \`idle\`, \`belowMedian\`, \`zeroEarning\` (1 or 0, AND-ed) and \`q\`. \`idleGpus\` counts the idle GPUs (online at no time in the last 24 hours), the same definition as the filter. Any bad value is a 400 naming its parameter. GET …/miners.csv gives every row as filtered and sorted.`,
        parameters: [...pathParameters(walletParamsSchema), ...queryParameters(walletQuerySchema)],
        responses: {
          200: json("The wallet", "Wallet"),
          400: badRequest,
          404: notFound("wallet"),
        },
      }),
    },
    "/api/v1/leaderboard": {
      get: operation({
        id: "getLeaderboard",
        tag: "leaderboards",
        summary: "Wallets ranked by Waifu or Llama points",
        description:
          "Points are served from the snapshot the worker rebuilds every LEADERBOARD_REFRESH_SECONDS (default 60); computedAt says when, and stale is true once it is 10 intervals old (the worker is behind). A read never rebuilds it. Before the worker's first pass the answer is a 503 that says so. gpuCount is read live and equals the wallet's gpuCount.",
        parameters: queryParameters(leaderboardQuerySchema),
        responses: { 200: json("One page of the ranking", "Leaderboard"), 400: badRequest, 503: PENDING },
      }),
    },
    "/api/v1/gpus": {
      get: operation({
        id: "listGpus",
        tag: "leaderboards",
        summary: "GPU models: active devices, jobs, points per device per day, latency",
        description:
          "Jobs, devices and latency are read live from the hourly rollups; points per day online and its siblings come from the GPU throughput snapshot the worker computes every 5 minutes (`online.asOf`), the figures the estimator shows, so every web server answers the same.",
        parameters: queryParameters(gpusQuerySchema),
        responses: { 200: json("GPU models, best points per device per day first", "Gpus"), 400: badRequest, 503: PENDING },
      }),
    },
  };
}
