import { afterEach, describe, expect, test } from "vitest";
import { createNetwork } from "./network";
import { IngestRejectedError, jobsEndpoint, postJobs } from "./post-batches";
import { okReply, startTestServer } from "./test-server";

const SECRET = "simulator-test-secret-0123456789";
const network = createNetwork({ scale: 0.05 });
const jobs = (count: number, seed = 1) => network.generateJobs({ count, from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-01-02T00:00:00Z"), seed });

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("postJobs", () => {
  test("sends every job once, signed, in batches of at most 1,000 with the requested concurrency", async () => {
    server = await startTestServer(SECRET);
    const seen: number[] = [];
    const summary = await postJobs({ url: server.url, secret: SECRET, jobs: jobs(3_500), concurrency: 3, onBatch: (b) => seen.push(b.jobs) });
    expect(summary).toMatchObject({ jobs: 3_500, created: 3_500, duplicates: 0, batches: 4, retries: 0 });
    expect(server.received.map((r) => r.jobs.length).sort((a, b) => b - a)).toEqual([1000, 1000, 1000, 500]);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(3_500);
    expect(server.received.every((r) => r.signatureValid && r.contentType === "application/json")).toBe(true);
    const ids = server.received.flatMap((r) => r.jobs.map((j) => j.job_id));
    expect(new Set(ids).size).toBe(3_500);
    expect(server.maxInFlight()).toBe(3);
  });

  test("retries 5xx and 429 with the same jobs, re-signed, until the server accepts", async () => {
    server = await startTestServer(SECRET, (req, n, res) => {
      if (n === 1) return void res.writeHead(503, { "content-type": "application/json" }).end('{"error":{"code":"unavailable","message":"busy"}}');
      if (n === 2) return void res.writeHead(429).end();
      okReply(req, res);
    });
    const summary = await postJobs({ url: server.url, secret: SECRET, jobs: jobs(10), retryBaseMs: 1 });
    expect(summary).toMatchObject({ created: 10, retries: 2, batches: 1 });
    expect(server.received).toHaveLength(3);
    expect(server.received[2]!.jobs).toEqual(server.received[0]!.jobs);
    expect(server.received.every((r) => r.signatureValid)).toBe(true);
  });

  test("retries when the connection drops", async () => {
    server = await startTestServer(SECRET, (req, n, res) => (n === 1 ? void res.socket?.destroy() : okReply(req, res)));
    const summary = await postJobs({ url: server.url, secret: SECRET, jobs: jobs(5), retryBaseMs: 1 });
    expect(summary).toMatchObject({ created: 5, retries: 1 });
  });

  test("stops at a 4xx and throws the server's JSON error without retrying", async () => {
    const error = { error: { code: "validation_failed", message: "1 of 5 jobs are invalid; nothing was written.", details: [{ index: 0, field: "model_id", reason: "unknown" }] } };
    server = await startTestServer(SECRET, (_req, _n, res) => void res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify(error)));
    const failure = await postJobs({ url: server.url, secret: SECRET, jobs: jobs(5), retryBaseMs: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IngestRejectedError);
    expect(failure).toMatchObject({ status: 422, body: error });
    expect((failure as Error).message).toContain("1 of 5 jobs are invalid");
    expect(server.received).toHaveLength(1);
  });

  test("gives up after maxRetries on a server that keeps failing", async () => {
    server = await startTestServer(SECRET, (_req, _n, res) => void res.writeHead(500).end("boom"));
    await expect(postJobs({ url: server.url, secret: SECRET, jobs: jobs(5), maxRetries: 2, retryBaseMs: 1 })).rejects.toThrow(/HTTP 500.*3 attempts/);
    expect(server.received).toHaveLength(3);
  });

  test("sends nothing for no jobs", async () => {
    server = await startTestServer(SECRET);
    expect(await postJobs({ url: server.url, secret: SECRET, jobs: [] })).toMatchObject({ jobs: 0, batches: 0 });
    expect(server.received).toHaveLength(0);
  });

  test.each([0, 1001, 1.5])("refuses batch size %s", async (batchSize) => {
    await expect(postJobs({ url: "http://127.0.0.1:1", secret: SECRET, jobs: [], batchSize })).rejects.toThrow(/batchSize/);
  });
});

describe("jobsEndpoint", () => {
  test.each([
    ["http://127.0.0.1:3000", "http://127.0.0.1:3000/api/v1/jobs"],
    ["http://127.0.0.1:3000/", "http://127.0.0.1:3000/api/v1/jobs"],
    ["https://portal.example/base", "https://portal.example/base/api/v1/jobs"],
    ["http://127.0.0.1:3000/api/v1/jobs", "http://127.0.0.1:3000/api/v1/jobs"],
  ])("%s → %s", (url, expected) => {
    expect(jobsEndpoint(url)).toBe(expected);
  });
});
