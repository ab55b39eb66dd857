import "server-only";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { ingestBodySchema, type IngestResult } from "@/lib/schemas/jobs";
import { describeIssues, isJsonContentType } from "../http";
import { prepareJobs } from "./prepare-jobs";
import { checkSignatureHeaders, verifySignature } from "./verify-signature";
import { writeBatch } from "./write-batch";

/** 1,000 jobs of a few hundred bytes each fit with room to spare. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The whole ingestion path behind POST /api/v1/jobs: authenticate, validate all, write all or nothing. */
export async function ingestRequest(req: Request, now = new Date()): Promise<IngestResult> {
  const env = serverEnv();
  if (!env.INGEST_HMAC_SECRET) {
    throw new AppError("unavailable", "Ingestion is disabled: INGEST_HMAC_SECRET is not configured on this server.");
  }
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the batch as application/json (optionally with parameters such as charset=utf-8).");
  }
  const signature = {
    timestampHeader: req.headers.get("x-timestamp"),
    signatureHeader: req.headers.get("x-signature"),
    nowSeconds: Math.floor(now.getTime() / 1000),
    maxSkewSeconds: env.INGEST_MAX_SKEW_SECONDS,
  };
  // Unsigned or stale: refused before the (up to 2 MB) body is read.
  checkSignatureHeaders(signature);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);
  const body = await req.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);

  verifySignature({ ...signature, secret: env.INGEST_HMAC_SECRET, body });

  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  const envelope = ingestBodySchema.safeParse(parsedJson);
  if (!envelope.success) throw new AppError("validation_failed", "The body must be {\"jobs\": [1 to 1000 jobs]}.", describeIssues(envelope.error));

  return writeBatch(prepareJobs(envelope.data.jobs, now));
}
