// Jobs for POST /api/v1/jobs: valid ones (which a request must fail to write for another reason)
// and jobs made invalid by exactly the kinds of mistakes and attacks a router or an attacker sends.
import fc from "fast-check";
import { findModel } from "@/lib/points/models";
import { hostileString, badMinerId, nonNumber, nonString, notOneOf, POLLUTING_KEYS, walletAddress } from "./values";

export type JobObject = Record<string, unknown>;

/** An invalid job as JSON text (some mutations need raw text: `1e999`, a literal `__proto__` key). */
export interface BadJob {
  kind: string;
  json: string;
}

const HOUR_MS = 3_600_000;
const STATUSES = ["completed", "timeout", "failed"];
const STRING_FIELDS = ["job_id", "miner_id", "model_id", "status", "completed_at", "hardware", "input_ref", "output_ref"];
const IMAGE_FIELDS = ["width", "height", "num_iterations"];
const LLM_FIELDS = ["input_tokens", "output_tokens"];
const ALL_FIELDS = new Set([...STRING_FIELDS, "inference_latency", ...IMAGE_FIELDS, ...LLM_FIELDS]);
const REQUIRED = ["job_id", "miner_id", "model_id", "status", "completed_at", "inference_latency"];

const isImage = (job: JobObject) => "width" in job;
const shapeFields = (job: JobObject) => (isImage(job) ? IMAGE_FIELDS : LLM_FIELDS);

/** A valid job completed in the last 24 h by a fresh GPU: it would be written if it got through. */
export const validJob: fc.Arbitrary<JobObject> = fc
  .record({
    wallet: walletAddress,
    id: fc.uint8Array({ minLength: 10, maxLength: 10 }),
    image: fc.boolean(),
    ageMs: fc.integer({ min: 60_000, max: 24 * HOUR_MS }),
    latency: fc.double({ min: 0, max: 8, noNaN: true }),
  })
  .map(({ wallet, id, image, ageMs, latency }) => ({
    job_id: `fz-${Buffer.from(id).toString("hex")}`,
    miner_id: `${wallet}-fuzz`,
    model_id: image ? "SDXL" : "hermes-3-llama3.1-8b",
    status: "completed",
    // The request's `now` is a little later than generation time; an hour back keeps every job past.
    completed_at: new Date(Date.now() - HOUR_MS - ageMs).toISOString(),
    hardware: "NVIDIA GeForce RTX 4090",
    inference_latency: latency,
    ...(image ? { width: 1024, height: 1024, num_iterations: 20 } : { input_tokens: 1200, output_tokens: 800 }),
  }));

/** A value that must reach the server as a raw JSON literal (`1e999` parses to Infinity). */
const raw = (literal: string) => `@@raw:${literal}@@`;

function outOfRange(field: string): fc.Arbitrary<unknown> {
  const frac = (min: number, max: number) => fc.double({ min, max, noNaN: true }).filter((x) => !Number.isInteger(x));
  const ranges: Record<string, [number, number]> = {
    width: [1, 16_384],
    height: [1, 16_384],
    num_iterations: [1, 1_000],
    input_tokens: [0, 10_000_000],
    output_tokens: [0, 10_000_000],
  };
  if (field === "inference_latency") {
    return fc.oneof(
      fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 86_400.001, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(raw("1e999"), raw("-1e999")),
    );
  }
  const [min, max] = ranges[field]!;
  return fc.oneof(
    fc.integer({ min: -(2 ** 40), max: min - 1 }),
    fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(2 ** 53, 2 ** 64, 1e300, raw("1e999"), raw("-1E400")),
    frac(min, max),
  );
}

function badStringFor(field: string, job: JobObject): fc.Arbitrary<unknown> {
  switch (field) {
    case "job_id":
      return fc.oneof(hostileString, fc.constant("x".repeat(129))).filter((s) => !/^[A-Za-z0-9_.:-]{1,128}$/.test(s));
    case "miner_id":
      return badMinerId;
    case "model_id":
      return fc.oneof(hostileString, fc.constantFrom("sdxl", "SDXL ", " SDXL", "gpt-9")).filter((s) => findModel(s) === undefined);
    case "status":
      return notOneOf(STATUSES);
    case "completed_at":
      return fc.oneof(
        hostileString.filter((s) => Number.isNaN(Date.parse(s))),
        fc.constantFrom("2024-02-30T00:00:00Z", "2024-09-02T10:00:00", "2024-09-02T24:00:00Z", "2024-09-02T10:00:00+99:99", "0001-01-01T00:00:00Z", "2024-03-31T23:59:59Z"),
        fc.integer({ min: 1, max: 10_000_000 }).map((h) => new Date(Date.now() + HOUR_MS + h * HOUR_MS).toISOString()), // the future
        fc.integer({ min: 946_684_800_000, max: Date.parse("2024-03-31T23:59:59Z") }).map((t) => new Date(t).toISOString()), // before any schedule
      );
    case "hardware":
      return fc.oneof(
        fc.constantFrom("", "   ", "\t\n"),
        fc.string({ minLength: 101, maxLength: 300, unit: "grapheme-ascii" }).filter((s) => s.trim().length > 100),
        hostileString.map((s) => `${s}\u0000`),
      );
    default: // input_ref, output_ref
      return fc.oneof(
        fc.string({ minLength: 513, maxLength: 2000 }),
        hostileString.map((s) => `${s}\u0000${String(job.job_id)}`),
      );
  }
}

function withRawKey(json: string, key: string, rawValue: string): string {
  return `{${JSON.stringify(key)}:${rawValue},${json.slice(1)}`;
}

function serialize(job: JobObject): string {
  return JSON.stringify(job).replace(/"@@raw:([^"@]+)@@"/g, "$1");
}

/** A C0 or C1 control character (TAB, NUL, U+0085 …): refused in every text field of a job. */
const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));

/** One valid job turned invalid by one mistake; `kind` names the mistake. */
export const badJob: fc.Arbitrary<BadJob> = validJob.chain((job) => {
  const drop = fc.constantFrom(...REQUIRED, ...shapeFields(job)).map((f) => {
    const rest = { ...job };
    delete rest[f];
    return { kind: `job/missing-${f}`, json: serialize(rest) };
  });
  const wrongType = fc
    .constantFrom(...ALL_FIELDS)
    .chain((f) => (STRING_FIELDS.includes(f) ? nonString : nonNumber).map((v) => ({ kind: `job/wrong-type-${f}`, json: serialize({ ...job, [f]: v }) })));
  const range = fc
    .constantFrom("inference_latency", ...shapeFields(job))
    .chain((f) => outOfRange(f).map((v) => ({ kind: `job/out-of-range-${f}`, json: serialize({ ...job, [f]: v }) })));
  const text = fc.constantFrom(...STRING_FIELDS).chain((f) => badStringFor(f, job).map((v) => ({ kind: `job/bad-${f}`, json: serialize({ ...job, [f]: v }) })));
  const extraKey = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...POLLUTING_KEYS),
        hostileString.filter((k) => !ALL_FIELDS.has(k)),
      ),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([k, v]) => ({ kind: `job/extra-key`, json: withRawKey(serialize(job), k, JSON.stringify(v) ?? "null") }));
  const otherKind = fc.constantFrom(...(isImage(job) ? LLM_FIELDS : IMAGE_FIELDS)).map((f) => ({ kind: `job/field-of-other-kind`, json: serialize({ ...job, [f]: 512 }) }));
  const notOffered = fc.constant({
    kind: "job/model-not-offered",
    json: serialize({
      ...job,
      model_id: "FLUX.1-dev",
      completed_at: "2024-05-01T00:00:00Z",
      width: 1024,
      height: 1024,
      num_iterations: 20,
      input_tokens: undefined,
      output_tokens: undefined,
    }),
  });
  const control = fc
    .tuple(fc.constantFrom("hardware", "input_ref", "output_ref"), controlChar, fc.constantFrom("RTX 4090", "ipfs://x"))
    .map(([f, c, base]) => ({ kind: `job/control-char-${f}`, json: serialize({ ...job, [f]: `${base.slice(0, 3)}${c}${base.slice(3)}` }) }));
  // A rollup key planted through a field (issue 9): a hardware_hourly row at an hour the sender chose.
  const planted = fc.constant({ kind: "job/planted-rollup-key", json: serialize({ ...job, hardware: "X\tSDXL\t2024-09-10T00:00:00.000Z" }) });
  return fc.oneof(drop, wrongType, range, text, extraKey, otherKind, notOffered, control, planted);
});
