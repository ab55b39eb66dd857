// The request budgets in PostgreSQL (lib/security/rate-limit.ts): every web server's limiter reads
// and spends the same row, and a server that cannot reach the database keeps a budget of its own.
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { RequestLimits } from "@/lib/security/rate-limit";
import { freePort } from "@/scripts/lib/throwaway-postgres";
import { db } from "../support/fixtures";

const env = { RATE_LIMIT_PER_MINUTE: 5, RATE_LIMIT_AUTH_PER_MINUTE: 3, RATE_LIMIT_PAGES_PER_MINUTE: 4, RATE_LIMIT_INGEST_FAILURES_PER_MINUTE: 2 };
const client = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${process.hrtime.bigint()}`;
const admitted = async (n: number, f: (i: number) => Promise<{ allowed: boolean }>) => {
  let ok = 0;
  for (let i = 0; i < n; i++) if ((await f(i)).allowed) ok++;
  return ok;
};

let dead: pg.Pool | undefined;
afterAll(async () => {
  await dead?.end();
});

describe("budgets shared through PostgreSQL", () => {
  test("two servers' limiters on one database: a client gets one budget between them, per class", async () => {
    const [a, b] = [new RequestLimits(env, db()), new RequestLimits(env, db())];
    const c = client();
    expect(await admitted(12, (i) => (i % 2 ? a : b).admit("api", c))).toBe(env.RATE_LIMIT_PER_MINUTE);
    expect(await admitted(6, (i) => (i % 2 ? a : b).admit("page", c))).toBe(env.RATE_LIMIT_PAGES_PER_MINUTE);
    const refused = await b.admit("api", c);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
  });

  test("reports refused as unauthenticated on one server count on the other", async () => {
    const [a, b] = [new RequestLimits(env, db()), new RequestLimits(env, db())];
    const c = client();
    await a.ingestRefused(c);
    expect((await b.admit("ingest", c)).allowed).toBe(true);
    await b.ingestRefused(c);
    expect((await a.admit("ingest", c)).allowed).toBe(false);
  });

  test("with the database unreachable a server still limits, from a budget of its own, and never throws", async () => {
    dead = new pg.Pool({ connectionString: `postgresql://nobody@127.0.0.1:${await freePort()}/none`, connectionTimeoutMillis: 500 });
    dead.on("error", () => undefined);
    const l = new RequestLimits(env, dead);
    const c = client();
    expect(await admitted(8, () => l.admit("api", c))).toBe(env.RATE_LIMIT_PER_MINUTE);
  });
});
