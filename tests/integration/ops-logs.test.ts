// Every API request gets an id, echoed in x-request-id and error bodies, and one JSON log line.
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { GET as estimate } from "@/app/api/v1/estimate/route";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET as miner } from "@/app/api/v1/miners/[minerId]/route";
import { GET as models } from "@/app/api/v1/models/route";
import { setLogSinkForTests } from "@/lib/log";
import { route } from "@/lib/server/http";
import { imageJob, signedRequest } from "../support/fixtures";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let raw: string[] = [];
const restore = setLogSinkForTests({ write: (line) => void raw.push(line) });
afterAll(restore);
beforeEach(() => {
  raw = [];
});

/** Each captured line must be one JSON object: a log line that is not is a defect. */
const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);
const requestLines = () => lines().filter((l) => l.msg === "api request");

describe("request ids", () => {
  test("a caller's safe x-request-id is echoed and is on the request's log line with method, route, status and duration", async () => {
    const res = await models(new Request("http://localhost/api/v1/models?token=hunter2", { headers: { "x-request-id": "router-7f3a.1_2" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("router-7f3a.1_2");
    const [line, ...more] = requestLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: "info", requestId: "router-7f3a.1_2", method: "GET", route: "/api/v1/models", path: "/api/v1/models", status: 200 });
    expect(line!.durationMs).toEqual(expect.any(Number));
    expect(line!.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    // The query string never reaches the log.
    expect(raw.join("")).not.toContain("hunter2");
  });

  test("without x-request-id the server makes one, and a parameterised path is logged under its route template", async () => {
    const minerId = `0x${"ab".repeat(20)}-rig`;
    const res = await miner(new Request(`http://localhost/api/v1/miners/${minerId}`), { params: Promise.resolve({ minerId }) });
    expect(res.status).toBe(404);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    expect((await res.json()).error.requestId).toBe(id);
    expect(requestLines()).toEqual([expect.objectContaining({ requestId: id, route: "/api/v1/miners/{minerId}", path: `/api/v1/miners/${minerId}`, status: 404 })]);
  });

  test.each([
    ["10 kB", "x".repeat(10_000)],
    ["a forged JSON log line", 'a","level":"fatal","msg":"forged'],
    ["control characters", "id\u0007\u001b[31mred"],
    ["65 characters", "a".repeat(65)],
  ])("a hostile x-request-id (%s) is replaced, and never reaches the log", async (_case, hostile) => {
    const res = await models(new Request("http://localhost/api/v1/models", { headers: { "x-request-id": hostile } }));
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    expect(requestLines()).toEqual([expect.objectContaining({ requestId: id })]);
    expect(raw.join("")).not.toContain(hostile.slice(0, 40));
    expect(lines().some((l) => l.msg === "forged")).toBe(false);
  });
});

describe("errors", () => {
  test("a 4xx error body carries the request id, and its log line the status and error code", async () => {
    const res = await estimate(new Request("http://localhost/api/v1/estimate?model=gpt-9", { headers: { "x-request-id": "bad-params-1" } }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "bad_request", requestId: "bad-params-1" });
    expect(requestLines()).toEqual([expect.objectContaining({ level: "warn", requestId: "bad-params-1", status: 400, error: "bad_request" })]);
  });

  test("an ingestion refusal is logged with the router's request id and answered with it", async () => {
    const signed = signedRequest({ jobs: [imageJob({ width: 0 })] });
    const req = new Request(signed, { headers: { ...Object.fromEntries(signed.headers), "x-request-id": "batch-42" } });
    const res = await ingest(req);
    expect(res.status).toBe(422);
    expect((await res.json()).error.requestId).toBe("batch-42");
    expect(requestLines()).toEqual([expect.objectContaining({ requestId: "batch-42", route: "/api/v1/jobs", method: "POST", status: 422, error: "validation_failed" })]);
  });

  test("an unexpected error is answered 500 without its message and logged in full with the request id", async () => {
    const failing = route(async () => {
      throw new Error("disk on fire at /var/secret");
    });
    const res = await failing(new Request("http://localhost/api/v1/models", { headers: { "x-request-id": "boom-1" } }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("disk on fire");
    expect(JSON.parse(text).error).toMatchObject({ code: "internal", requestId: "boom-1" });
    const error = lines().find((l) => l.msg === "unhandled error");
    expect(error).toMatchObject({ level: "error", requestId: "boom-1", err: expect.objectContaining({ message: "disk on fire at /var/secret", stack: expect.any(String) }) });
    expect(requestLines()).toEqual([expect.objectContaining({ level: "error", requestId: "boom-1", status: 500 })]);
  });
});
