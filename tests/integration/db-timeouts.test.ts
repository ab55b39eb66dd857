// One slow request must not freeze the portal (issue 9): every pooled connection has a statement
// timeout and the pool a connection timeout, and a request that runs into either is answered 503
// with a JSON error instead of hanging behind the slow one.
import { afterAll, expect, test, vi } from "vitest";
import { GET as health } from "@/app/api/v1/health/route";
import { pool, QUERY_CANCELED } from "@/lib/server/db";
import { route } from "@/lib/server/http";

vi.hoisted(() => {
  process.env.DATABASE_POOL_MAX = "1";
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "300";
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "500";
});

afterAll(async () => {
  await pool().end();
});

test("a statement that runs past the timeout is cancelled by PostgreSQL", async () => {
  await expect(pool().query("SELECT pg_sleep(30)")).rejects.toMatchObject({ code: QUERY_CANCELED });
  // The connection is usable again at once.
  expect((await pool().query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
});

test("a route whose query is cancelled answers a JSON 503 with Retry-After", async () => {
  const slow = route(async () => {
    await pool().query("SELECT pg_sleep(30)");
    return Response.json({ ok: true });
  });
  const res = await slow(new Request("http://portal.test/slow"));
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("5");
  expect(await res.json()).toMatchObject({ error: { code: "unavailable", message: expect.stringMatching(/database is busy/) } });
});

test("while a slow request holds the only connection, the health check answers 503 instead of waiting behind it", async () => {
  const held = await pool().connect();
  try {
    const res = await health(new Request("http://portal.test/api/v1/health"));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("unavailable");
  } finally {
    held.release();
  }
  expect((await health(new Request("http://portal.test/api/v1/health"))).status).toBe(200);
});
