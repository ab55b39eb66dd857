// The request proxy as Next.js calls it: headers on pages and APIs, JSON 404/405 for API routes
// that do not exist, JSON 400 for paths Next.js cannot route.
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "../../proxy";

const req = (path: string, init: { method?: string } = {}) =>
  new NextRequest(`http://portal.test${path}`, { method: init.method ?? "GET", headers: {} });

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

  test("an unknown API path is a JSON 404 and a wrong method a JSON 405 with Allow, before Next.js routes them", async () => {
    const missing = proxy(req("/api/v1/nope"));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/json");
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    expect(proxy(req("/api")).status).toBe(404);

    const wrong = proxy(req("/api/v1/jobs", { method: "GET" }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("OPTIONS, POST");
    expect(await wrong.json()).toMatchObject({ error: { code: "method_not_allowed" } });
    expect(proxy(req("/api/v1/wallets/0xabc/boost-slots", { method: "DELETE" })).headers.get("allow")).toBe("GET, HEAD, OPTIONS, PUT");

    for (const [method, path] of [["GET", "/api/v1/miners/0xabc-gpu/daily.csv"], ["HEAD", "/api/v1/models"], ["OPTIONS", "/api/v1/jobs"], ["PUT", "/api/v1/wallets/0xabc/boost-slots"]]) {
      const res = proxy(req(path!, { method }));
      expect(res.status, `${method} ${path}`).toBe(200);
      expect(res.headers.get("x-middleware-next")).toBe("1");
    }
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
