import "server-only";
import { MAX_JOBS_PER_BATCH } from "@/lib/schemas/jobs";
import { heartbeatBodySchema, heartbeatResultSchema } from "@/lib/schemas/heartbeats";
import { json, operation } from "./operation";

const notJson = "The body is not valid JSON";
const unsigned = "Missing, stale or wrong x-timestamp / x-signature";
const tooLarge = "The body is larger than 2 MiB";
const disabled = "Ingestion is disabled (no INGEST_HMAC_SECRET configured)";
const signatureHeaders = [
  { name: "x-timestamp", in: "header", required: true, description: "unix seconds when the request was signed", schema: { type: "string", pattern: "^\\d{1,12}$" } },
  {
    name: "x-signature",
    in: "header",
    required: true,
    description: 'sha256=<hex HMAC-SHA256 of "<x-timestamp>.<raw body>">',
    schema: { type: "string", pattern: "^sha256=[0-9a-f]{64}$" },
  },
];

export function ingestPaths() {
  return {
    "/api/v1/jobs": {
      post: operation({
        id: "ingestJobs",
        tag: "ingestion",
        summary: "Report completed jobs (job router only)",
        description: `Up to ${MAX_JOBS_PER_BATCH} jobs per request, priced by the schedule in force at each job's completed_at. All or nothing: one invalid job refuses the batch. Idempotent per job_id: a resent job with the same content is reported as a duplicate with its stored points.`,
        security: "routerSignature",
        parameters: signatureHeaders,
        body: "IngestRequest",
        responses: {
          200: json("Every job stored (created) or already stored (duplicate), with its points", "IngestResult"),
          400: notJson,
          401: unsigned,
          409: "A job_id was already ingested with different content; details.job_ids lists them",
          413: tooLarge,
          415: "The body is not application/json (parameters such as charset are allowed)",
          422: "Invalid batch: details lists { index, job_id, field, reason } for every problem (a control character such as TAB or NUL in any text field included); nothing was written",
          429: "Too many reports from this client were refused as unauthenticated this minute; answered before the body is read. Signed reports are never limited",
          503: disabled,
        },
      }),
    },
    "/api/v1/heartbeats": {
      post: operation({
        id: "reportHeartbeats",
        tag: "ingestion",
        summary: "Report the miners seen polling for work in a minute (job router only)",
        description:
          "Availability is the share of 5-minute buckets in which a node was seen, whether or not a job came its way. Signed like job reports. Idempotent: a resent heartbeat, or one for a miner already seen in that bucket, changes nothing. `at` must lie within the last 24 hours.",
        security: "routerSignature",
        parameters: signatureHeaders,
        body: heartbeatBodySchema,
        responses: {
          200: json("Recorded in the 5-minute bucket named", heartbeatResultSchema),
          400: notJson,
          401: unsigned,
          413: tooLarge,
          415: "The body is not application/json",
          422: "A bad miner ID or `at` (future, or older than 24 hours); details name each; nothing was written",
          503: disabled,
        },
      }),
    },
  };
}
