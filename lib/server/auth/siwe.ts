import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getAddress, recoverMessageAddress, type Hex } from "viem";
import { generateSiweNonce, parseSiweMessage, validateSiweMessage } from "viem/siwe";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { pool } from "../db";

const NONCE_TTL_MS = 10 * 60_000;

/** A single-use nonce, valid for 10 minutes. */
export async function issueNonce(now = new Date()): Promise<{ nonce: string; expiresAt: string }> {
  const nonce = generateSiweNonce();
  const expiresAt = new Date(now.getTime() + NONCE_TTL_MS);
  await pool().query("INSERT INTO auth_nonces (nonce, expires_at) VALUES ($1, $2)", [nonce, expiresAt]);
  return { nonce, expiresAt: expiresAt.toISOString() };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Verifies an EIP-4361 message and its signature, consumes its nonce, and opens a session.
 * Every check names what failed, so a wallet integrator can fix it.
 */
export async function signIn(opts: { message: string; signature: Hex; host: string; now?: Date }): Promise<{ token: string; address: string; chainId: number; expiresAt: Date }> {
  const env = serverEnv();
  const now = opts.now ?? new Date();
  const fields = parseSiweMessage(opts.message);
  if (!fields.address || !fields.nonce || !fields.domain || !fields.chainId) {
    throw new AppError("bad_request", "The message is not an EIP-4361 sign-in message (address, domain, chain id and nonce are required).");
  }
  const domain = env.AUTH_DOMAIN ?? opts.host;
  if (fields.domain !== domain) throw new AppError("unauthorized", `The message is for ${fields.domain}, not ${domain}.`);
  if (!env.AUTH_CHAIN_IDS.includes(fields.chainId)) {
    throw new AppError("unauthorized", `Chain ${fields.chainId} is not accepted here; switch to chain ${env.AUTH_CHAIN_IDS.join(" or ")}.`);
  }
  if (!validateSiweMessage({ message: fields, domain, time: now })) {
    throw new AppError("unauthorized", "The message has expired or is not valid yet; sign in again.");
  }
  const signer = await recoverMessageAddress({ message: opts.message, signature: opts.signature }).catch(() => null);
  if (!signer || getAddress(signer) !== getAddress(fields.address)) {
    throw new AppError("unauthorized", "The signature was not made by the address in the message.");
  }
  // Consume the nonce only now, atomically: a replayed message finds it used.
  const used = await pool().query(
    "UPDATE auth_nonces SET used_at = $2 WHERE nonce = $1 AND used_at IS NULL AND expires_at > $2 RETURNING nonce",
    [fields.nonce, now],
  );
  if (used.rowCount !== 1) throw new AppError("unauthorized", "The nonce is unknown, expired or already used; ask for a new one.");

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + env.AUTH_SESSION_HOURS * 3_600_000);
  const address = fields.address.toLowerCase();
  await pool().query("INSERT INTO sessions (token_hash, address, chain_id, expires_at) VALUES ($1, $2, $3, $4)", [
    hashToken(token), address, fields.chainId, expiresAt,
  ]);
  return { token, address, chainId: fields.chainId, expiresAt };
}
