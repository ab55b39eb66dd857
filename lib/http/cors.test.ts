import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { API_ROUTES } from "./api-routes";
import { SAME_ORIGIN_ROUTES, isCrossOriginRead, isCrossOriginRequest, isPreflight, preflightHeaders, type RequestOrigin } from "./cors";

const routeFile = (template: string) => path.join(process.cwd(), "app", template.replace(/^\//, "").replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");

describe("which routes another origin may read", () => {
  test("every route open to other origins only reads (GET): nothing another site can make a browser write", () => {
    const open = Object.entries(API_ROUTES).filter(([t]) => isCrossOriginRead(t));
    expect(open.length).toBeGreaterThan(20);
    for (const [template, methods] of open) expect(methods, template).toEqual(["GET"]);
  });

  test("every route whose handler reads a session, a signature or a token stays same-origin", () => {
    // A session or cookie, an admin, a scrape token, or a signed report (ingestRequest, recordHeartbeats verify the HMAC).
    const credentialed = /sessionOf|Owner\(|requireAdmin|authorizeScrape|signature|cookie|ingestRequest|recordHeartbeats/i;
    for (const template of Object.keys(API_ROUTES)) {
      if (credentialed.test(readFileSync(routeFile(template), "utf8"))) expect(SAME_ORIGIN_ROUTES, template).toHaveProperty([template]);
    }
  });

  test("the same-origin list names only routes that exist", () => {
    for (const template of Object.keys(SAME_ORIGIN_ROUTES)) expect(API_ROUTES, template).toHaveProperty([template]);
  });
});

describe("a browser's request from another site", () => {
  const base: RequestOrigin = { method: "POST", origin: null, fetchSite: null, preflightMethod: null, ownOrigins: ["https://portal.example", "http://127.0.0.1:3000"] };

  test.each([
    ["Sec-Fetch-Site cross-site", { fetchSite: "cross-site", origin: "https://evil.example" }, true],
    ["a sibling subdomain (same-site)", { fetchSite: "same-site", origin: "https://x.portal.example" }, true],
    ["this site's own page", { fetchSite: "same-origin", origin: "https://portal.example" }, false],
    ["a typed URL or bookmark", { fetchSite: "none" }, false],
    ["an old browser: an Origin that is not ours", { origin: "https://evil.example" }, true],
    ["an old browser on this site", { origin: "http://127.0.0.1:3000" }, false],
    ["a server with no Origin (the job router, curl)", {}, false],
  ] as const)("%s", (_name, over, refused) => {
    expect(isCrossOriginRequest({ ...base, ...over })).toBe(refused);
  });

  test("a preflight is an OPTIONS with an Origin and the method it asks for", () => {
    expect(isPreflight({ method: "OPTIONS", origin: "https://a.example", preflightMethod: "PUT" })).toBe(true);
    expect(isPreflight({ method: "OPTIONS", origin: null, preflightMethod: "PUT" })).toBe(false);
    expect(isPreflight({ method: "OPTIONS", origin: "https://a.example", preflightMethod: null })).toBe(false);
  });

  test("a public read's preflight allows any origin, reads only, no credentials, and the headers asked for", () => {
    const h = preflightHeaders("x-request-id, accept");
    expect(h).toMatchObject({ "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD, OPTIONS", "access-control-allow-headers": "x-request-id, accept" });
    expect(h).not.toHaveProperty("access-control-allow-credentials");
    expect(preflightHeaders(null)).not.toHaveProperty("access-control-allow-headers");
  });
});
