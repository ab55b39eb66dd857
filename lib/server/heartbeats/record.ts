import "server-only";
import { AppError } from "@/lib/errors";
import { BUCKET_MS, bucketOf, dayBits } from "@/lib/heartbeats/buckets";
import { heartbeatBodySchema, type HeartbeatResult } from "@/lib/schemas/heartbeats";
import { pool } from "../db";
import { describeIssues } from "../http";
import { signedJsonOf } from "../router/signed-json";

/** How far back a heartbeat may be reported (a router catching up after an outage). */
export const HEARTBEAT_MAX_AGE_MS = 24 * 3_600_000;
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * POST /api/v1/heartbeats: signed like job reports. Sets one bit per miner in its row of the UTC
 * day; OR makes a resent heartbeat (or a second router seeing the same miner) change nothing.
 */
export async function recordHeartbeats(req: Request, now = new Date()): Promise<HeartbeatResult> {
  const parsed = heartbeatBodySchema.safeParse(await signedJsonOf(req, now));
  if (!parsed.success) throw new AppError("validation_failed", 'The body must be {"at": "<ISO minute>", "minerIds": [...]}.', describeIssues(parsed.error));
  const at = new Date(parsed.data.at);
  if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) throw new AppError("validation_failed", "at is in the future.", [{ field: "at", reason: "must not be in the future" }]);
  if (at.getTime() < now.getTime() - HEARTBEAT_MAX_AGE_MS) {
    throw new AppError("validation_failed", "at is more than 24 hours ago.", [{ field: "at", reason: "must be within the last 24 hours" }]);
  }
  const { day, index } = bucketOf(at);
  // Sorted and unique: concurrent requests lock rows in one order.
  const miners = [...new Set(parsed.data.minerIds)].sort();
  const bucketStart = new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
  // One statement: the bits and the start of coverage (moved only earlier) land together.
  await pool().query(
    `WITH beats AS (
       INSERT INTO node_heartbeats AS h (miner_id, day, buckets)
       SELECT m, $2::date, $3::bit(288) FROM unnest($1::text[]) AS m
       ON CONFLICT (miner_id, day) DO UPDATE SET buckets = h.buckets | excluded.buckets
       RETURNING 1)
     INSERT INTO heartbeat_coverage AS c (id, since) SELECT 1, $4 WHERE EXISTS (SELECT 1 FROM beats)
     ON CONFLICT (id) DO UPDATE SET since = least(c.since, excluded.since) WHERE excluded.since < c.since`,
    [miners, day, dayBits([index]), bucketStart],
  );
  return { bucketStart: bucketStart.toISOString(), miners: miners.length };
}
