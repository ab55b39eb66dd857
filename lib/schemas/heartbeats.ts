// Heartbeats: the job router reports which miners it saw polling for work in a minute.
import { z } from "zod";
import { minerIdSchema } from "./ids";

export const MAX_MINERS_PER_HEARTBEAT = 50_000;

export const heartbeatBodySchema = z.strictObject({
  at: z.iso.datetime({ offset: true, error: "at must be an ISO 8601 date-time with a time zone: the minute the miners were seen" }),
  minerIds: z
    .array(minerIdSchema, { error: "minerIds must be an array of miner IDs" })
    .min(1, "minerIds must hold at least 1 miner ID")
    .max(MAX_MINERS_PER_HEARTBEAT, `minerIds holds at most ${MAX_MINERS_PER_HEARTBEAT} miner IDs per request`),
});

export const heartbeatResultSchema = z.object({
  /** The 5-minute bucket the heartbeat was recorded in. */
  bucketStart: z.string(),
  miners: z.number().int(),
});
export type HeartbeatResult = z.infer<typeof heartbeatResultSchema>;
