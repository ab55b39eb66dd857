// Per-client request budgets, applied by the front server (scripts/serve.ts) before Next.js reads a
// request. The client is the socket's address, or the X-Forwarded-For hop added by a proxy listed
// in TRUSTED_PROXIES: never a header the client writes itself. Budgets are fixed windows of a
// minute kept by rate-limiter-flexible in PostgreSQL (the rate_limits table), so a client has one
// budget however many web servers it spreads its requests over; should the database fail, each
// server falls back to a budget of its own in memory rather than refusing or admitting everyone.
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { SecurityEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics";

/**
 * - `ingest`: POST /api/v1/jobs and /api/v1/heartbeats. A signed report is never limited (the job router must not lose
 *   reports); a client whose reports were refused as unauthenticated too often in a minute is
 *   answered 429 before its (up to 2 MB) body is read.
 * - `auth`: sign-in and admin endpoints. `api`: every other API. `page`: everything else.
 */
export type LimitClass = "ingest" | "auth" | "api" | "page";

/**
 * Build output carries no user data and is cached by browsers: not counted. That includes the icons,
 * the web app manifest, robots.txt and the site-wide share image (made at build time); not a wallet's
 * or miner's share image, which reads the database.
 */
const UNCOUNTED = /^\/(_next\/(static|image)\/|(favicon\.ico|icon\.svg|icon\/\d+|apple-icon|manifest\.webmanifest|robots\.txt|opengraph-image)$)/;

export function classify(method: string, pathname: string): LimitClass | null {
  if (UNCOUNTED.test(pathname)) return null;
  if ((pathname === "/api/v1/jobs" || pathname === "/api/v1/heartbeats") && method === "POST") return "ingest";
  if (pathname.startsWith("/api/v1/auth/") || pathname.startsWith("/api/v1/admin/")) return "auth";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  return "page";
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the client may try again (0 when allowed). */
  retryAfter: number;
}

const ALLOWED: RateDecision = { allowed: true, retryAfter: 0 };

type Limits = Pick<SecurityEnv, "RATE_LIMIT_PER_MINUTE" | "RATE_LIMIT_AUTH_PER_MINUTE" | "RATE_LIMIT_PAGES_PER_MINUTE" | "RATE_LIMIT_INGEST_FAILURES_PER_MINUTE">;

/** `store`: the pool whose rate_limits table (a migration creates it) every web server shares; none: this process's memory. */
function limiter(points: number, keyPrefix: string, store: pg.Pool | undefined): RateLimiterAbstract | null {
  if (points <= 0) return null;
  const memory = new RateLimiterMemory({ points, duration: 60, keyPrefix });
  if (!store) return memory;
  return new RateLimiterPostgres({
    storeClient: store,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: true,
    points,
    duration: 60,
    keyPrefix,
    insuranceLimiter: memory,
  });
}

function refused(cls: LimitClass, res: RateLimiterRes): RateDecision {
  metrics().rateLimitRefusals.inc({ class: cls });
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

export class RequestLimits {
  private readonly byClass: Record<Exclude<LimitClass, "ingest">, RateLimiterAbstract | null>;
  private readonly ingestFailures: RateLimiterAbstract | null;

  constructor(env: Limits, store?: pg.Pool) {
    this.byClass = {
      api: limiter(env.RATE_LIMIT_PER_MINUTE, "api", store),
      auth: limiter(env.RATE_LIMIT_AUTH_PER_MINUTE, "auth", store),
      page: limiter(env.RATE_LIMIT_PAGES_PER_MINUTE, "page", store),
    };
    this.ingestFailures = limiter(env.RATE_LIMIT_INGEST_FAILURES_PER_MINUTE, "ingest-401", store);
  }

  /** Takes one request from the client's budget for its class (ingestion only looks). */
  async admit(cls: LimitClass, client: string): Promise<RateDecision> {
    if (cls === "ingest") {
      if (!this.ingestFailures) return ALLOWED;
      const seen = await this.ingestFailures.get(client);
      return seen && seen.consumedPoints >= this.ingestFailures.points ? refused(cls, seen) : ALLOWED;
    }
    const l = this.byClass[cls];
    if (!l) return ALLOWED;
    try {
      await l.consume(client);
      return ALLOWED;
    } catch (err) {
      if (err instanceof RateLimiterRes) return refused(cls, err);
      throw err;
    }
  }

  /** A job report from this client was refused as unauthenticated (401). */
  async ingestRefused(client: string): Promise<void> {
    await this.ingestFailures?.penalty(client, 1);
  }
}
