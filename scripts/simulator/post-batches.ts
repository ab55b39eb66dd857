// Streams jobs into POST /api/v1/jobs the way the job router does: signed batches of up to 1,000,
// a few requests in flight, retries on 5xx/429/network errors. Retrying is safe because
// ingestion is idempotent per job id and a retry resends the very same jobs.
import { MAX_JOBS_PER_BATCH, ingestResultSchema, type IngestResult, type JobInput } from "../../lib/schemas/jobs";
import { signedHeaders } from "../../lib/signing";

/** The server refused a batch (4xx): retrying the same jobs cannot help, so the run stops. */
export class IngestRejectedError extends Error {
  constructor(
    readonly status: number,
    /** The server's JSON error, `{ error: { code, message, details } }`, or the raw text. */
    readonly body: unknown,
  ) {
    super(`The portal refused a batch (HTTP ${status}): ${JSON.stringify(body)}`);
    this.name = "IngestRejectedError";
  }
}

export interface PostJobsOptions {
  /** The portal's base URL (e.g. http://127.0.0.1:3000) or the full /api/v1/jobs endpoint. */
  url: string;
  secret: string;
  jobs: Iterable<JobInput>;
  batchSize?: number;
  concurrency?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  signal?: AbortSignal;
  onBatch?: (report: BatchReport) => void;
}

export interface BatchReport {
  jobs: number;
  created: number;
  duplicates: number;
  retries: number;
  result: IngestResult;
}

export interface PostSummary {
  jobs: number;
  created: number;
  duplicates: number;
  batches: number;
  retries: number;
  elapsedMs: number;
}

export function jobsEndpoint(url: string): string {
  const base = new URL(url);
  if (base.pathname.replace(/\/$/, "").endsWith("/api/v1/jobs")) return base.toString();
  return new URL("api/v1/jobs", base.toString().endsWith("/") ? base : `${base.toString()}/`).toString();
}

export async function postJobs(opts: PostJobsOptions): Promise<PostSummary> {
  const batchSize = opts.batchSize ?? MAX_JOBS_PER_BATCH;
  const concurrency = opts.concurrency ?? 4;
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_JOBS_PER_BATCH)) throw new Error(`batchSize must be 1 to ${MAX_JOBS_PER_BATCH}`);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error("concurrency must be an integer ≥ 1");

  const started = performance.now();
  const summary: PostSummary = { jobs: 0, created: 0, duplicates: 0, batches: 0, retries: 0, elapsedMs: 0 };
  const iterator = opts.jobs[Symbol.iterator]();
  // One failure stops the whole run: later batches would likely fail the same way.
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;

  const nextBatch = (): JobInput[] => {
    const batch: JobInput[] = [];
    while (batch.length < batchSize) {
      const step = iterator.next();
      if (step.done) break;
      batch.push(step.value);
    }
    return batch;
  };

  const worker = async () => {
    for (let batch = nextBatch(); batch.length > 0 && !signal.aborted; batch = nextBatch()) {
      const { result, retries } = await postBatch(opts.url, opts.secret, batch, { ...opts, signal });
      const created = result.accepted;
      summary.jobs += batch.length;
      summary.created += created;
      summary.duplicates += result.duplicates;
      summary.batches += 1;
      summary.retries += retries;
      opts.onBatch?.({ jobs: batch.length, created, duplicates: result.duplicates, retries, result });
    }
  };

  try {
    await Promise.all(
      Array.from({ length: concurrency }, () =>
        worker().catch((err) => {
          stop.abort(err);
          throw err;
        }),
      ),
    );
  } catch (err) {
    throw stop.signal.reason ?? err;
  }
  opts.signal?.throwIfAborted();
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Posts one batch, signing each attempt afresh (the timestamp must be recent). */
export async function postBatch(
  url: string,
  secret: string,
  jobs: readonly JobInput[],
  opts: { maxRetries?: number; retryBaseMs?: number; signal?: AbortSignal } = {},
): Promise<{ result: IngestResult; retries: number }> {
  const endpoint = jobsEndpoint(url);
  const maxRetries = opts.maxRetries ?? 5;
  const body = JSON.stringify({ jobs });
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(endpoint, { method: "POST", headers: signedHeaders(secret, body), body, signal: opts.signal });
    } catch (err) {
      if (opts.signal?.aborted || attempt >= maxRetries) {
        throw new Error(`POST ${endpoint} failed after ${attempt + 1} attempt(s): ${rootCause(err)}. Is the portal running?`, { cause: err });
      }
      await sleep(backoffMs(attempt, opts.retryBaseMs), opts.signal);
      continue;
    }
    const text = await res.text();
    if (res.ok) return { result: ingestResultSchema.parse(JSON.parse(text)), retries: attempt };
    const parsed = parseJson(text);
    if (res.status < 500 && res.status !== 429) throw new IngestRejectedError(res.status, parsed);
    if (attempt >= maxRetries) throw new Error(`POST ${endpoint} kept failing (HTTP ${res.status}) after ${attempt + 1} attempts: ${JSON.stringify(parsed)}`);
    const retryAfter = Number(res.headers.get("retry-after"));
    await sleep(retryAfter > 0 ? retryAfter * 1000 : backoffMs(attempt, opts.retryBaseMs), opts.signal);
  }
}

/** Exponential with full jitter, so concurrent workers do not retry in lockstep. */
function backoffMs(attempt: number, baseMs = 250): number {
  return Math.min(10_000, baseMs * 2 ** attempt) * (0.5 + Math.random() / 2);
}

/** fetch reports "fetch failed"; the useful part (ECONNREFUSED, reset…) is at the end of the cause chain. */
function rootCause(err: unknown): string {
  let e = err as { message?: string; cause?: unknown };
  while (e.cause && typeof e.cause === "object") e = e.cause as typeof e;
  return e.message ?? String(err);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
