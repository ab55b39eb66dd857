import { afterEach, expect, test, vi } from "vitest";
import { jobSchema } from "../../lib/schemas/jobs";
import { startLiveSimulation } from "./live";
import type { PostSummary } from "./post-batches";
import { startTestServer } from "./test-server";

const SECRET = "simulator-test-secret-0123456789";
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** The simulation's timer and clock are the test's; requests and the server's replies stay real. */
function takeTheClock(): void {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
}

/**
 * Moves the clock one tick and waits until that tick's batch was answered, so the next tick finds
 * none in flight. (vi.waitFor would move the fake clock while it polls; setTimeout is left real.)
 */
async function tick(ms: number, settled: () => number, expected: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  const deadline = performance.now() + 10_000;
  while (settled() < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  // One more turn of the event loop: the simulation clears its in-flight request after the callback.
  await new Promise((r) => setTimeout(r, 1));
  expect(settled()).toBe(expected);
}

test("posts signed batches of jobs completed just now at the requested rate, and stops", async () => {
  server = await startTestServer(SECRET);
  takeTheClock();
  const errors: unknown[] = [];
  const batches: PostSummary[] = [];
  const started = Date.now();
  const live = startLiveSimulation({ url: server.url, secret: SECRET, ratePerSecond: 200, intervalMs: 50, onError: (e) => errors.push(e), onBatch: (s) => batches.push(s) });
  // 600 ms in ticks of 50 ms at 200 jobs/s: 10 jobs a tick, 120 in all.
  for (let i = 1; i <= 12; i++) await tick(50, () => batches.length + errors.length, i);
  await live.stop();
  const jobs = server.received.flatMap((r) => r.jobs);
  expect(errors).toEqual([]);
  expect(server.received.map((r) => r.jobs.length)).toEqual(Array(12).fill(10));
  expect(server.received.every((r) => r.signatureValid)).toBe(true);
  expect(new Set(jobs.map((j) => j.job_id)).size).toBe(120);
  for (const job of jobs) {
    expect(jobSchema.safeParse(job).success).toBe(true);
    expect(Date.parse(job.completed_at)).toBeGreaterThanOrEqual(started - 1_000);
    expect(Date.parse(job.completed_at)).toBeLessThanOrEqual(Date.now());
  }
  // Stopped: its timer is gone, so a further second of clock cannot send anything.
  expect(vi.getTimerCount()).toBe(0);
  vi.advanceTimersByTime(1000);
  expect(vi.getTimerCount()).toBe(0);
  expect(server.received).toHaveLength(12);
});

test("reports failed batches to onError and keeps going", async () => {
  server = await startTestServer(
    SECRET,
    (_req, _n, res) => void res.writeHead(401, { "content-type": "application/json" }).end('{"error":{"code":"unauthorized","message":"bad signature"}}'),
  );
  takeTheClock();
  const errors: unknown[] = [];
  const live = startLiveSimulation({ url: server.url, secret: "wrong-secret-0123456789", ratePerSecond: 100, intervalMs: 50, onError: (e) => errors.push(e) });
  for (let i = 1; i <= 3; i++) await tick(50, () => errors.length, i);
  await live.stop();
  expect(server.received).toHaveLength(3);
  expect(errors.map(String)).toEqual(Array(3).fill(expect.stringContaining("bad signature")));
});
