// The ingestion contract: the miner protocol's field names, as the job router sends them.
import { z } from "zod";
import { findModel } from "@/lib/points/models";
import { checkShapeFields } from "./shape-fields";
import { minerIdSchema } from "./ids";

export const MAX_JOBS_PER_BATCH = 1000;

/** PostgreSQL text cannot hold U+0000: refused here as a 422/400 rather than failing the insert or query (a 500). */
export const withoutNul = (name: string) => [(s: string) => !s.includes("\u0000"), `${name} must not contain the NUL character (U+0000)`] as const;

// C0 (U+0000–U+001F, TAB and CR among them), DEL and C1 (U+0080–U+009F): no job field has a use for them.
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The fields each kind of model needs (and the other kind must not carry). */
export const SHAPE_FIELDS = { image: ["width", "height", "num_iterations"], llm: ["input_tokens", "output_tokens"] } as const;

/** Free text a job carries (hardware, references): printable characters only. */
const jobText = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .max(max, `${name} is at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), `${name} must not contain control characters (U+0000–U+001F, U+007F–U+009F), such as TAB or NUL`);

const count = (name: string, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be an integer`)
    .min(0, `${name} must be ≥ 0`)
    .max(max, `${name} must be ≤ ${max}`);

const dimension = (name: string) => count(name, 16_384).min(1, `${name} must be ≥ 1`);

export const jobSchema = z
  .strictObject({
    job_id: z
      .string()
      .min(1, "job_id is required")
      .max(128, "job_id is at most 128 characters")
      .regex(/^[A-Za-z0-9_.:-]+$/, "job_id may contain letters, digits and _ . : - only"),
    miner_id: minerIdSchema,
    model_id: z
      .string()
      .min(1, "model_id is required")
      .max(100)
      .refine((id) => findModel(id) !== undefined, { message: "unknown model id (see GET /api/v1/models)" }),
    status: z.enum(["completed", "timeout", "failed"], { error: 'status must be "completed", "timeout" or "failed"' }),
    completed_at: z.iso.datetime({ offset: true, error: "completed_at must be an ISO 8601 date-time with a time zone, e.g. 2024-09-02T10:00:00Z" }),
    hardware: jobText("hardware", 100).trim().min(1, "hardware must not be blank").optional(),
    inference_latency: z
      .number({ error: "inference_latency must be a number of seconds" })
      .min(0, "inference_latency must be ≥ 0")
      .max(86_400, "inference_latency must be ≤ 86400 seconds"),
    width: dimension("width").optional(),
    height: dimension("height").optional(),
    num_iterations: count("num_iterations", 1_000).min(1, "num_iterations must be ≥ 1").optional(),
    input_tokens: count("input_tokens", 10_000_000).optional(),
    output_tokens: count("output_tokens", 10_000_000).optional(),
    input_ref: jobText("input_ref", 512).optional(),
    output_ref: jobText("output_ref", 512).optional(),
  })
  .superRefine((job, ctx) => checkShapeFields(job, job.model_id, SHAPE_FIELDS, ctx));

export type JobInput = z.input<typeof jobSchema>;
export type Job = z.output<typeof jobSchema>;

export const ingestBodySchema = z.strictObject({
  jobs: z
    .array(z.unknown(), { error: 'body must be {"jobs": [...]}' })
    .min(1, "jobs must hold at least 1 job")
    .max(MAX_JOBS_PER_BATCH, `jobs holds at most ${MAX_JOBS_PER_BATCH} jobs per request`),
});

export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  results: z.array(
    z.object({
      job_id: z.string(),
      status: z.enum(["created", "duplicate"]),
      pointType: z.enum(["waifu", "llama"]),
      points: z.number(),
    }),
  ),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
