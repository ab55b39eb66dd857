import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { signBody, signatureHeadersProblem } from "@/lib/signing";

/**
 * The router signs `<x-timestamp>.<raw body>` with HMAC-SHA256. The timestamp bounds replays to a
 * window; replaying inside it is harmless because ingestion is idempotent per job id.
 */
export function verifySignature(opts: SignatureHeaders & { secret: string; body: string }): void {
  const { timestampHeader, signatureHeader } = checkSignatureHeaders(opts);
  const expected = Buffer.from(signBody(opts.secret, timestampHeader, opts.body));
  const given = Buffer.from(signatureHeader.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("unauthorized", 'x-signature does not match: expected sha256=<hex HMAC-SHA256 of "<x-timestamp>.<raw body>">.');
  }
}

interface SignatureHeaders {
  timestampHeader: string | null;
  signatureHeader: string | null;
  nowSeconds: number;
  maxSkewSeconds: number;
}

/** What can be refused before the body is read: missing headers and a stale timestamp. */
export function checkSignatureHeaders(opts: SignatureHeaders): { timestampHeader: string; signatureHeader: string } {
  const { timestampHeader, signatureHeader } = opts;
  const problem = signatureHeadersProblem(timestampHeader, signatureHeader);
  if (problem || !timestampHeader || !signatureHeader) throw new AppError("unauthorized", problem!);
  const skew = Math.abs(opts.nowSeconds - Number(timestampHeader));
  if (skew > opts.maxSkewSeconds) {
    throw new AppError("unauthorized", `x-timestamp is ${skew} s away from server time; the limit is ${opts.maxSkewSeconds} s.`);
  }
  return { timestampHeader, signatureHeader };
}
