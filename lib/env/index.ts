// The one place that reads process.env on the server (./chain.ts parses the chain's variables it is given). Parsed once, failing with a readable message
// that names the variable; the browser's build-time values live in lib/public-env.ts.
import { z } from "zod";
import { parseChainEnv, type ChainEnv } from "./chain";
import { parseOrThrow, type EnvVars } from "./parse";

export type { ChainContracts, ChainEnv } from "./chain";

let cachedChain: ChainEnv | undefined;

/** The chain the portal follows (CHAIN_* and the *_ADDRESS variables); process.env's is parsed once. */
export function chainEnv(env: EnvVars = process.env): ChainEnv {
  if (env !== process.env) return parseChainEnv(env);
  return (cachedChain ??= parseChainEnv(env));
}

/** NODE_ENV as Next.js and the scripts set it (a literal read, so bundlers inline it). */
export function runsInProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/** The shortest window of hourly rollup rows: longer than the longest hour-grained window any reader uses (30 days; decision 0029). */
export const HOURLY_ROLLUP_DAYS_MIN = 35;

const serverSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (e.g. postgresql://user@127.0.0.1:5432/heurist); `npm run portal` sets it for the embedded database" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  /** A streaming replica for pages and read APIs (unset: every read goes to DATABASE_URL). */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_READ_URL must be a postgresql:// URL (a streaming replica of DATABASE_URL) or unset")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Longest a statement may run on a pooled connection (0: no limit; long jobs such as settlement raise it for themselves). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** Longest a request waits for a free pooled connection before it is answered 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  INGEST_HMAC_SECRET: z.string().min(16, "INGEST_HMAC_SECRET must be at least 16 characters").optional(),
  INGEST_MAX_SKEW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** How often the worker rebuilds the leaderboard snapshots (reads never do). */
  LEADERBOARD_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** The worker (`npm run worker`) follows the chain when contracts are configured ("off": it does not; nothing is indexed). */
  CHAIN_INDEXER: z.enum(["on", "off"], { error: "CHAIN_INDEXER must be on or off" }).default("on"),
  /** The worker settles ended epochs ("off": it does not; `npm run cli -- settle` by hand). */
  EPOCH_SETTLEMENT: z.enum(["on", "off"], { error: "EPOCH_SETTLEMENT must be on or off" }).default("on"),
  /** Hours after an epoch's end before it is settled (late reports). */
  EPOCH_SETTLE_GRACE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 7)
    .default(1),
  /** Seconds after a worker starts before the first settlement pass (time for a history backfill to land). */
  EPOCH_SETTLE_START_DELAY_S: z.coerce.number().min(0).max(86_400).default(300),
  /** Jobs one worker process runs at once (each holds a database connection while it runs); up to three run continuously (fold, chain-index, deliver-webhooks). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(5),
  /** How long the worker's folder waits before looking again when no rollup delta was pending (decision 0024). */
  FOLD_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /**
   * Days the per-miner, per-wallet and per-GPU-model rollups keep hourly rows; older ones the worker
   * merges into one row per UTC day (0: keep every hour).
   */
  HOURLY_ROLLUP_DAYS: z.coerce
    .number()
    .int()
    .refine((d) => d === 0 || (d >= HOURLY_ROLLUP_DAYS_MIN && d <= 36_600), `HOURLY_ROLLUP_DAYS must be 0 (keep every hour) or ${HOURLY_ROLLUP_DAYS_MIN} to 36600 days`)
    .default(90),
  /**
   * The operator's key (0x + 64 hex): the RewardDistributor's owner, holding the epochs' HEU. Set
   * in the worker only: it then publishes each settled epoch's root (decision 0030). Unset: publish
   * with `npm run cli -- publish`.
   */
  OPERATOR_PRIVATE_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "OPERATOR_PRIVATE_KEY must be 0x followed by 64 hex characters")
    .optional(),
  /** How often the worker evaluates the watches (decision 0035): an alert is raised within this of its condition. */
  WATCHES_EVALUATE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Webhook deliveries of a watch in a row that fail for good before its webhook is disabled (decision 0036). */
  WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  /** Longest one webhook attempt may take, from resolving the host to the answer's status. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Webhooks may go to loopback, private and link-local addresses: the local launcher and tests only. */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "on", "off", "1", "0"], { error: "WEBHOOK_ALLOW_PRIVATE must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "on" || v === "1"),
  /** How often the worker rebuilds the market snapshot (reads never do; under a minute it reschedules itself). */
  MARKET_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  /** Chains a Sign-In with Ethereum message may name (comma-separated ids; 31337 is the local anvil chain). */
  AUTH_CHAIN_IDS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "AUTH_CHAIN_IDS must be comma-separated chain ids, e.g. 1,31337")
    .default("31337")
    .transform((s) => s.split(",").map(Number)),
  /**
   * The host (and port) a SIWE message must name, e.g. portal.example.com. Never taken from the
   * request: a Host header is the caller's to choose. Required in production.
   */
  AUTH_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i, "AUTH_DOMAIN must be a host with an optional port, e.g. portal.example.com or 127.0.0.1:3000")
    .optional(),
  /** The origin a SIWE message's uri must start with; by default https://AUTH_DOMAIN (http:// for a loopback host). */
  AUTH_ORIGIN: z.url("AUTH_ORIGIN must be an origin such as https://portal.example.com").optional(),
  AUTH_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** Wallets that may slash and reverse (comma-separated addresses, signed in with SIWE); none by default. */
  ADMIN_ADDRESSES: z
    .string()
    .trim()
    .regex(/^$|^0x[0-9a-fA-F]{40}(\s*,\s*0x[0-9a-fA-F]{40})*$/, "ADMIN_ADDRESSES must be comma-separated 0x addresses (40 hex digits each)")
    .default("")
    .transform((s) => (s === "" ? [] : s.split(",").map((a) => a.trim().toLowerCase()))),
});

export type ServerEnv = Omit<z.infer<typeof serverSchema>, "AUTH_DOMAIN" | "AUTH_ORIGIN"> & { AUTH_DOMAIN: string; AUTH_ORIGIN: string };

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** The sign-in domain and origin: configuration only, with a loopback default outside production. */
function authTarget(domain: string | undefined, origin: string | undefined, production: boolean): { AUTH_DOMAIN: string; AUTH_ORIGIN: string } | string {
  if (!domain && production) return "AUTH_DOMAIN: required in production (the host users sign in at, e.g. portal.example.com)";
  const d = (domain ?? "localhost:3000").toLowerCase();
  const o = origin ? new URL(origin).origin : `${LOOPBACK_HOST.test(d) ? "http" : "https"}://${d}`;
  if (new URL(o).host !== d) return `AUTH_ORIGIN: ${o} is not an origin of AUTH_DOMAIN ${d}`;
  return { AUTH_DOMAIN: d, AUTH_ORIGIN: o };
}

/** The server's settings from env (production: AUTH_DOMAIN is required). */
export function parseServerEnv(env: EnvVars, production: boolean): ServerEnv {
  const parsed = parseOrThrow(serverSchema, env, "server");
  const auth = authTarget(parsed.AUTH_DOMAIN, parsed.AUTH_ORIGIN, production);
  if (typeof auth === "string") throw new Error(`Invalid server environment:\n  ${auth}`);
  return { ...parsed, ...auth };
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  return (cached ??= parseServerEnv(process.env, runsInProduction()));
}

const limit = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

const securitySchema = z.object({
  /** Interface the web server listens on (scripts/serve.ts). */
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /**
   * Proxies whose X-Forwarded-For hop is believed (comma-separated IPs or CIDRs, or the
   * proxy-addr names loopback, linklocal, uniquelocal). Empty: the socket address is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** Requests a minute per client to the read APIs (0: no limit). */
  RATE_LIMIT_PER_MINUTE: limit(300),
  /** Requests a minute per client to sign-in and admin endpoints (0: no limit). */
  RATE_LIMIT_AUTH_PER_MINUTE: limit(30),
  /** Page requests a minute per client (0: no limit). */
  RATE_LIMIT_PAGES_PER_MINUTE: limit(600),
  /** Unauthenticated job reports (401) a minute per client before its next report is refused unread (0: no limit). */
  RATE_LIMIT_INGEST_FAILURES_PER_MINUTE: limit(10),
  /**
   * Where the budgets are kept: `postgres` (default; one budget per client across every web server,
   * in DATABASE_URL's rate_limits table) or `memory` (this process only: N servers give N budgets).
   */
  RATE_LIMIT_STORE: z.enum(["postgres", "memory"], { error: "RATE_LIMIT_STORE must be postgres or memory" }).default("postgres"),
  /** Needed by the postgres store. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  /**
   * On SIGTERM the server stops accepting connections and finishes the requests in flight; any
   * still running after this many seconds are cut and the process exits 1.
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
});

export type SecurityEnv = z.infer<typeof securitySchema>;

let cachedSecurity: SecurityEnv | undefined;

/** The web server's address and rate limits (the shared budgets need DATABASE_URL). */
export function securityEnv(env: EnvVars = process.env): SecurityEnv {
  if (cachedSecurity && env === process.env) return cachedSecurity;
  const schema = securitySchema.refine((e) => e.RATE_LIMIT_STORE === "memory" || e.DATABASE_URL, {
    path: ["DATABASE_URL"],
    message: "DATABASE_URL is not set: the rate limits are kept in PostgreSQL (or set RATE_LIMIT_STORE=memory for one server alone)",
  });
  const parsed = parseOrThrow(schema, env, "web server");
  if (env === process.env) cachedSecurity = parsed;
  return parsed;
}

const opsSchema = z.object({
  /** Least severe log line written (pino levels; `silent` writes none). */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent" })
    .default("info"),
  /** Bearer token of GET /api/v1/metrics; unset: the endpoint answers 404 (metrics are off). */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Blocks the indexer may be behind the confirmed head before GET /api/v1/ready answers 503 (chain configured only). */
  READY_MAX_INDEXER_LAG_BLOCKS: z.coerce.number().int().min(0).max(10_000_000).default(100),
  /** Seconds without a heartbeat from any worker (`npm run worker`) before GET /api/v1/ready answers 503 (0: reported only). */
  READY_MAX_WORKER_SILENCE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
});

export type OpsEnv = z.infer<typeof opsSchema>;

let cachedOps: OpsEnv | undefined;

/** Logging, metrics and readiness settings; read without DATABASE_URL (the front server and the indexer script log too). */
export function opsEnv(env: EnvVars = process.env): OpsEnv {
  if (cachedOps && env === process.env) return cachedOps;
  const parsed = parseOrThrow(opsSchema, env, "ops");
  if (env === process.env) cachedOps = parsed;
  return parsed;
}

/**
 * Every setting a long-running role reads, parsed when it starts (the web server, the worker): a bad
 * value stops the start with one message naming each bad variable, where it would otherwise fail the
 * first request or job that reads it. `production`: the web server always runs the production build.
 */
export function checkEnvAtStart(env: EnvVars = process.env, production = runsInProduction()): void {
  const parsers = [() => parseServerEnv(env, production), () => chainEnv(env), () => opsEnv(env)];
  const problems = parsers.flatMap((parse) => {
    try {
      parse();
      return [];
    } catch (err) {
      return [err instanceof Error ? err.message : String(err)];
    }
  });
  if (problems.length) throw new Error(problems.join("\n"));
}
