import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { createPublicClient, getAddress, hexToBigInt, http, isAddressEqual, recoverMessageAddress, size, slice, type Hex } from "viem";
import { parseSiweMessage, validateSiweMessage, verifySiweMessage } from "viem/siwe";
import { AppError } from "@/lib/errors";
import { chainEnv, serverEnv } from "@/lib/env";
import { prisma } from "../db";
import { prismaOn } from "../prisma-on";

export const NONCE_TTL_MS = 10 * 60_000;
/** How far a wallet's clock may run ahead of the server's when it stamps `issuedAt`. */
const CLOCK_SKEW_MS = 60_000;
/** secp256k1's group order halved: a signature with a larger s is the malleable twin of another (EIP-2). */
const HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/** The cookie that binds a nonce to the browser that asked for it. */
export const NONCE_COOKIE = "heurist_siwe";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A single-use nonce, valid for 10 minutes, bound to a random token the browser keeps in a
 * cookie: the nonce is the token's hash, so only the browser that asked can spend it.
 */
export async function issueNonce(now = new Date()): Promise<{ nonce: string; expiresAt: Date; binding: string }> {
  const binding = randomBytes(32).toString("base64url");
  const nonce = hashToken(binding);
  const expiresAt = new Date(now.getTime() + NONCE_TTL_MS);
  await prisma().authNonce.create({ data: { nonce, expiresAt } });
  return { nonce, expiresAt, binding };
}

/** Deletes expired nonces and sessions; returns how many of each went. `db`: the worker's pool (default: the server's). */
export async function purgeExpiredAuth(now = new Date(), db?: pg.Pool): Promise<{ nonces: number; sessions: number }> {
  const client = prismaOn(db);
  const nonces = await client.authNonce.deleteMany({ where: { expiresAt: { lte: now } } });
  const sessions = await client.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return { nonces: nonces.count, sessions: sessions.count };
}

function publicClient() {
  const chain = chainEnv();
  return createPublicClient({ transport: http(chain.rpcUrl, { timeout: 5_000, retryCount: 0 }) });
}

/** An EOA signature recovered here; anything else (ERC-1271, ERC-6492) is asked of the chain. */
async function signatureIsValid(message: string, signature: Hex, address: `0x${string}`, domain: string, nonce: string, now: Date): Promise<boolean> {
  if (size(signature) === 65) {
    if (hexToBigInt(slice(signature, 32, 64)) > HALF_N) {
      throw new AppError("unauthorized", "The signature is in its malleable high-s form; sign again with a current wallet.");
    }
    const signer = await recoverMessageAddress({ message, signature }).catch(() => null);
    if (signer && isAddressEqual(signer, address)) return true;
  }
  try {
    return await verifySiweMessage(publicClient(), { message, signature, domain, nonce, time: now });
  } catch {
    // A plain signature that did not recover to the address is simply wrong when the chain cannot say otherwise.
    if (size(signature) === 65) return false;
    throw new AppError("unavailable", "A contract wallet's signature is checked on chain, and the chain could not be reached; try again.");
  }
}

/**
 * Verifies an EIP-4361 message and its signature, consumes its nonce, and opens a session. The
 * domain and the uri's origin come from configuration, never from the request: a phishing site
 * that relays a message signed for its own domain gets nothing. Every check names what failed,
 * so a wallet integrator can fix it.
 */
export async function signIn(opts: {
  message: string;
  signature: Hex;
  binding: string | null;
  now?: Date;
}): Promise<{ token: string; address: string; chainId: number; expiresAt: Date }> {
  const env = serverEnv();
  const now = opts.now ?? new Date();
  const fields = parseSiweMessage(opts.message);
  if (!fields.address || !fields.nonce || !fields.domain || !fields.chainId || !fields.uri || !fields.issuedAt) {
    throw new AppError("bad_request", "The message is not an EIP-4361 sign-in message (address, domain, uri, chain id, nonce and issued-at are required).");
  }
  if (fields.domain !== env.AUTH_DOMAIN) throw new AppError("unauthorized", `The message is for ${fields.domain}, not ${env.AUTH_DOMAIN}.`);
  let origin: string | null = null;
  try {
    origin = new URL(fields.uri).origin;
  } catch {
    // reported below
  }
  if (origin !== env.AUTH_ORIGIN) throw new AppError("unauthorized", `The message's uri must be on ${env.AUTH_ORIGIN}.`);
  if (!env.AUTH_CHAIN_IDS.includes(fields.chainId)) {
    throw new AppError("unauthorized", `Chain ${fields.chainId} is not accepted here; switch to chain ${env.AUTH_CHAIN_IDS.join(" or ")}.`);
  }
  const issued = fields.issuedAt.getTime();
  if (!(issued >= now.getTime() - NONCE_TTL_MS && issued <= now.getTime() + CLOCK_SKEW_MS)) {
    throw new AppError("unauthorized", "The message's issued-at time is not within the last 10 minutes; sign in again.");
  }
  if (!validateSiweMessage({ message: fields, domain: env.AUTH_DOMAIN, time: now })) {
    throw new AppError("unauthorized", "The message has expired or is not valid yet; sign in again.");
  }
  if (!opts.binding || hashToken(opts.binding) !== fields.nonce) {
    throw new AppError("unauthorized", "Sign-in must finish in the browser that asked for the nonce; ask for a new one.");
  }
  const address = getAddress(fields.address);
  if (!(await signatureIsValid(opts.message, opts.signature, address, env.AUTH_DOMAIN, fields.nonce, now))) {
    throw new AppError("unauthorized", "The signature was not made by the address in the message.");
  }
  // Consume the nonce only now, atomically: a replayed message finds it used.
  const used = await prisma().authNonce.updateMany({ where: { nonce: fields.nonce, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (used.count !== 1) throw new AppError("unauthorized", "The nonce is unknown, expired or already used; ask for a new one.");

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + env.AUTH_SESSION_HOURS * 3_600_000);
  await prisma().session.create({ data: { tokenHash: hashToken(token), address: address.toLowerCase(), chainId: fields.chainId, expiresAt } });
  return { token, address: address.toLowerCase(), chainId: fields.chainId, expiresAt };
}
