// The portal's web server (`npm start`): Next.js's request handler behind a plain Node HTTP server,
// so that the one fact Next.js does not pass on, the socket's address, decides who the client is.
// Rate limits are applied here, before Next.js reads a request's body. Listens on HOST:PORT
// (127.0.0.1:3000 by default); the production build must exist (`next build`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import pg from "pg";
import proxyaddr from "proxy-addr";
import { checkEnvAtStart, securityEnv, type SecurityEnv } from "../lib/env";
import { apiRouteTemplate } from "../lib/http/api-routes";
import { PUBLIC_READ_HEADERS, isCrossOriginRead } from "../lib/http/cors";
import { log } from "../lib/log";
import { metrics } from "../lib/metrics";
import { requestIdFrom } from "../lib/request-id";
import { SECURITY_HEADERS } from "../lib/security/csp";
import { RequestLimits, classify, type RateDecision } from "../lib/security/rate-limit";
import { signatureHeadersProblem } from "../lib/signing";

const { values: flags } = parseArgs({ options: { port: { type: "string", short: "p" }, host: { type: "string", short: "H" } } });
const logger = log().child({ component: "serve" });
// Every setting is checked before listening: a bad one stops the start with a message naming it.
function settings(): SecurityEnv {
  try {
    checkEnvAtStart(process.env, true);
    return securityEnv({ ...process.env, ...(flags.port ? { PORT: flags.port } : {}), ...(flags.host ? { HOST: flags.host } : {}) });
  } catch (err) {
    logger.fatal(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
}
const env = settings();
const root = path.resolve(import.meta.dirname, "..");
const trust = proxyaddr.compile(env.TRUSTED_PROXIES);
// The budgets' own small pool: a request is admitted (one upsert) before Next.js and its pool see it.
const limitsPool =
  env.RATE_LIMIT_STORE === "postgres" ? new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, connectionTimeoutMillis: 2_000, statement_timeout: 2_000 }) : undefined;
limitsPool?.on("error", (err) => logger.error({ err }, "rate limits: idle database connection lost"));
const limits = new RequestLimits(env, limitsPool);

/** A JSON error answered here, before Next.js (and before any request body is read). */
function answer(
  res: ServerResponse,
  requestId: string,
  status: number,
  code: string,
  message: string,
  opts: { retryAfter?: number; closeConnection?: boolean; pathname?: string } = {},
): void {
  // A public read's refusal is readable from another origin too (lib/http/cors.ts), or its caller sees only a network error.
  const template = opts.pathname ? apiRouteTemplate(opts.pathname) : null;
  res.writeHead(status, {
    ...(template && isCrossOriginRead(template) ? PUBLIC_READ_HEADERS : {}),
    "x-request-id": requestId,
    "content-type": "application/json",
    "cache-control": "no-store",
    ...(opts.retryAfter ? { "retry-after": String(opts.retryAfter) } : {}),
    ...(opts.closeConnection ? { connection: "close" } : {}),
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify({ error: { code, message, requestId } }));
}

const refuse = (res: ServerResponse, requestId: string, d: RateDecision, closeConnection: boolean, pathname: string) =>
  answer(res, requestId, 429, "rate_limited", `Too many requests; try again in ${d.retryAfter} s.`, { retryAfter: d.retryAfter, closeConnection, pathname });

async function main() {
  const app = next({ dev: false, dir: root, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let draining = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // While draining, a request on a kept-alive connection is still served, then its connection closes.
    if (draining) res.setHeader("connection", "close");
    // A request already in flight when draining began leaves its kept-alive connection idle: close it then.
    res.once("finish", () => draining && server.closeIdleConnections());
    const client = proxyaddr(req, trust);
    const pathname = (req.url ?? "/").split("?")[0]!;
    // One id from the front door on: Next.js's route() keeps it, since it is now a safe token.
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    const isJobs = pathname === "/api/v1/jobs";
    const cls = classify(req.method ?? "GET", pathname);
    const admitted = cls ? limits.admit(cls, client) : Promise.resolve({ allowed: true, retryAfter: 0 });
    admitted
      .then((decision) => {
        if (!decision.allowed) {
          // Debug only: a flood of refusals must not become a flood of log lines (the metric counts them).
          logger.debug({ requestId, method: req.method, path: pathname.slice(0, 200), status: 429, class: cls }, "rate limited");
          if (isJobs) metrics().ingestRefusals.inc({ reason: "rate_limited" });
          return refuse(res, requestId, decision, cls === "ingest", pathname);
        }
        if (cls === "ingest") {
          // An unsigned report is refused from its headers: its body (up to 2 MB) is never read.
          const problem = signatureHeadersProblem(req.headers["x-timestamp"] as string | undefined, req.headers["x-signature"] as string | undefined);
          if (problem) {
            void limits.ingestRefused(client);
            logger.warn({ requestId, method: req.method, path: pathname, status: 401, error: "unauthorized" }, "unsigned report refused");
            if (isJobs) metrics().ingestRefusals.inc({ reason: "unauthorized" });
            return answer(res, requestId, 401, "unauthorized", problem, { closeConnection: true });
          }
          res.once("finish", () => void (res.statusCode === 401 && limits.ingestRefused(client)));
        }
        return handle(req, res);
      })
      .catch((err: unknown) => {
        logger.error({ requestId, err }, "request failed before Next.js");
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", "x-request-id": requestId });
        res.end(JSON.stringify({ error: { code: "internal", message: "Internal error; try again.", requestId } }));
      });
  });
  // Idle kept-alive connections stay open 65 s, past a load balancer's usual 60 s: the balancer then
  // closes them first, and never sends a request on one the server is closing (Node's 5 s default
  // made that race an ECONNRESET). Headers must still arrive within headersTimeout of a request's start.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(env.PORT, env.HOST, () => logger.info(`Listening on http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${env.PORT}`));
  // SIGTERM: stop listening, let every request in flight (an ingestion batch commits before it is
  // answered) finish, then exit 0; cut whatever is still running after the grace period and exit 1.
  const stop = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    logger.info({ signal, graceSeconds: env.SHUTDOWN_GRACE_SECONDS }, "draining: no new connections, finishing requests in flight");
    const deadline = setTimeout(() => {
      logger.error({ graceSeconds: env.SHUTDOWN_GRACE_SECONDS }, "requests still running after the grace period were cut");
      server.closeAllConnections();
      process.exit(1);
    }, env.SHUTDOWN_GRACE_SECONDS * 1000);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      logger.info("drained; exiting");
      void (limitsPool?.end() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err: unknown) => {
  log().fatal({ component: "serve", err }, "the web server could not start");
  process.exit(1);
});
