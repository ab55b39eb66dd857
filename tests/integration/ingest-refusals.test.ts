// What the job router gets back when a batch is wrong, and proof that a refused batch writes nothing.
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { imageJob, llmJob, signedRequest, tableCounts } from "../support/fixtures";

async function refused(req: Request, status: number) {
  const before = await tableCounts();
  const res = await POST(req);
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error.message).toEqual(expect.any(String));
  expect(await tableCounts()).toEqual(before);
  return body.error as { code: string; message: string; details?: unknown };
}

describe("authentication", () => {
  const batch = { jobs: [imageJob()] };

  test("an unsigned request is refused with 401", async () => {
    const raw = JSON.stringify(batch);
    const req = new Request("http://localhost/api/v1/jobs", { method: "POST", headers: { "content-type": "application/json" }, body: raw });
    const error = await refused(req, 401);
    expect(error.message).toMatch(/x-timestamp or x-signature/);
  });

  test("a signature made with another secret is refused", async () => {
    await refused(signedRequest(batch, { secret: "not-the-server-secret" }), 401);
  });

  test("a timestamp older than 300 s is refused as stale", async () => {
    const error = await refused(signedRequest(batch, { timestamp: Math.floor(Date.now() / 1000) - 301 }), 401);
    expect(error.message).toMatch(/away from server time/);
  });

  test("a signature replayed onto another body is refused", async () => {
    const good = signedRequest(batch);
    const other = JSON.stringify({ jobs: [imageJob()] });
    const req = new Request(good.url, { method: "POST", headers: good.headers, body: other });
    await refused(req, 401);
  });
});

describe("validation", () => {
  test("one bad job refuses the whole batch and names index, field and reason for each problem", async () => {
    const jobs = [imageJob(), imageJob({ width: 0 }), llmJob({ model_id: "gpt-9" }), imageJob({ miner_id: "0x123-rig" }), llmJob({ width: 512 } as never)];
    const error = await refused(signedRequest({ jobs }), 422);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("4 of 5 jobs are invalid; nothing was written.");
    const details = error.details as { index: number; field: string; reason: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, field: "width", reason: "width must be ≥ 1" }),
        expect.objectContaining({ index: 2, field: "model_id", reason: expect.stringMatching(/unknown model/) }),
        expect.objectContaining({ index: 3, field: "miner_id" }),
        expect.objectContaining({ index: 4, field: "width", reason: expect.stringMatching(/does not apply/) }),
      ]),
    );
    expect(details.some((d) => d.index === 0)).toBe(false);
  });

  test("a model the schedule in force does not offer is refused, not priced at 0", async () => {
    const error = await refused(signedRequest({ jobs: [imageJob({ model_id: "FLUX.1-dev", completed_at: "2024-05-01T00:00:00Z" })] }), 422);
    expect(error.details).toEqual([expect.objectContaining({ index: 0, field: "model_id", reason: expect.stringMatching(/not offered by reward schedule "testnet-2024-04"/) })]);
  });

  test("jobs before the first schedule and jobs from the future are refused", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const error = await refused(signedRequest({ jobs: [imageJob({ completed_at: "2024-03-31T23:59:59Z" }), imageJob({ completed_at: future })] }), 422);
    expect(error.details).toEqual([
      expect.objectContaining({ index: 0, field: "completed_at", reason: expect.stringMatching(/No reward schedule/) }),
      expect.objectContaining({ index: 1, field: "completed_at", reason: "completed_at is in the future" }),
    ]);
  });

  test("the same job id twice in one batch with different content is refused", async () => {
    const job = imageJob();
    const error = await refused(signedRequest({ jobs: [job, { ...job, num_iterations: 40 }] }), 422);
    expect(error.details).toEqual([expect.objectContaining({ index: 1, field: "job_id", reason: expect.stringMatching(/repeats job 0/) })]);
  });

  test("an unknown field is refused rather than silently dropped", async () => {
    const error = await refused(signedRequest({ jobs: [{ ...imageJob(), gpu_temp: 71 }] }), 422);
    expect(JSON.stringify(error.details)).toMatch(/gpu_temp/);
  });

  test.each([
    ["an empty batch", { jobs: [] }, 422, /1 to 1000/],
    ["1,001 jobs", { jobs: Array.from({ length: 1001 }, () => imageJob()) }, 422, /1 to 1000/],
    ["a body without jobs", { job: [] }, 422, /1 to 1000/],
    ["invalid JSON", '{"jobs": [', 400, /not valid JSON/],
  ])("%s is refused", async (_name, body, status, message) => {
    const error = await refused(signedRequest(body), status);
    expect(error.message).toMatch(message);
  });

  test("a body that is not JSON-typed gets 415", async () => {
    const good = signedRequest({ jobs: [imageJob()] });
    const headers = new Headers(good.headers);
    headers.set("content-type", "text/plain");
    await refused(new Request(good.url, { method: "POST", headers, body: await good.text() }), 415);
  });
});
