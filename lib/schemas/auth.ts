import { z } from "zod";
import { minerIdSchema } from "./ids";

export const signInBodySchema = z.strictObject({
  message: z.string().min(1, "message is required").max(4096),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, "signature must be 0x-prefixed hex"),
});

export const nonceResponseSchema = z.object({ nonce: z.string(), expiresAt: z.string() });
export const sessionResponseSchema = z.object({ address: z.string(), chainId: z.number().int(), expiresAt: z.string() });

/** GET /auth/session: "not signed in" is an answer, not an error, so a visitor's browser logs nothing. */
export const sessionStateSchema = z.discriminatedUnion("signedIn", [sessionResponseSchema.extend({ signedIn: z.literal(true) }), z.object({ signedIn: z.literal(false) })]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const boostAssignmentBodySchema = z.strictObject({
  minerIds: z.array(minerIdSchema).max(1500, "at most 1,500 miner IDs (500 NFTs × 3 slots)"),
});

export const boostAssignmentSchema = z.object({
  wallet: z.string(),
  nftCount: z.number().int(),
  slots: z.number().int(),
  chosen: z.array(z.string()).nullable(),
  effectiveFrom: z.string().nullable(),
  holders: z.array(z.string()),
});
