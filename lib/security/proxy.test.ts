// The request proxy as Next.js calls it: headers on pages and APIs, 429s past the limit, and the
// signed ingestion endpoint never throttled.
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "../../proxy";

const req = (path: string, init: { method?: string; ip?: string } = {}) =>
  new NextRequest(`http://portal.test${path}`, { method: init.method ?? "GET", headers: { "x-forwarded-for": init.ip ?? "198.51.100.7" } });

describe("proxy", () => {
  test("pages get a CSP with a fresh nonce each time, passed to Next.js on the request", () => {
    const a = proxy(req("/wallets/0xabc"));
    const b = proxy(req("/wallets/0xabc"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("a client past its API limit gets 429 with Retry-After and a JSON error; others are unaffected", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 301; i++) last = proxy(req("/api/v1/models", { ip: "203.0.113.9" }));
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await last!.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(proxy(req("/api/v1/models", { ip: "203.0.113.10" })).status).toBe(200);
  });

  test("sign-in has a tighter limit; signed job reports are never limited", () => {
    const statuses = Array.from({ length: 31 }, () => proxy(req("/api/v1/auth/nonce", { ip: "203.0.113.20" })).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const posts = Array.from({ length: 400 }, () => proxy(req("/api/v1/jobs", { method: "POST", ip: "203.0.113.21" })).status);
    expect(posts.every((s) => s === 200)).toBe(true);
  });

  test("a path that is not valid percent-encoding is a JSON 400 before routing", async () => {
    for (const path of ["/api/v1/miners/%E0%A4%A", "/miners/%", "/wallets/%C0%80"]) {
      const res = proxy(req(path));
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
    }
    expect(proxy(req("/api/v1/miners/0xabc%2Dgpu")).status).toBe(200);
  });
});
