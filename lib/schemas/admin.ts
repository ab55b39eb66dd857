// Admin actions (slash, reversal), the audit log, a miner's slashes, and flags for review.
// Admins are SIWE-signed-in wallets listed in ADMIN_ADDRESSES.
import { z } from "zod";
import { withoutNul } from "./jobs";
import { MINER_ID_PATTERN, minerIdSchema, walletAddressSchema } from "./ids";
import { intParam, isoDateTime, pageQuery, paginatedSchema } from "./query";

export const SLASH_MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} must be an ISO 8601 date-time with a zone, e.g. 2026-11-01T00:00:00Z` })
    .transform((s) => new Date(s))
    .describe(`ISO 8601 instant; the window is [from, to)`);

const reason = z
  .string({ error: "reason is required" })
  .trim()
  .min(10, "reason must be at least 10 characters: say what was found")
  .max(500, "reason is at most 500 characters")
  .refine(...withoutNul("reason"))
  .describe("why, in words the miner will read on their page (10–500 characters)");

export const slashBodySchema = z
  .strictObject({
    minerId: minerIdSchema.optional().describe("slash one miner ID (give this or wallet)"),
    wallet: walletAddressSchema.optional().describe("slash every miner ID of a wallet (give this or minerId)"),
    from: instant("from"),
    to: instant("to"),
    fraction: z
      .number({ error: "fraction must be a number" })
      .gt(0, "fraction must be > 0")
      .max(1, "fraction must be ≤ 1")
      .refine((f) => Math.round(f * 1e6) >= 1, "fraction must be at least 0.000001")
      .default(1)
      .describe("share of the points still in the window to take (0 < f ≤ 1; default 1, all of them)"),
    reason,
  })
  .superRefine((b, ctx) => {
    if ((b.minerId === undefined) === (b.wallet === undefined)) {
      ctx.addIssue({ code: "custom", path: ["minerId"], message: "give exactly one of minerId or wallet" });
    }
    // zod runs this even when a field failed (then it holds the raw input): compare real dates only.
    if (!(b.from instanceof Date && b.to instanceof Date)) return;
    if (b.from.getTime() >= b.to.getTime()) ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from" });
    else if (b.to.getTime() - b.from.getTime() > SLASH_MAX_WINDOW_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the window is at most ${SLASH_MAX_WINDOW_DAYS} days` });
    }
  });
export type SlashBody = z.output<typeof slashBodySchema>;

export const reverseBodySchema = z.strictObject({ reason });

export const adminActionParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "id must be a positive whole number")
    .describe("the slash's id in the audit log"),
});

export const adminActionsQuerySchema = z.object({
  ...pageQuery,
  target: z
    .string()
    .trim()
    .regex(MINER_ID_PATTERN, "target must be a miner ID or a wallet address")
    .transform((s) => s.toLowerCase())
    .optional()
    .describe("only actions aimed at this miner ID or wallet (as given when the action was taken)"),
  action: z.enum(["slash", "reversal"], { error: "action must be slash or reversal" }).optional(),
});
export type AdminActionsQuery = z.output<typeof adminActionsQuerySchema>;

export const minerSlashesQuerySchema = z.object({ ...pageQuery });

export const flagsQuerySchema = z.object({
  hours: intParam("hours", 1, 168).optional().describe("look back this many hours (1–168), scanned now; omitted: the worker's latest stored scan of the last 24 hours (hourly)"),
});

const points = z.number().describe("points moved (negative for a slash)");

export const adminActionSchema = z.object({
  id: z.number().int(),
  action: z.enum(["slash", "reversal"]),
  admin: z.string().describe("the admin's address (who)"),
  createdAt: isoDateTime.describe("when; the entries landed in the epoch open then"),
  targetKind: z.enum(["miner", "wallet"]),
  target: z.string(),
  windowFrom: isoDateTime.nullable(),
  windowTo: isoDateTime.nullable(),
  fraction: z.number().nullable().describe("share taken (slashes)"),
  reason: z.string().describe("why"),
  reverses: z.number().int().nullable().describe("the slash a reversal undoes"),
  reversedBy: z.object({ id: z.number().int(), admin: z.string(), createdAt: isoDateTime, reason: z.string() }).nullable().describe("the reversal of a slash, if any"),
  waifuPoints: points,
  llamaPoints: points,
  minerCount: z.number().int().describe("miner IDs with an entry from this action"),
});
export type AdminActionView = z.output<typeof adminActionSchema>;

export const adminActionResultSchema = adminActionSchema.extend({
  entries: z.array(z.object({ minerId: z.string(), pointType: z.enum(["waifu", "llama"]), points })).describe("the ledger entries written"),
});
export type AdminActionResult = z.output<typeof adminActionResultSchema>;

export const adminActionsResponseSchema = paginatedSchema(adminActionSchema);

export const minerSlashSchema = z.object({
  id: z.number().int(),
  action: z.enum(["slash", "reversal"]),
  createdAt: isoDateTime,
  reason: z.string(),
  targetKind: z.enum(["miner", "wallet"]).describe("wallet: the slash was aimed at the whole wallet"),
  windowFrom: isoDateTime.nullable(),
  windowTo: isoDateTime.nullable(),
  fraction: z.number().nullable(),
  waifuPoints: z.number().describe("this miner ID's points moved"),
  llamaPoints: z.number(),
  reverses: z.number().int().nullable(),
  reversed: z.boolean().describe("a slash that was later reversed"),
  reversedAt: isoDateTime.nullable(),
});
export type MinerSlash = z.output<typeof minerSlashSchema>;

export const minerSlashesResponseSchema = paginatedSchema(minerSlashSchema).extend({ minerId: z.string() });

const share = z.number().min(0).max(1);

export const flagsResponseSchema = z.object({
  source: z.enum(["worker", "on-demand"]).describe("worker: the hourly scan the worker stored (no `hours` asked); on-demand: scanned for this request"),
  asOf: isoDateTime.describe("when the scan ran (the end of its window)"),
  from: isoDateTime,
  to: isoDateTime,
  hours: z.number().int(),
  lockstepFrom: isoDateTime.describe("lockstep looks at [lockstepFrom, to): the window's last hours, at most thresholds.lockstep.maxHours; the other flags cover [from, to)"),
  thresholds: z.record(z.string(), z.record(z.string(), z.number())).describe("the rules each kind of flag applies"),
  lockstep: z.array(
    z.object({
      wallet: z.string(),
      gpus: z.number().int(),
      jobs: z.number().int(),
      sameSecondJobs: z.number().int(),
      controlJobs: z.number().int().describe("jobs with another GPU of the wallet finishing exactly controlOffsetSec later"),
      maxGpusInOneSecond: z.number().int(),
      exampleSeconds: z.array(isoDateTime),
      share,
      controlShare: share,
      z: z.number(),
      summary: z.string(),
    }),
  ),
  impossibleLatency: z.array(
    z.object({
      minerId: z.string(),
      hardware: z.string(),
      checkedJobs: z.number().int(),
      impossibleJobs: z.number().int(),
      share,
      worstRatio: z.number().describe("lowest latency ÷ floor"),
      examples: z.array(z.object({ jobId: z.string(), modelId: z.string(), completedAt: isoDateTime, latencySec: z.number(), floorSec: z.number() })),
      summary: z.string(),
    }),
  ),
  floorSpikes: z.array(
    z.object({
      minerId: z.string(),
      jobs: z.number().int(),
      floorJobs: z.number().int(),
      share,
      expectedShare: share,
      z: z.number(),
      byModel: z.array(z.object({ modelId: z.string(), jobs: z.number().int(), floorJobs: z.number().int(), networkShare: share })),
      summary: z.string(),
    }),
  ),
  implausible: z
    .array(
      z.object({
        minerId: z.string(),
        jobs: z.number().int().describe("jobs outside the plausibility bounds in the window (each paid 0, zero reason implausible)"),
        claimedPoints: z.number().describe("what those jobs would have earned inside the bounds"),
        examples: z
          .array(
            z.object({
              jobId: z.string(),
              modelId: z.string(),
              scheduleId: z.string(),
              completedAt: isoDateTime,
              hardware: z.string().nullable(),
              latencySec: z.number(),
              width: z.number().int().nullable(),
              height: z.number().int().nullable(),
              steps: z.number().int().nullable(),
              inputTokens: z.number().int().nullable(),
              outputTokens: z.number().int().nullable(),
              claimedPoints: z.number(),
              breach: z
                .object({
                  boundsId: z.string().describe("the plausibility table that judged it"),
                  bound: z.enum(["pixels", "steps", "tokens", "latency"]),
                  actual: z.number().describe("the job's pixels, steps, tokens, or latency in seconds"),
                  limit: z.number().describe("the largest allowed, or for latency the floor in seconds"),
                })
                .nullable(),
              explanation: z.string().describe("the broken bound in the words the miner's page uses"),
            }),
          )
          .describe("the latest few"),
        summary: z.string(),
      }),
    )
    .describe("miner IDs that reported jobs outside the plausibility bounds, most first"),
});
export type FlagsResponse = z.output<typeof flagsResponseSchema>;
