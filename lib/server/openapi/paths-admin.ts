import "server-only";
import {
  adminActionParamsSchema,
  adminActionResultSchema,
  adminActionsQuerySchema,
  adminActionsResponseSchema,
  flagsQuerySchema,
  flagsResponseSchema,
  minerSlashesQuerySchema,
  minerSlashesResponseSchema,
  reverseBodySchema,
  slashBodySchema,
} from "@/lib/schemas/admin";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { pathParameters, queryParameters } from "./json-schema";
import { json, operation } from "./operation";

const adminNote = "Admins only: requires the httpOnly `heurist_session` cookie of a Sign-In with Ethereum session whose address is listed in ADMIN_ADDRESSES.";
const writeNote = " Writes take `content-type: application/json`; a refused request writes nothing.";
const denied = { 401: "Not signed in", 403: "Signed in, but not as an admin" };

export function adminPaths() {
  return {
    "/api/v1/admin/slashes": {
      post: operation({
        id: "slash",
        tag: "admin",
        summary: "Slash a miner ID, or every miner ID of a wallet, over a time window",
        description:
          `${adminNote}${writeNote} For each miner ID and point type, one ledger entry (kind slash) takes \`fraction\` of the points still in [from, to): ` +
          "what was earned there less what earlier slashes of overlapping windows took (and reversals gave back), never below zero. " +
          "The entries are dated now, so they count in the open epoch (settled epochs never change); the miner's totals and hourly rollups drop at once. " +
          "The window ends no later than now and spans at most 366 days.",
        body: slashBodySchema,
        responses: {
          200: json("The audit-log row and the entries written", adminActionResultSchema),
          400: "The body is not JSON",
          ...denied,
          404: "No such miner ID or wallet",
          409: "Nothing left to slash in that window",
          415: "Not application/json",
          422: "Invalid body: details lists { field, reason } for each problem",
        },
      }),
    },
    "/api/v1/admin/slashes/{id}/reverse": {
      post: operation({
        id: "reverseSlash",
        tag: "admin",
        summary: "Reverse a slash: entries of kind reversal giving back exactly what it took, dated now",
        description: `${adminNote}${writeNote} A slash can be reversed once.`,
        parameters: pathParameters(adminActionParamsSchema),
        body: reverseBodySchema,
        responses: {
          200: json("The reversal's audit-log row and its entries", adminActionResultSchema),
          400: "Invalid id, or the body is not JSON",
          ...denied,
          404: "No admin action with this id",
          409: "Already reversed, or the action is not a slash",
          415: "Not application/json",
          422: "Invalid reason",
        },
      }),
    },
    "/api/v1/admin/actions": {
      get: operation({
        id: "listAdminActions",
        tag: "admin",
        summary: "The audit log: every slash and reversal, newest first, with who, when, what, why and the points moved",
        description: adminNote,
        parameters: queryParameters(adminActionsQuerySchema),
        responses: { 200: json("A page of the audit log", adminActionsResponseSchema), 400: "Invalid query parameter", ...denied },
      }),
    },
    "/api/v1/admin/flags": {
      get: operation({
        id: "listFlags",
        tag: "admin",
        summary:
          "Suspicious patterns for review (never slashed automatically): lockstep wallets, impossible latencies, floor-sized job spikes, jobs outside the plausibility bounds",
        description:
          `${adminNote} Without \`hours\`: the worker's latest scan of the last 24 hours (it scans every hour; \`source\` is worker and \`asOf\` says when; a 503 before its first scan). ` +
          "With `hours`: scanned for this request over the completed jobs of the last `hours` (at most 168; lockstep over the last 24 of them at most, from `lockstepFrom`), and not stored. " +
          "Each flag carries its evidence; `thresholds` lists the rules applied. `implausible` lists miner IDs whose jobs broke a plausibility bound (largest image, most steps or tokens, " +
          "a latency floor for the work done): each such job was recorded and paid 0 with zero reason `implausible`. The scans run one after another on one database connection; " +
          "if one outlasts the statement timeout the answer is a 503 (ask for fewer hours).",
        parameters: queryParameters(flagsQuerySchema),
        responses: {
          200: json("Flags with evidence", flagsResponseSchema),
          400: "Invalid hours (a whole number from 1 to 168); details name the parameter",
          503: "No `hours` and the worker has not stored a scan yet (ask with hours=24 to scan now), or a scan outlasted the statement timeout",
          ...denied,
        },
      }),
    },
    "/api/v1/miners/{minerId}/slashes": {
      get: operation({
        id: "getMinerSlashes",
        tag: "miners",
        summary: "Slashes and reversals that touched a miner ID (including wallet-wide ones): when, why, the window, its points, reversed or not",
        parameters: [...pathParameters(minerParamsSchema), ...queryParameters(minerSlashesQuerySchema)],
        responses: {
          200: json("A page of the miner's slashes and reversals, newest first", minerSlashesResponseSchema),
          400: "Invalid miner ID or query parameter",
          404: "No miner with this id has reported a job",
        },
      }),
    },
  };
}
