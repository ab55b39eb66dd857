// The front door over real HTTP (scripts/serve.ts in front of the production build), as an outside
// tester attacked it (issue 9): rate limits keyed by a forged X-Forwarded-For, a victim's budget
// spent by someone naming its address, pages without a limit, 2 MB bodies from a client whose
// reports fail authentication, 2,000 nonce rows from one client, HTML 404s and empty 405s for
// the API, and a server listening on every interface. Clients are told apart by the loopback
// address they connect from (127.0.0.2, 127.0.0.3, …), as distinct hosts would be.
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signBody } from "@/lib/signing";
import { ensureTestBuild } from "../support/production-build";
import { PortalServer } from "./support/portal-server";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "reliability-front-door-secret-0123";
const LIMITS = { api: 30, auth: 10, pages: 20, ingestFailures: 5 };
/** The one address whose X-Forwarded-For hop is believed. */
const PROXY = "127.0.0.9";

const databaseUrl = process.env.DATABASE_URL!;
let pool: pg.Pool;
let server: PortalServer;
/** A second web server on the same database, as a load balancer would spread clients over. */
let second: PortalServer;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await ensureTestBuild();
  const env = {
    DATABASE_URL: databaseUrl,
    INGEST_HMAC_SECRET: SECRET,
    CHAIN_INDEXER: "off",
    EPOCH_SETTLEMENT: "off",
    TRUSTED_PROXIES: PROXY,
    RATE_LIMIT_PER_MINUTE: String(LIMITS.api),
    RATE_LIMIT_AUTH_PER_MINUTE: String(LIMITS.auth),
    RATE_LIMIT_PAGES_PER_MINUTE: String(LIMITS.pages),
    RATE_LIMIT_INGEST_FAILURES_PER_MINUTE: String(LIMITS.ingestFailures),
  };
  server = new PortalServer(root, env);
  second = new PortalServer(root, env);
  await Promise.all([server.start(), second.start()]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), second?.stop()]);
  await pool?.end();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request from `from` (a loopback address). `declaredLength` sends a Content-Length and no body
 * at all: only a server that answers without reading the body can reply.
 */
function send(
  from: string,
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string; declaredLength?: number; via?: PortalServer } = {},
): Promise<Answer> {
  const url = new URL(urlPath, (opts.via ?? server).url);
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers, ...(opts.declaredLength ? { "content-length": String(opts.declaredLength) } : {}) };
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress: from, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${method} ${urlPath} within 15 s`)));
    req.on("error", reject);
    if (opts.declaredLength) req.flushHeaders();
    else req.end(opts.body);
  });
}

const statuses = async (n: number, make: (i: number) => Promise<Answer>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await make(i)).status);
  return out;
};

describe("who the client is", () => {
  test("a new X-Forwarded-For on every request does not buy a new budget", async () => {
    const got = await statuses(LIMITS.auth + 5, (i) => send("127.0.0.2", "GET", "/api/v1/auth/session", { headers: { "x-forwarded-for": `198.51.100.${i}` } }));
    expect(got.slice(0, LIMITS.auth).every((s) => s === 200)).toBe(true);
    expect(got.slice(LIMITS.auth).every((s) => s === 429)).toBe(true);
  });

  test("naming a victim's address in X-Forwarded-For spends the sender's budget, not the victim's", async () => {
    const victim = "127.0.0.3";
    await statuses(LIMITS.auth + 2, () => send("127.0.0.4", "GET", "/api/v1/auth/session", { headers: { "x-forwarded-for": victim } }));
    expect((await send(victim, "GET", "/api/v1/auth/session")).status).toBe(200);
  });

  test("behind a trusted proxy, the hop it added is the client; from anywhere else the header is ignored", async () => {
    const viaProxy = await statuses(LIMITS.auth + 1, () => send(PROXY, "GET", "/api/v1/auth/session", { headers: { "x-forwarded-for": "203.0.113.50" } }));
    expect(viaProxy.at(-1)).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await send(PROXY, "GET", "/api/v1/auth/session", { headers: { "x-forwarded-for": "203.0.113.51" } })).status).toBe(200);
    // A forged chain ending in the proxy's address, sent directly, is keyed by the socket.
    expect((await send("127.0.0.5", "GET", "/api/v1/auth/session", { headers: { "x-forwarded-for": `203.0.113.50, ${PROXY}` } })).status).toBe(200);
  });
});

describe("budgets", () => {
  test("a client spreading its requests over two web servers has one budget, not one per server", async () => {
    const got = await statuses(LIMITS.api * 2, (i) => send("127.0.0.20", "GET", "/api/v1/models", { via: i % 2 ? second : server }));
    expect(got.filter((s) => s === 200)).toHaveLength(LIMITS.api);
    // Past it, both servers refuse; another client is still served by either.
    expect(got.slice(LIMITS.api).every((s) => s === 429)).toBe(true);
    expect((await send("127.0.0.21", "GET", "/api/v1/models", { via: second })).status).toBe(200);
    // The budgets live in the shared table, keyed by class and client.
    const { rows } = await pool.query<{ points: number }>("SELECT points FROM rate_limits WHERE key = 'api:127.0.0.20'");
    expect(rows[0]!.points).toBeGreaterThanOrEqual(LIMITS.api);
  });

  test("429 answers are JSON with Retry-After", async () => {
    let last: Answer | undefined;
    for (let i = 0; i <= LIMITS.api; i++) last = await send("127.0.0.6", "GET", "/api/v1/models");
    expect(last!.status).toBe(429);
    expect(Number(last!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(last!.body)).toMatchObject({ error: { code: "rate_limited" } });
  });

  test("pages have a budget of their own; past it the API still answers", async () => {
    const got = await statuses(LIMITS.pages + 1, () => send("127.0.0.7", "GET", "/estimate"));
    expect(got.slice(0, LIMITS.pages).every((s) => s === 200)).toBe(true);
    expect(got.at(-1)).toBe(429);
    expect((await send("127.0.0.7", "GET", "/api/v1/health")).status).toBe(200);
  });

  test("nonce requests are limited, so one client cannot fill the nonce table", async () => {
    const before = Number((await pool.query("SELECT count(*) FROM auth_nonces")).rows[0].count);
    const got = await statuses(100, () => send("127.0.0.8", "GET", "/api/v1/auth/nonce"));
    expect(got.filter((s) => s === 200)).toHaveLength(LIMITS.auth);
    expect(Number((await pool.query("SELECT count(*) FROM auth_nonces")).rows[0].count)).toBe(before + LIMITS.auth);
  });
});

describe("job reports that fail authentication", () => {
  const body = JSON.stringify({ jobs: [] });
  const now = () => String(Math.floor(Date.now() / 1000));

  test("a client whose reports keep failing is refused before its 2 MB body is read; the router's signed reports still land", async () => {
    const forged = await statuses(LIMITS.ingestFailures, () =>
      send("127.0.0.10", "POST", "/api/v1/jobs", { headers: { "content-type": "application/json", "x-timestamp": now(), "x-signature": `sha256=${"0".repeat(64)}` }, body }),
    );
    expect(forged.every((s) => s === 401)).toBe(true);
    // Headers only: a server that waited for the declared 2 MB would never answer (the request times out).
    const refused = await send("127.0.0.10", "POST", "/api/v1/jobs", {
      headers: { "content-type": "application/json", "x-timestamp": now(), "x-signature": `sha256=${"0".repeat(64)}` },
      declaredLength: 2 * 1024 * 1024,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.connection).toBe("close");

    const ts = now();
    const signed = await send("127.0.0.11", "POST", "/api/v1/jobs", {
      headers: { "content-type": "application/json", "x-timestamp": ts, "x-signature": signBody(SECRET, ts, body) },
      body,
    });
    expect(signed.status).not.toBe(429);
    expect(signed.status).not.toBe(401);
  });

  test("an unsigned report is refused (401) from its headers, without waiting for the body", async () => {
    const res = await send("127.0.0.12", "POST", "/api/v1/jobs", { headers: { "content-type": "application/json" }, declaredLength: 2 * 1024 * 1024 });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.message).toMatch(/Missing x-timestamp or x-signature/);
  });

  test("application/jsonfoo is not JSON: 415", async () => {
    const ts = now();
    const res = await send("127.0.0.13", "POST", "/api/v1/jobs", {
      headers: { "content-type": "application/jsonfoo", "x-timestamp": ts, "x-signature": signBody(SECRET, ts, body) },
      body,
    });
    expect(res.status).toBe(415);
  });
});

describe("API answers are JSON, whatever the path or method", () => {
  test("an unknown API path is a JSON 404", async () => {
    const res = await send("127.0.0.14", "GET", "/api/v1/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "not_found" } });
  });

  test("a wrong method is a JSON 405 with Allow", async () => {
    const res = await send("127.0.0.14", "DELETE", "/api/v1/models");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "method_not_allowed" } });
  });
});

test("the server listens on 127.0.0.1 unless told otherwise", () => {
  expect(server.logTail(200)).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+/);
});

/** Reads from `socket` until one whole HTTP response (Content-Length or chunked) has arrived; rejects if the server closes first. */
function oneResponse(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || socket.readableEnded) return reject(new Error("the server had closed the connection"));
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /content-length: (\d+)/i.exec(text.slice(0, end))?.[1];
      const whole = length === undefined ? text.endsWith("\r\n0\r\n\r\n") : text.length >= end + 4 + Number(length);
      if (whole) done(() => resolve(text));
    };
    const onClose = () => done(() => reject(new Error(`the server closed the connection (had: ${JSON.stringify(text.slice(0, 80))})`)));
    const done = (then: () => void) => {
      socket.off("data", onData).off("close", onClose);
      then();
    };
    socket.on("data", onData).on("close", onClose);
  });
}

// A load balancer keeps idle connections to its backends open (60 s on the usual defaults) and sends
// the next request on one. A server that closed it first (Node's default: after 5 s) races that
// request, which then fails with ECONNRESET: the e2e suite saw exactly that after a 5-second pause.
test("a kept-alive connection idle for longer than Node's default 5 s still carries the next request", async () => {
  const url = new URL(server.url);
  const socket = connect({ host: url.hostname, port: Number(url.port), localAddress: "127.0.0.41" });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  try {
    const get = "GET /api/v1/health HTTP/1.1\r\nHost: portal\r\n\r\n";
    socket.write(get);
    expect(await oneResponse(socket)).toMatch(/^HTTP\/1\.1 200/);
    await new Promise((r) => setTimeout(r, 6_000));
    socket.write(get);
    expect(await oneResponse(socket)).toMatch(/^HTTP\/1\.1 200/);
  } finally {
    socket.destroy();
  }
}, 20_000);
