import "server-only";
import { AppError } from "@/lib/errors";
import { ingestBodySchema, type IngestResult } from "@/lib/schemas/jobs";
import { describeIssues } from "../http";
import { signedJsonOf } from "../router/signed-json";
import { prepareJobs } from "./prepare-jobs";
import { writeBatch } from "./write-batch";

/** The whole ingestion path behind POST /api/v1/jobs: authenticate, validate all, write all or nothing. */
export async function ingestRequest(req: Request, now = new Date()): Promise<IngestResult> {
  const envelope = ingestBodySchema.safeParse(await signedJsonOf(req, now));
  if (!envelope.success) throw new AppError("validation_failed", "The body must be {\"jobs\": [1 to 1000 jobs]}.", describeIssues(envelope.error));
  return writeBatch(prepareJobs(envelope.data.jobs, now));
}
