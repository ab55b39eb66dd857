// Hostile POST /api/v1/jobs requests: broken signatures on valid batches, wrong transport, broken
// JSON, wrong envelopes, and correctly signed batches holding at least one invalid job.
import fc from "fast-check";
import { signBody, signedHeaders } from "@/lib/signing";
import { badJob, validJob, type JobObject } from "./jobs";
import type { HostileRequest } from "./requests";
import { anyJson, headerSafe, hostileString, POLLUTING_KEYS } from "./values";

const API = "POST /api/v1/jobs";
const PATH = "/api/v1/jobs";
const MAX_BODY = 2 * 1024 * 1024;

export interface IngestContext {
  secret: string;
  maxSkewSeconds: number;
  /** Jobs already stored, to resend with other content (409). */
  stored: readonly JobObject[];
}

const now = () => Math.floor(Date.now() / 1000);

function signed(ctx: IngestContext, kind: string, body: string, headers: Record<string, string> = {}): HostileRequest {
  return { api: API, kind, method: "POST", path: PATH, headers: { ...signedHeaders(ctx.secret, body), ...headers }, body };
}

function posted(kind: string, body: string, headers: Record<string, string>): HostileRequest {
  return { api: API, kind, method: "POST", path: PATH, headers: { "content-type": "application/json", ...headers }, body };
}

const goodBatch = fc.array(validJob, { minLength: 1, maxLength: 3 }).map((jobs) => JSON.stringify({ jobs }));
const headerText = hostileString.filter(headerSafe);

/** Valid batches that fail authentication: each would be written if it got through. */
function authFailures(ctx: IngestContext): fc.Arbitrary<HostileRequest> {
  const skewed = (sign: 1 | -1) =>
    fc.tuple(goodBatch, fc.integer({ min: ctx.maxSkewSeconds + 2, max: 10 ** 9 })).map(([body, by]) => {
      const ts = String(now() + sign * by);
      return posted(sign < 0 ? "auth/stale-timestamp" : "auth/future-timestamp", body, { "x-timestamp": ts, "x-signature": signBody(ctx.secret, ts, body) });
    });
  const withSig = (kind: string, sig: (body: string, ts: string) => fc.Arbitrary<string>) =>
    goodBatch.chain((body) => {
      const ts = String(now());
      return sig(body, ts).map((s) => posted(kind, body, { "x-timestamp": ts, "x-signature": s }));
    });
  return fc.oneof(
    goodBatch.map((body) => posted("auth/unsigned", body, {})),
    goodBatch.map((body) => posted("auth/no-timestamp", body, { "x-signature": signBody(ctx.secret, String(now()), body) })),
    goodBatch.map((body) => posted("auth/no-signature", body, { "x-timestamp": String(now()) })),
    fc.tuple(goodBatch, headerText).map(([body, ts]) => posted("auth/garbage-timestamp", body, { "x-timestamp": ts, "x-signature": signBody(ctx.secret, ts, body) })),
    skewed(-1),
    skewed(1),
    withSig("auth/garbage-signature", () => headerText.filter((s) => s.trim().length > 0)),
    withSig("auth/other-secret", (body, ts) => hostileString.filter((s) => s !== ctx.secret).map((secret) => signBody(secret || "x", ts, body))),
    withSig("auth/other-body", (_body, ts) => goodBatch.map((other) => signBody(ctx.secret, ts, other))),
    withSig("auth/other-timestamp", (body, ts) => fc.integer({ min: 1, max: 100 }).map((d) => signBody(ctx.secret, String(Number(ts) - d), body))),
    withSig("auth/mangled-signature", (body, ts) =>
      fc
        .constantFrom(
          (s: string) => s.toUpperCase(),
          (s: string) => s.slice("sha256=".length),
          (s: string) => s.slice(0, -1),
          (s: string) => `${s}0`,
          (s: string) => s.replace("sha256=", "sha1="),
          (s: string) => `${s.slice(0, -1)}${s.endsWith("0") ? "1" : "0"}`,
        )
        .map((mangle) => mangle(signBody(ctx.secret, ts, body))),
    ),
  );
}

/** Correctly signed, wrong on the wire: content type, size. */
function transportFailures(ctx: IngestContext): fc.Arbitrary<HostileRequest> {
  const notJsonType = fc
    .oneof(headerText, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/xml", "json", "application/jso"))
    .filter((t) => !t.trim().toLowerCase().startsWith("application/json")); // Headers trims the value
  return fc.oneof(
    { arbitrary: fc.tuple(goodBatch, notJsonType).map(([body, type]) => signed(ctx, "transport/content-type", body, { "content-type": type })), weight: 10 },
    { arbitrary: goodBatch.map((body) => signed(ctx, "transport/declared-too-large", body, { "content-length": String(MAX_BODY + 1) })), weight: 1 },
    {
      arbitrary: fc
        .tuple(validJob, fc.integer({ min: 1, max: 64 * 1024 }))
        .map(([job, extra]) => signed(ctx, "transport/oversize-body", JSON.stringify({ jobs: [job], pad: "x".repeat(MAX_BODY + extra) }))),
      weight: 1,
    },
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Correctly signed bodies that are not JSON, or JSON of the wrong shape. */
function bodyFailures(ctx: IngestContext): fc.Arbitrary<HostileRequest> {
  const broken = fc
    .oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      goodBatch.chain((b) => fc.integer({ min: 0, max: b.length - 1 }).map((n) => b.slice(0, n))),
      goodBatch.map((b) => `\uFEFF${b}`),
      goodBatch.map((b) => `${b}}`),
      goodBatch.map((b) => b.replaceAll('"', "'")),
      fc.constantFrom('{"jobs": [NaN]}', '{"jobs": [Infinity]}', '{"jobs": [] // c\n}', "{jobs: []}", "undefined", ""),
    )
    .filter((text) => !isJson(text));
  const envelope = fc.oneof(
    anyJson.map((v) => JSON.stringify(v)),
    anyJson.filter((v) => !Array.isArray(v)).map((jobs) => JSON.stringify({ jobs })),
    fc.constant(JSON.stringify({ jobs: [] })),
    validJob.map((job) => JSON.stringify({ jobs: Array.from({ length: 1001 }, (_, i) => ({ ...job, job_id: `${String(job.job_id)}-${i}` })) })),
    fc.tuple(goodBatch, fc.constantFrom(...POLLUTING_KEYS, "job", "extra")).map(([b, key]) => `{${JSON.stringify(key)}:{"admin":true},${b.slice(1)}`),
    fc.array(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.integer())), { minLength: 1, maxLength: 5 }).map((jobs) => JSON.stringify({ jobs })),
    fc.integer({ min: 1_000, max: 200_000 }).map((depth) => `{"jobs":[${"[".repeat(depth)}${"]".repeat(depth)}]}`),
    goodBatch.map((b) => `[${b}]`),
  );
  return fc.oneof(
    broken.map((body) => signed(ctx, "body/not-json", body)),
    envelope.map((body) => signed(ctx, "body/wrong-envelope", body)),
  );
}

/** Correctly signed batches with at least one invalid job among valid ones, or a conflicting resend. */
function jobFailures(ctx: IngestContext): fc.Arbitrary<HostileRequest> {
  const mixed = fc.tuple(fc.array(validJob, { maxLength: 3 }), badJob, fc.nat()).map(([good, bad, at]) => {
    const parts = good.map((j) => JSON.stringify(j));
    parts.splice(at % (parts.length + 1), 0, bad.json);
    return signed(ctx, bad.kind, `{"jobs":[${parts.join(",")}]}`);
  });
  const repeated = validJob.map((job) => {
    const other = "width" in job ? { ...job, num_iterations: 40 } : { ...job, output_tokens: 801 };
    return signed(ctx, "batch/repeated-id-other-content", JSON.stringify({ jobs: [job, other] }));
  });
  const conflict = fc
    .tuple(fc.constantFrom(...ctx.stored), fc.array(validJob, { maxLength: 3 }), fc.double({ min: 0.1, max: 5, noNaN: true }))
    .map(([stored, fresh, latency]) =>
      signed(ctx, "batch/conflicts-with-stored", JSON.stringify({ jobs: [...fresh, { ...stored, inference_latency: Number(stored.inference_latency) + latency }] })),
    );
  return fc.oneof({ arbitrary: mixed, weight: 8 }, { arbitrary: repeated, weight: 1 }, { arbitrary: conflict, weight: 1 });
}

export function hostileIngest(ctx: IngestContext) {
  return { auth: authFailures(ctx), transport: transportFailures(ctx), body: bodyFailures(ctx), jobs: jobFailures(ctx) };
}
