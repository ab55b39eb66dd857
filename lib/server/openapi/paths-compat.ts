import "server-only";
import { heuristStatsQuerySchema } from "@/lib/schemas/heurist-stats";
import { MINER_ID_PATTERN } from "@/lib/schemas/ids";
import { HEURIST_STATS_INTERVAL_SECONDS } from "@/lib/snapshots/schedule";
import { queryParameters, ref } from "./json-schema";
import { json, operation } from "./operation";

/** Heurist's public stats API at its own path (decision 0033), outside /api/v1 so tools need only a new base URL. */
export function compatPaths() {
  const parameters = queryParameters(heuristStatsQuerySchema, { details: ["true", "false"] }).map((p) =>
    p.name === "minerId" ? { ...p, schema: { ...p.schema, pattern: MINER_ID_PATTERN.source } } : p,
  );
  return {
    "/prod/stats": {
      get: operation({
        id: "getHeuristStats",
        tag: "compat",
        summary: "Heurist's stats API: the network's last 24 hours, every miner ID (details=true), or one wallet or miner ID (minerId=)",
        description: `Field names and JSON types as Heurist's own \`GET <base>/prod/stats\` answered them, so tools written against it work with this portal's base URL. Three answers: no parameter (or details=false), the network's figures (HeuristStatsSummary); \`details=true\`, those and \`minerDetails\`, one row per miner ID with its counts as strings of digits as Heurist sent them (HeuristStatsDetails; both from a snapshot the worker rebuilds every ${HEURIST_STATS_INTERVAL_SECONDS} s, as of \`asOf\`); \`minerId=\` a wallet address (all its miner IDs) or one miner ID, read live like /api/v1/wallets/{address} and /api/v1/miners/{minerId} (HeuristMinerStats): its counts, points and availability, the open epoch's points and projected pool shares (\`s2CurrentEpoch*\`), and \`s2Rewards\`, every UTC day with activity and its part of its epoch's pool shares (settled, or the open epoch's projection; see decision 0033). minerId takes precedence over details (a forwarding proxy may add details=true). Answers are plain JSON with a Content-Length (never compressed in transit) and may be cached for ${HEURIST_STATS_INTERVAL_SECONDS} s. A repeated or unknown parameter is a 400 naming it.`,
        parameters,
        responses: {
          200: json("The network's figures, with minerDetails for details=true, or one wallet's or miner ID's stats for minerId=", {
            oneOf: [ref("HeuristStatsSummary"), ref("HeuristStatsDetails"), ref("HeuristMinerStats")],
          }),
          400: "A bad, repeated or unknown parameter: details lists { field, reason } for each",
          404: "minerId: no miner ID of this wallet, or no such miner ID, has reported a job",
          503: "The network's figures before the worker's first build (it builds them right after it starts), or a busy database",
        },
      }),
    },
  };
}
