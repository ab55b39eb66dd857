// SIGTERM to a web server (scripts/serve.ts), as a deploy or an autoscaler sends it: the server stops
// accepting connections, finishes the ingestion batch in flight (its jobs are written and it is
// answered 200), closes the kept-alive connection that batch came on, and exits 0; a batch that is
// still unfinished after SHUTDOWN_GRACE_SECONDS is cut, writes nothing, and the server exits 1.
//
// "In flight" is made certain with `Expect: 100-continue`: Node answers 100 Continue only after it
// has parsed the request's headers and handed the request to the server, so the body is sent after
// SIGTERM to a request the server already holds.
import { readFileSync } from "node:fs";
import { Agent, request, type ClientRequest, type IncomingMessage } from "node:http";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { signedHeaders } from "@/lib/signing";
import { imageJob } from "../support/fixtures";
import { ensureTestBuild } from "../support/production-build";
import { PortalServer } from "./support/portal-server";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = process.env.INGEST_HMAC_SECRET!;
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  await ensureTestBuild();
});
afterAll(async () => {
  await pool?.end();
});

const env = (grace: number) => ({
  DATABASE_URL: process.env.DATABASE_URL!,
  INGEST_HMAC_SECRET: SECRET,
  CHAIN_INDEXER: "off",
  EPOCH_SETTLEMENT: "off",
  SHUTDOWN_GRACE_SECONDS: String(grace),
});

/** A signed batch whose headers go out now and whose body waits until `sendBody()`; `continued` resolves on 100 Continue. */
function heldBatch(server: PortalServer, agent: Agent | false) {
  const jobs = [imageJob({ completed_at: new Date().toISOString() }), imageJob({ completed_at: new Date().toISOString() })];
  const body = JSON.stringify({ jobs });
  const url = new URL("/api/v1/jobs", server.url);
  let req!: ClientRequest;
  const continued = new Promise<void>((resolve) => {
    req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      agent,
      headers: { ...signedHeaders(SECRET, body), "content-length": String(Buffer.byteLength(body)), expect: "100-continue" },
    });
    req.once("continue", resolve);
  });
  const answered = new Promise<{ status: number; connection: string | undefined; body: string; socketClosed: Promise<void> }>((resolve, reject) => {
    req.once("response", (res: IncomingMessage) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      const socketClosed = new Promise<void>((done) => (res.socket.destroyed ? done() : res.socket.once("close", () => done())));
      res.once("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text, socketClosed }));
    });
    req.once("error", reject);
  });
  req.flushHeaders();
  return { jobIds: jobs.map((j) => j.job_id), continued, answered, sendBody: () => req.end(body), abort: () => req.destroy() };
}

/** Waits until the server has stopped listening (a new connection is refused). */
async function untilRefusing(server: PortalServer): Promise<void> {
  const attempt = () =>
    fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) }).then(
      () => "accepted",
      () => "refused",
    );
  await expect.poll(attempt, { timeout: 15_000, interval: 50 }).toBe("refused");
}

/** `promise`, or "still waiting" after `seconds`: a server that waited forever must fail the test, not hang it. */
function within<T>(promise: Promise<T>, seconds: number): Promise<T | "still waiting"> {
  return Promise.race([promise, new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), seconds * 1000).unref())]);
}

const jobsStored = async (ids: string[]) => Number((await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM jobs WHERE job_id = ANY($1)", [ids])).rows[0]!.n);

test("SIGTERM: the batch in flight is written and answered 200 on its kept-alive connection, new connections are refused, the server exits 0", async () => {
  const server = new PortalServer(root, env(20));
  await server.start();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const batch = heldBatch(server, agent);
    await batch.continued; // the server holds the request
    const exited = server.terminate();
    // Listening stops at once: a new connection is refused while the batch is still open.
    await untilRefusing(server);
    batch.sendBody();
    const answer = await batch.answered;
    expect(answer.status, answer.body).toBe(200);
    expect(await jobsStored(batch.jobIds)).toBe(2);
    // The server closes the kept-alive connection the batch came on, and then exits cleanly.
    expect(await within(answer.socketClosed, 15)).toBeUndefined();
    expect(await within(exited, 15)).toBe(0);
  } finally {
    agent.destroy();
    await server.stop();
  }
});

test("SIGTERM: a batch still unfinished after the grace period is cut, writes nothing, and the server exits 1", async () => {
  const server = new PortalServer(root, env(2));
  await server.start();
  const batch = heldBatch(server, false);
  try {
    await batch.continued;
    const exited = server.terminate();
    await untilRefusing(server);
    // The body never comes: the server must not wait for it forever.
    expect(
      await within(
        batch.answered.then(
          () => "answered",
          () => "cut",
        ),
        20,
      ),
    ).toBe("cut");
    expect(await within(exited, 10)).toBe(1);
    expect(readFileSync(server.logFile, "utf8")).toContain("requests still running after the grace period were cut");
    expect(await jobsStored(batch.jobIds)).toBe(0);
  } finally {
    batch.abort();
    await server.stop();
  }
});
