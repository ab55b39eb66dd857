import { afterEach, expect, test } from "vitest";
import { jobSchema } from "../../lib/schemas/jobs";
import { startLiveSimulation } from "./live";
import { startTestServer } from "./test-server";

const SECRET = "simulator-test-secret-0123456789";
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("posts signed batches of jobs completed just now at about the requested rate, and stops", async () => {
  server = await startTestServer(SECRET);
  const errors: unknown[] = [];
  const started = Date.now();
  const live = startLiveSimulation({ url: server.url, secret: SECRET, ratePerSecond: 200, intervalMs: 50, onError: (e) => errors.push(e) });
  await wait(600);
  await live.stop();
  const elapsed = Date.now() - started;
  const jobs = server.received.flatMap((r) => r.jobs);
  expect(errors).toEqual([]);
  expect(server.received.length).toBeGreaterThan(3);
  expect(server.received.every((r) => r.signatureValid)).toBe(true);
  // 200/s over ~0.6 s, give or take a tick.
  expect(jobs.length).toBeGreaterThan(60);
  expect(jobs.length).toBeLessThanOrEqual(Math.ceil((200 * elapsed) / 1000));
  expect(new Set(jobs.map((j) => j.job_id)).size).toBe(jobs.length);
  for (const job of jobs) {
    expect(jobSchema.safeParse(job).success).toBe(true);
    expect(Date.parse(job.completed_at)).toBeGreaterThanOrEqual(started - 1_000);
    expect(Date.parse(job.completed_at)).toBeLessThanOrEqual(Date.now());
  }
  const count = server.received.length;
  await wait(200);
  expect(server.received.length).toBe(count);
});

test("reports failed batches to onError and keeps going", async () => {
  server = await startTestServer(SECRET, (_req, _n, res) => void res.writeHead(401, { "content-type": "application/json" }).end('{"error":{"code":"unauthorized","message":"bad signature"}}'));
  const errors: unknown[] = [];
  const live = startLiveSimulation({ url: server.url, secret: "wrong-secret-0123456789", ratePerSecond: 100, intervalMs: 50, onError: (e) => errors.push(e) });
  await wait(400);
  await live.stop();
  expect(errors.length).toBeGreaterThan(1);
  expect(String(errors[0])).toContain("bad signature");
});
