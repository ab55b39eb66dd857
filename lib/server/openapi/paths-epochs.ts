import "server-only";
import { epochDetailSchema, epochListSchema, epochParamsSchema, epochRewardsQuerySchema, epochRewardsSchema } from "@/lib/schemas/epochs";
import { walletClaimsSchema } from "@/lib/schemas/claims";
import { walletParamsSchema } from "@/lib/schemas/wallets";
import { errorResponse, jsonContent, jsonSchema, pathParameters, queryParameters } from "./json-schema";

const ok = (description: string, schema: Parameters<typeof jsonSchema>[0]) => ({ description, content: jsonContent(jsonSchema(schema, "output")) });

export function epochPaths() {
  return {
    "/api/v1/epochs": {
      get: {
        operationId: "listEpochs",
        tags: ["epochs"],
        summary: "Weekly epochs: the open one (provisional pools) and every settled one, newest first",
        responses: { "200": ok("Epochs with pools, points and status", epochListSchema) },
      },
    },
    "/api/v1/epochs/{epoch}": {
      get: {
        operationId: "getEpoch",
        tags: ["epochs"],
        summary: "One epoch: pools, totals, status, the pool configuration and its top miner IDs",
        parameters: pathParameters(epochParamsSchema),
        responses: {
          "200": ok("The epoch", epochDetailSchema),
          "400": errorResponse("The epoch number is not a whole number ≥ 0"),
          "404": errorResponse("The epoch has not begun, or has ended and is not settled yet"),
        },
      },
    },
    "/api/v1/epochs/{epoch}/rewards": {
      get: {
        operationId: "getEpochRewards",
        tags: ["epochs"],
        summary: "What a wallet earned in a settled epoch: per miner ID (after the bribe) and as a staker",
        parameters: [...pathParameters(epochParamsSchema), ...queryParameters(epochRewardsQuerySchema)],
        responses: {
          "200": ok("The wallet's rewards; an open epoch answers status open with no rows yet", epochRewardsSchema),
          "400": errorResponse("Invalid epoch or wallet"),
          "404": errorResponse("The epoch is not settled"),
        },
      },
    },
    "/api/v1/wallets/{address}/claims": {
      get: {
        operationId: "getWalletClaims",
        tags: ["epochs"],
        summary: "A wallet's esHEU per settled epoch as the reward distributor pays it: amount, Merkle proof, root, and published / claimed status",
        parameters: pathParameters(walletParamsSchema),
        responses: {
          "200": ok("Every epoch the wallet has a leaf in, newest first; statuses as of the chain indexer's last block", walletClaimsSchema),
          "400": errorResponse("The address is not a wallet address"),
        },
      },
    },
    "/api/v1/wallets/{address}/rewards.csv": {
      get: {
        operationId: "exportWalletRewards",
        tags: ["epochs"],
        summary: "A wallet's esHEU per settled epoch, as CSV",
        parameters: pathParameters(walletParamsSchema),
        responses: {
          "200": {
            description: "One row per settled epoch with a grant. Columns: epoch, week_start, esheu_as_miner, esheu_as_staker, esheu_total (HEU, exact decimals).",
            headers: { "content-disposition": { description: "attachment; filename=…csv", schema: { type: "string" } } },
            content: { "text/csv": { schema: { type: "string" } } },
          },
          "400": errorResponse("The address is not a wallet address"),
        },
      },
    },
  };
}
