import "server-only";
import { MODELS } from "@/lib/points";
import { errorResponseSchema } from "@/lib/schemas/errors";
import { estimateWithRatesSchema } from "@/lib/schemas/estimate";
import { gpusResponseSchema } from "@/lib/schemas/gpus";
import { heuristMinerStatsSchema, heuristStatsDetailsSchema, heuristStatsSummarySchema } from "@/lib/schemas/heurist-stats";
import { ingestResultSchema, jobSchema, MAX_JOBS_PER_BATCH } from "@/lib/schemas/jobs";
import { leaderboardResponseSchema } from "@/lib/schemas/leaderboard";
import { marketResponseSchema } from "@/lib/schemas/market";
import { minerResponseSchema } from "@/lib/schemas/miners";
import { modelsResponseSchema } from "@/lib/schemas/models";
import { nodeHistoryResponseSchema } from "@/lib/schemas/node-history";
import { bribeHistoryResponseSchema, chainConfigSchema, stakerResponseSchema } from "@/lib/schemas/staking";
import { walletResponseSchema } from "@/lib/schemas/wallets";
import { jsonSchema, ref, type JsonSchema } from "./json-schema";

/** The job as the router sends it; model_id's registry check is a refinement, so list the ids here. */
function jobComponent(): JsonSchema {
  const job = jsonSchema(jobSchema, "input") as { properties: Record<string, JsonSchema> };
  job.properties.model_id = { ...job.properties.model_id, enum: MODELS.map((m) => m.id) };
  return {
    ...job,
    description:
      "One completed (or failed) job. Image models need width, height and num_iterations; LLMs need input_tokens and output_tokens; the other kind's fields are refused.",
  };
}

export function components() {
  return {
    schemas: {
      Error: jsonSchema(errorResponseSchema, "output"),
      Job: jobComponent(),
      IngestRequest: {
        type: "object",
        required: ["jobs"],
        additionalProperties: false,
        properties: { jobs: { type: "array", minItems: 1, maxItems: MAX_JOBS_PER_BATCH, items: ref("Job") } },
      },
      IngestResult: jsonSchema(ingestResultSchema, "output"),
      Estimate: jsonSchema(estimateWithRatesSchema, "output"),
      Models: jsonSchema(modelsResponseSchema, "output"),
      Miner: jsonSchema(minerResponseSchema, "output"),
      Wallet: jsonSchema(walletResponseSchema, "output"),
      Leaderboard: jsonSchema(leaderboardResponseSchema, "output"),
      Gpus: jsonSchema(gpusResponseSchema, "output"),
      ChainConfig: jsonSchema(chainConfigSchema, "output"),
      Staker: jsonSchema(stakerResponseSchema, "output"),
      BribeHistory: jsonSchema(bribeHistoryResponseSchema, "output"),
      Market: jsonSchema(marketResponseSchema, "output"),
      NodeHistory: jsonSchema(nodeHistoryResponseSchema, "output"),
      HeuristStatsSummary: jsonSchema(heuristStatsSummarySchema, "output"),
      HeuristStatsDetails: jsonSchema(heuristStatsDetailsSchema, "output"),
      HeuristMinerStats: jsonSchema(heuristMinerStatsSchema, "output"),
    },
    securitySchemes: {
      routerSignature: {
        type: "apiKey",
        in: "header",
        name: "x-signature",
        description:
          'sha256=<hex HMAC-SHA256 of "<x-timestamp>.<raw body>"> keyed with INGEST_HMAC_SECRET; x-timestamp (unix seconds) must be within INGEST_MAX_SKEW_SECONDS of server time.',
      },
      metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN, the operator's scrape token" },
    },
  };
}
