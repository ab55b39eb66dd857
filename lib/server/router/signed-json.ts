import "server-only";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { isJsonContentType } from "../http";
import { checkSignatureHeaders, verifySignature } from "../ingest/verify-signature";

/** 1,000 jobs of a few hundred bytes each fit with room to spare. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The JSON body of a request from the job router (job reports, heartbeats): JSON only, signed
 * with INGEST_HMAC_SECRET (HMAC-SHA256 of "<x-timestamp>.<raw body>") within the allowed skew, at
 * most 2 MiB. Unsigned or stale requests are refused before the body is read.
 */
export async function signedJsonOf(req: Request, now: Date): Promise<unknown> {
  const env = serverEnv();
  if (!env.INGEST_HMAC_SECRET) {
    throw new AppError("unavailable", "Ingestion is disabled: INGEST_HMAC_SECRET is not configured on this server.");
  }
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as application/json (optionally with parameters such as charset=utf-8).");
  }
  const signature = {
    timestampHeader: req.headers.get("x-timestamp"),
    signatureHeader: req.headers.get("x-signature"),
    nowSeconds: Math.floor(now.getTime() / 1000),
    maxSkewSeconds: env.INGEST_MAX_SKEW_SECONDS,
  };
  checkSignatureHeaders(signature);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);
  const body = await req.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);
  verifySignature({ ...signature, secret: env.INGEST_HMAC_SECRET, body });
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
