// The request proxy as Next.js calls it: headers on pages and APIs, JSON 404/405 for API routes
// that do not exist, JSON 400 for paths Next.js cannot route, CORS for the API.
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "../../proxy";

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://portal.test${path}`, { method: init.method ?? "GET", headers: init.headers ?? {} });

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

    for (const [method, path] of [
      ["GET", "/api/v1/miners/0xabc-gpu/daily.csv"],
      ["HEAD", "/api/v1/models"],
      ["OPTIONS", "/api/v1/jobs"],
      ["PUT", "/api/v1/wallets/0xabc/boost-slots"],
    ]) {
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

describe("CORS: public reads from any origin, the rest same-origin only", () => {
  const other = { origin: "https://tools.example", "sec-fetch-site": "cross-site" };
  const preflight = (path: string, method: string) =>
    proxy(req(path, { method: "OPTIONS", headers: { ...other, "access-control-request-method": method, "access-control-request-headers": "x-request-id" } }));

  test("Heurist's compatible /prod/stats is an API: JSON 404/405, no page CSP, readable from any origin", async () => {
    const stats = proxy(req("/prod/stats?details=true", { headers: other }));
    expect(stats.headers.get("x-middleware-next")).toBe("1");
    expect(stats.headers.get("access-control-allow-origin")).toBe("*");
    expect(stats.headers.get("content-security-policy")).toBeNull();
    expect(proxy(req("/prod/nope")).status).toBe(404);
    expect(await proxy(req("/prod/stats", { method: "POST" })).json()).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  test("a public read answers any origin, without credentials, its errors too", () => {
    for (const path of ["/api/v1/market", "/api/v1/wallets/0xabc", "/api/v1/miners/0xabc-gpu/daily.csv", "/api/v1/openapi.json"]) {
      const res = proxy(req(path, { headers: other }));
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(res.headers.get("access-control-allow-credentials"), path).toBeNull();
    }
    expect(proxy(req("/api/v1/market", { method: "DELETE", headers: other })).headers.get("access-control-allow-origin")).toBe("*");
  });

  test("a public read's preflight is answered here: GET from anywhere, the headers asked for, cached a day", () => {
    const res = preflight("/api/v1/market", "GET");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toBe("x-request-id");
    expect(res.headers.get("access-control-max-age")).toBe("86400");
  });

  test("a session, signature or token route refuses another origin's preflight and request with a JSON 403 it cannot read", async () => {
    for (const [path, method] of [
      ["/api/v1/wallets/0xabc/boost-slots", "PUT"],
      ["/api/v1/auth/verify", "POST"],
      ["/api/v1/admin/slashes", "POST"],
      ["/api/v1/jobs", "POST"],
    ] as const) {
      const res = preflight(path, method);
      expect(res.status, path).toBe(403);
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    // A "simple" request needs no preflight: a form post from another site to log out, a GET of a session.
    expect(proxy(req("/api/v1/auth/logout", { method: "POST", headers: other })).status).toBe(403);
    expect(proxy(req("/api/v1/auth/session", { headers: { origin: "https://tools.example" } })).status).toBe(403);
    expect(proxy(req("/api/v1/wallets/0xabc/boost-slots", { headers: other })).headers.get("access-control-allow-origin")).toBeNull();
  });

  test("this site's own pages and servers without an Origin (the job router) go through", () => {
    const own = { origin: "http://portal.test", "sec-fetch-site": "same-origin" };
    expect(proxy(req("/api/v1/wallets/0xabc/boost-slots", { method: "PUT", headers: own })).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(req("/api/v1/auth/session", { headers: { origin: "http://portal.test" } })).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(req("/api/v1/jobs", { method: "POST" })).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(req("/api/v1/auth/session", { headers: { "sec-fetch-site": "none" } })).headers.get("x-middleware-next")).toBe("1");
  });
});
