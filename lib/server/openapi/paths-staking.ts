import "server-only";
import { MARKET_SORTS, marketQuerySchema } from "@/lib/schemas/market";
import { bribeParamsSchema, stakerParamsSchema } from "@/lib/schemas/staking";
import { MARKET_CSV_COLUMNS } from "../market/csv";
import { pathParameters, queryParameters } from "./json-schema";
import { json, operation, text } from "./operation";

const badRequest = "Invalid parameter: details lists { field, reason } for each problem";
const pending = "Not computed yet: the worker (npm run worker) builds the market snapshot every MARKET_REFRESH_SECONDS, the first time right after it starts";

const marketDescription =
  "One row per node from the market snapshot (rebuilt by the worker every MARKET_REFRESH_SECONDS, never by a read; `asOf` says when, `stale` that it is 10 intervals old; a 503 before the worker's first pass): bribe in force, pending (with its epoch) and any cut within 30 days; stake by token and the stake multiplier now and with your stake; availability (5-minute buckets the job router saw the node polling, or before its heartbeats began, hours with a received job: `source` says which) and the on-time rate (jobs completed in time ÷ jobs received) over 24 h, 7 d and 30 d; the median hourly latency and points of the last 7 days; and for the stake you plan (`stake`, default 10,000 HEU) the estimated yield: bribe × R(S+P) × P/(S+P), R the node's 7-day points annualized and re-priced at the multiplier with your stake, in HEU at the portal's own epochs' HEU per point (`rate`). Ties are broken by miner ID, so pages are stable. Unknown parameters are a 400.";

export function stakingPaths() {
  return {
    "/api/v1/market": {
      get: operation({
        id: "getMarket",
        tag: "staking",
        summary: "The staking market: every node with its bribe, stake, availability and the yield for your stake; sorted, filtered, paginated",
        description: marketDescription,
        parameters: queryParameters(marketQuerySchema, { sort: MARKET_SORTS }),
        responses: { 200: json("One page of nodes", "Market"), 400: badRequest, 503: pending },
      }),
    },
    "/api/v1/market.csv": {
      get: operation({
        id: "exportMarket",
        tag: "staking",
        summary: "The market as filtered and sorted, every matching row, as CSV",
        description: `The same parameters and rows as GET /api/v1/market, without pagination (page and pageSize are accepted and ignored). Columns: ${MARKET_CSV_COLUMNS.join(", ")}.`,
        parameters: queryParameters(marketQuerySchema, { sort: MARKET_SORTS }),
        responses: {
          200: text("CSV, one row per node", "text/csv"),
          400: badRequest,
          503: pending,
        },
      }),
    },
    "/api/v1/chain": {
      get: operation({
        id: "getChain",
        tag: "staking",
        summary: "The chain, RPC and contracts a wallet should use, and how far the indexer has read",
        description:
          "Runtime configuration (CHAIN_ID, CHAIN_PUBLIC_RPC_URL, the *_ADDRESS variables). Pages built from indexed tables lag the chain by `confirmations` blocks: after a transaction in block N, wait until `indexedBlock` ≥ N.",
        responses: { 200: json("Chain configuration and indexer progress", "ChainConfig") },
      }),
    },
    "/api/v1/stakers/{address}": {
      get: operation({
        id: "getStaker",
        tag: "staking",
        summary: "What a wallet has staked: positions per node and token, HEU locks with unlock dates, totals",
        description: "From the indexed StakingMarket events. An address that never staked answers 200 with empty lists.",
        parameters: pathParameters(stakerParamsSchema),
        responses: { 200: json("The staker's positions and locks", "Staker"), 400: badRequest },
      }),
    },
    "/api/v1/miners/{minerId}/bribes": {
      get: operation({
        id: "getMinerBribes",
        tag: "staking",
        summary: "A node's bribe history: in force, pending, superseded, and a warning on recent cuts",
        description:
          "A bribe change takes effect at the next epoch (Friday 00:00 UTC); a second change before then replaces the first. `recentCut` is set when the bribe in force or pending is lower than one in force during the last 30 days.",
        parameters: pathParameters(bribeParamsSchema),
        responses: { 200: json("The node's bribes", "BribeHistory"), 400: badRequest },
      }),
    },
  };
}
