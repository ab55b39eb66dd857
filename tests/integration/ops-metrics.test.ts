// GET /api/v1/metrics: Prometheus text behind METRICS_TOKEN, counting what ingestion really did.
import { describe, expect, test } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET } from "@/app/api/v1/metrics/route";
import { AppError } from "@/lib/errors";
import { authorizeScrape } from "@/lib/server/ops/scrape";
import { imageJob, llmJob, signedRequest } from "../support/fixtures";

const TOKEN = process.env.METRICS_TOKEN!;

const scrapeRequest = (authorization?: string) => new Request("http://localhost/api/v1/metrics", { headers: authorization ? { authorization } : {} });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * A strict reader of the text exposition format 0.0.4: every line is a HELP, a TYPE or a sample
 * `name{label="value",…} number`; anything else fails the test.
 */
function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === "TYPE") {
        expect(meta[3], line).toMatch(/^(counter|gauge|histogram|summary|untyped)$/);
        types.set(meta[2]!, meta[3]!);
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/.exec(line);
    expect(sample, `not a Prometheus line: ${line}`).not.toBeNull();
    const labels = Object.fromEntries([...(sample![2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: sample![1]!, labels, value: Number(sample![3]) });
  }
  return { samples, types };
}

async function scrape() {
  const res = await GET(scrapeRequest(`Bearer ${TOKEN}`));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const parsed = parsePrometheus(await res.text());
  const value = (name: string, labels: Record<string, string> = {}) =>
    parsed.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
  return { ...parsed, value };
}

describe("access", () => {
  test("without a token, with another token or another scheme the answer is a JSON 401", async () => {
    for (const authorization of [undefined, "Bearer not-the-metrics-token", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const res = await GET(scrapeRequest(authorization));
      expect(res.status, String(authorization)).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/Bearer/) });
    }
  });

  test("with METRICS_TOKEN unset, metrics are off: 404 saying so, whatever is sent", () => {
    expect(() => authorizeScrape(`Bearer ${TOKEN}`, undefined)).toThrow(expect.objectContaining({ code: "not_found", message: expect.stringMatching(/Metrics are off/) }));
    expect(() => authorizeScrape(`Bearer ${TOKEN}`, TOKEN)).not.toThrow();
    expect(() => authorizeScrape(`bearer  ${TOKEN} `, TOKEN)).not.toThrow();
    expect(() => authorizeScrape("Bearer ", TOKEN)).toThrow(AppError);
  });
});

describe("counters", () => {
  test("ingesting N jobs, a resend and one refused batch moves the counters by exactly that", async () => {
    const before = await scrape();
    const jobs = [imageJob(), imageJob(), llmJob()];
    expect((await ingest(signedRequest({ jobs }))).status).toBe(200);
    expect((await ingest(signedRequest({ jobs: [jobs[0], imageJob()] }))).status).toBe(200);
    expect((await ingest(signedRequest({ jobs: [imageJob({ width: 0 })] }))).status).toBe(422);
    expect((await ingest(signedRequest({ jobs: [imageJob()] }, { secret: "not-the-server-secret-at-all" }))).status).toBe(401);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => after.value(name, labels) - before.value(name, labels);
    expect(moved("heurist_ingest_jobs_total", { result: "created" })).toBe(4);
    expect(moved("heurist_ingest_jobs_total", { result: "duplicate" })).toBe(1);
    expect(moved("heurist_ingest_refusals_total", { reason: "validation_failed" })).toBe(1);
    expect(moved("heurist_ingest_refusals_total", { reason: "unauthorized" })).toBe(1);
    expect(moved("heurist_ingest_refusals_total")).toBe(2);
    expect(moved("heurist_ingest_batch_duration_seconds_count", { outcome: "accepted" })).toBe(2);
    expect(moved("heurist_ingest_batch_duration_seconds_count", { outcome: "refused" })).toBe(2);
    expect(moved("heurist_http_requests_total", { route: "/api/v1/jobs", method: "POST", status: "200" })).toBe(2);
    expect(moved("heurist_http_requests_total", { route: "/api/v1/jobs", method: "POST", status: "422" })).toBe(1);
    expect(moved("heurist_http_request_duration_seconds_count", { route: "/api/v1/jobs", method: "POST" })).toBe(4);
    // The scrape before this one was itself counted.
    expect(moved("heurist_http_requests_total", { route: "/api/v1/metrics", status: "200" })).toBe(1);
  });
});

describe("exposition", () => {
  test("every metric is heurist_*, typed, and the pool and database gauges are read at scrape time", async () => {
    const { samples, types, value } = await scrape();
    expect([...types.keys()].filter((n) => !n.startsWith("heurist_"))).toEqual([]);
    expect(types.get("heurist_ingest_jobs_total")).toBe("counter");
    expect(types.get("heurist_ingest_batch_duration_seconds")).toBe("histogram");
    expect(types.get("heurist_http_request_duration_seconds")).toBe("histogram");
    expect(types.get("heurist_rate_limit_refusals_total")).toBe("counter");
    expect(types.get("heurist_db_pool_connections")).toBe("gauge");
    for (const state of ["total", "idle", "waiting"])
      expect(
        samples.some((s) => s.name === "heurist_db_pool_connections" && s.labels.state === state),
        state,
      ).toBe(true);
    // The scrape's own probe just used a pooled connection.
    expect(value("heurist_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(value("heurist_migrations_pending")).toBe(0);
    expect(value("heurist_database_up")).toBe(1);
    expect(samples.some((s) => s.name === "heurist_settlement_overdue")).toBe(true);
    // No chain is configured in these tests: lag is absent rather than a made-up 0.
    expect(samples.some((s) => s.name === "heurist_indexer_lag_blocks")).toBe(false);
  });
});
