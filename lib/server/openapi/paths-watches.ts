import "server-only";
import { createWatchBodySchema, createdWatchSchema, watchListSchema } from "@/lib/schemas/watches";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { walletParamsSchema } from "@/lib/schemas/wallets";
import { pathParameters } from "./json-schema";
import { json, operation, text } from "./operation";

const cookieNote = "Requires the wallet owner's httpOnly `heurist_session` cookie (POST /api/v1/auth/verify); same-origin only.";
const watchParams = [...pathParameters(walletParamsSchema), { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]*$" } }];
const ownerErrors = { 401: "Not signed in", 403: "Signed in as another wallet, or called from another site" };
const atom = (what: string) =>
  text(`${what}: an Atom 1.0 feed (RFC 4287) of the alerts raised on it, newest first, at most 50; public facts only (no watcher, no webhook)`, "application/atom+xml");

export function watchPaths() {
  return {
    "/api/v1/wallets/{address}/watches": {
      get: operation({
        id: "listWatches",
        tag: "alerts",
        summary: "The wallet's watches with their state, latest alerts and webhook deliveries",
        description: cookieNote,
        parameters: pathParameters(walletParamsSchema),
        responses: { 200: json("Watches, newest first", watchListSchema), 400: "Invalid address", ...ownerErrors },
      }),
      post: operation({
        id: "createWatch",
        tag: "alerts",
        summary:
          "Watch a GPU or a wallet's GPUs (quiet for N minutes, availability below X %), nodes (bribe or stake changes), slashes or epochs; optionally with a signed webhook",
        description: `${cookieNote} The webhook's secret (the HMAC key of its signatures) is in this answer only.`,
        parameters: pathParameters(walletParamsSchema),
        body: createWatchBodySchema,
        responses: {
          201: json("The watch, with its webhook's secret", createdWatchSchema),
          400: "Invalid address",
          ...ownerErrors,
          409: "The wallet has the most watches it may have",
          422: "The watch is not valid (details name the field), or its webhook URL is refused",
        },
      }),
    },
    "/api/v1/wallets/{address}/watches/{id}": {
      delete: operation({
        id: "deleteWatch",
        tag: "alerts",
        summary: "Delete a watch with its alerts and deliveries",
        description: cookieNote,
        parameters: watchParams,
        responses: { 204: { description: "Deleted" }, 400: "Invalid address or id", ...ownerErrors, 404: "The wallet has no such watch" },
      }),
    },
    "/api/v1/wallets/{address}/watches/{id}/test": {
      post: operation({
        id: "testWatchWebhook",
        tag: "alerts",
        summary: "Queue a test event to the watch's webhook: signed, retried and logged like an alert; its success re-enables a disabled webhook",
        description: cookieNote,
        parameters: watchParams,
        responses: {
          202: { description: "Queued; its delivery shows in the watch's deliveries" },
          400: "Invalid address or id",
          ...ownerErrors,
          404: "The wallet has no such watch",
          409: "The watch has no webhook",
        },
      }),
    },
    "/api/v1/wallets/{address}/watches/{id}/enable": {
      post: operation({
        id: "enableWatchWebhook",
        tag: "alerts",
        summary: "Turn a disabled webhook back on; its count of failed deliveries starts again at 0",
        description: cookieNote,
        parameters: watchParams,
        responses: { 200: { description: "Enabled" }, 400: "Invalid address or id", ...ownerErrors, 404: "The wallet has no such watch", 409: "The watch has no webhook" },
      }),
    },
    "/api/v1/wallets/{address}/feed.atom": {
      get: operation({
        id: "walletFeed",
        tag: "alerts",
        summary: "A wallet's alerts as an Atom feed",
        parameters: pathParameters(walletParamsSchema),
        responses: { 200: atom("The wallet's GPUs and nodes"), 400: "Invalid address" },
      }),
    },
    "/api/v1/miners/{minerId}/feed.atom": {
      get: operation({
        id: "minerFeed",
        tag: "alerts",
        summary: "A miner's alerts as an Atom feed",
        parameters: pathParameters(minerParamsSchema),
        responses: { 200: atom("The miner ID"), 400: "Invalid miner ID" },
      }),
    },
  };
}
