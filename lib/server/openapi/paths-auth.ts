import "server-only";
import { z } from "zod";
import { boostAssignmentBodySchema, boostAssignmentSchema, nonceResponseSchema, sessionResponseSchema, sessionStateSchema, signInBodySchema } from "@/lib/schemas/auth";
import { json, operation } from "./operation";

const cookieNote = "Requires the httpOnly `heurist_session` cookie set by POST /api/v1/auth/verify.";
const walletParam = [{ name: "address", in: "path", required: true, schema: { type: "string", pattern: "^0x[a-fA-F0-9]{40}$" } }];

export function authPaths() {
  return {
    "/api/v1/auth/nonce": {
      get: operation({
        id: "getSiweNonce",
        tag: "auth",
        summary: "A single-use nonce for a Sign-In with Ethereum (EIP-4361) message, valid 10 minutes",
        description:
          "Sets the httpOnly cookie `heurist_siwe` (SameSite=Strict, path /api/v1/auth): the nonce is bound to it, so the sign-in must be posted from the same browser. Counts against the sign-in budget (RATE_LIMIT_AUTH_PER_MINUTE).",
        responses: { 200: json("Nonce; sets the binding cookie", nonceResponseSchema) },
      }),
    },
    "/api/v1/auth/verify": {
      post: operation({
        id: "signIn",
        tag: "auth",
        summary: "Verify a signed EIP-4361 message (domain, uri, chain, nonce, time, signer) and open a session",
        description:
          "The message must name the configured AUTH_DOMAIN (never the request's Host), a uri on AUTH_ORIGIN, an accepted chain, an issuedAt within the last 10 minutes, and a nonce issued to this browser (the `heurist_siwe` cookie). EOA signatures must be low-s; contract wallets are verified on chain (ERC-1271, ERC-6492).",
        body: signInBodySchema,
        responses: {
          200: json("Signed in; sets the httpOnly session cookie", sessionResponseSchema),
          400: "Not a sign-in message, or the body is malformed",
          401: "Wrong domain, uri or chain; issued-at outside the nonce's lifetime; expired; high-s or wrong signer; a nonce not bound to this browser, unknown or already used",
          415: "The body is not application/json",
        },
      }),
    },
    "/api/v1/auth/session": {
      get: operation({
        id: "getSession",
        tag: "auth",
        summary: "The signed-in wallet, or `signedIn: false` for a visitor",
        description: `Reads the httpOnly \`heurist_session\` cookie set by POST /api/v1/auth/verify. No session, an expired one or a cookie that is not a session all answer 200 with \`{ "signedIn": false }\`.`,
        responses: { 200: json("Session state", sessionStateSchema) },
      }),
    },
    "/api/v1/auth/logout": {
      post: operation({
        id: "signOut",
        tag: "auth",
        summary: "End the session and clear its cookie",
        responses: { 200: json("Signed out", z.object({ ok: z.literal(true) })) },
      }),
    },
    "/api/v1/wallets/{address}/boost-slots": {
      get: operation({
        id: "getBoostSlots",
        tag: "miners",
        summary: "Which miner IDs hold the wallet's NFT boost slots (3 per NFT), and the owner's choice in force",
        parameters: walletParam,
        responses: { 200: json("Assignment", boostAssignmentSchema), 400: "Invalid address", 404: "Unknown wallet" },
      }),
      put: operation({
        id: "setBoostSlots",
        tag: "miners",
        summary: "The wallet owner chooses the miner IDs that hold its boost slots; prices jobs completed from now on",
        description: cookieNote,
        parameters: walletParam,
        body: boostAssignmentBodySchema,
        responses: {
          200: json("The new assignment", boostAssignmentSchema),
          401: "Not signed in",
          403: "Signed in as another wallet",
          404: "Unknown wallet",
          422: "More miner IDs than slots, or miner IDs of another wallet",
        },
      }),
    },
  };
}
