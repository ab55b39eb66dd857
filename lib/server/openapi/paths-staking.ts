import "server-only";
import { bribeParamsSchema, stakerParamsSchema } from "@/lib/schemas/staking";
import { errorResponse, jsonContent, pathParameters, ref } from "./json-schema";

const ok = (description: string, component: string) => ({ description, content: jsonContent(ref(component)) });
const badRequest = errorResponse("Invalid parameter: details lists { field, reason } for each problem");

export function stakingPaths() {
  return {
    "/api/v1/chain": {
      get: {
        operationId: "getChain",
        tags: ["staking"],
        summary: "The chain, RPC and contracts a wallet should use, and how far the indexer has read",
        description:
          "Runtime configuration (CHAIN_ID, CHAIN_PUBLIC_RPC_URL, the *_ADDRESS variables). Pages built from indexed tables lag the chain by `confirmations` blocks: after a transaction in block N, wait until `indexedBlock` ≥ N.",
        responses: { "200": ok("Chain configuration and indexer progress", "ChainConfig") },
      },
    },
    "/api/v1/stakers/{address}": {
      get: {
        operationId: "getStaker",
        tags: ["staking"],
        summary: "What a wallet has staked: positions per node and token, HEU locks with unlock dates, totals",
        description: "From the indexed StakingMarket events. An address that never staked answers 200 with empty lists.",
        parameters: pathParameters(stakerParamsSchema),
        responses: { "200": ok("The staker's positions and locks", "Staker"), "400": badRequest },
      },
    },
    "/api/v1/miners/{minerId}/bribes": {
      get: {
        operationId: "getMinerBribes",
        tags: ["staking"],
        summary: "A node's bribe history: in force, pending, superseded, and a warning on recent cuts",
        description:
          "A bribe change takes effect at the next epoch (Friday 00:00 UTC); a second change before then replaces the first. `recentCut` is set when the bribe in force or pending is lower than one in force during the last 30 days.",
        parameters: pathParameters(bribeParamsSchema),
        responses: { "200": ok("The node's bribes", "BribeHistory"), "400": badRequest },
      },
    },
  };
}
