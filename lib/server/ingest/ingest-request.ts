import "server-only";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/metrics";
import { ingestBodySchema, type IngestResult } from "@/lib/schemas/jobs";
import { QUERY_CANCELED, isPoolTimeout } from "../db";
import { describeIssues } from "../http";
import { signedJsonOf } from "../router/signed-json";
import { prepareJobs } from "./prepare-jobs";
import { writeBatch } from "./write-batch";

/** The whole ingestion path behind POST /api/v1/jobs: authenticate, validate all, write all or nothing. */
export async function ingestRequest(req: Request, now = new Date()): Promise<IngestResult> {
  const started = performance.now();
  const m = metrics();
  try {
    const envelope = ingestBodySchema.safeParse(await signedJsonOf(req, now));
    if (!envelope.success) throw new AppError("validation_failed", 'The body must be {"jobs": [1 to 1000 jobs]}.', describeIssues(envelope.error));
    const result = await writeBatch(prepareJobs(envelope.data.jobs, now));
    m.ingestJobs.inc({ result: "created" }, result.accepted);
    m.ingestJobs.inc({ result: "duplicate" }, result.duplicates);
    m.ingestBatchDuration.observe({ outcome: "accepted" }, (performance.now() - started) / 1000);
    return result;
  } catch (err) {
    m.ingestRefusals.inc({ reason: refusalReason(err) });
    m.ingestBatchDuration.observe({ outcome: "refused" }, (performance.now() - started) / 1000);
    throw err;
  }
}

/** The error code the router is answered with (as route() maps it). */
function refusalReason(err: unknown): string {
  if (err instanceof AppError) return err.code;
  if (isPoolTimeout(err) || (err as { code?: string } | null)?.code === QUERY_CANCELED) return "unavailable";
  return "internal";
}
