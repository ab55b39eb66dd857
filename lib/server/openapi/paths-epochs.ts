import "server-only";
import { epochDetailSchema, epochListSchema, epochParamsSchema, epochRewardsQuerySchema, epochRewardsSchema } from "@/lib/schemas/epochs";
import { walletClaimsSchema } from "@/lib/schemas/claims";
import { walletParamsSchema } from "@/lib/schemas/wallets";
import { pathParameters, queryParameters } from "./json-schema";
import { download, json, operation } from "./operation";

export function epochPaths() {
  return {
    "/api/v1/epochs": {
      get: operation({
        id: "listEpochs",
        tag: "epochs",
        summary: "Weekly epochs: the open one (provisional pools) and every settled one, newest first",
        responses: { 200: json("Epochs with pools, points and status", epochListSchema) },
      }),
    },
    "/api/v1/epochs/{epoch}": {
      get: operation({
        id: "getEpoch",
        tag: "epochs",
        summary: "One epoch: pools, totals, status, the pool configuration and its top miner IDs",
        parameters: pathParameters(epochParamsSchema),
        responses: {
          200: json("The epoch", epochDetailSchema),
          400: "The epoch number is not a whole number ≥ 0",
          404: "The epoch has not begun, or has ended and is not settled yet",
        },
      }),
    },
    "/api/v1/epochs/{epoch}/rewards": {
      get: operation({
        id: "getEpochRewards",
        tag: "epochs",
        summary: "What a wallet earned in a settled epoch: per miner ID (after the bribe) and as a staker",
        parameters: [...pathParameters(epochParamsSchema), ...queryParameters(epochRewardsQuerySchema)],
        responses: {
          200: json("The wallet's rewards; an open epoch answers status open with no rows yet", epochRewardsSchema),
          400: "Invalid epoch or wallet",
          404: "The epoch is not settled",
        },
      }),
    },
    "/api/v1/wallets/{address}/claims": {
      get: operation({
        id: "getWalletClaims",
        tag: "epochs",
        summary: "A wallet's esHEU per settled epoch as the reward distributor pays it: amount, Merkle proof, root, and published / claimed status",
        parameters: pathParameters(walletParamsSchema),
        responses: {
          200: json("Every epoch the wallet has a leaf in, newest first; statuses as of the chain indexer's last block", walletClaimsSchema),
          400: "The address is not a wallet address",
        },
      }),
    },
    "/api/v1/wallets/{address}/rewards.csv": {
      get: operation({
        id: "exportWalletRewards",
        tag: "epochs",
        summary: "A wallet's esHEU per settled epoch, as CSV",
        parameters: pathParameters(walletParamsSchema),
        responses: {
          200: download("One row per settled epoch with a grant. Columns: epoch, week_start, esheu_as_miner, esheu_as_staker, esheu_total (HEU, exact decimals)."),
          400: "The address is not a wallet address",
        },
      }),
    },
  };
}
