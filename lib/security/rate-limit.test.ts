import { describe, expect, test } from "vitest";
import { metrics } from "@/lib/metrics";
import { RequestLimits, classify } from "./rate-limit";

const limits = (over: Partial<Record<"api" | "auth" | "pages" | "ingest", number>> = {}) =>
  new RequestLimits({
    RATE_LIMIT_PER_MINUTE: over.api ?? 5,
    RATE_LIMIT_AUTH_PER_MINUTE: over.auth ?? 3,
    RATE_LIMIT_PAGES_PER_MINUTE: over.pages ?? 4,
    RATE_LIMIT_INGEST_FAILURES_PER_MINUTE: over.ingest ?? 2,
  });

describe("classify", () => {
  test.each([
    ["POST", "/api/v1/jobs", "ingest"],
    ["POST", "/api/v1/heartbeats", "ingest"],
    ["GET", "/api/v1/jobs", "api"],
    ["GET", "/api/v1/auth/nonce", "auth"],
    ["POST", "/api/v1/admin/slashes", "auth"],
    ["GET", "/api/v1/models", "api"],
    ["GET", "/api/nope", "api"],
    ["GET", "/wallets/0xabc", "page"],
    ["GET", "/", "page"],
    ["GET", "/_next/static/chunks/app.js", null],
    ["GET", "/favicon.ico", null],
    ["GET", "/icon.svg", null],
    ["GET", "/icon/192", null],
    ["GET", "/apple-icon", null],
    ["GET", "/manifest.webmanifest", null],
    ["GET", "/robots.txt", null],
    ["GET", "/opengraph-image", null],
    ["GET", "/wallets/0xabc/opengraph-image", "page"],
    ["GET", "/icon/192/x", "page"],
    ["GET", "/robots.txt.bak", "page"],
  ])("%s %s → %s", (method, path, cls) => expect(classify(method, path)).toBe(cls));
});

describe("RequestLimits", () => {
  test("a client past its API budget is refused with the seconds to wait; another client is not", async () => {
    const l = limits();
    for (let i = 0; i < 5; i++) expect((await l.admit("api", "198.51.100.7")).allowed).toBe(true);
    const refused = await l.admit("api", "198.51.100.7");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    expect((await l.admit("api", "198.51.100.8")).allowed).toBe(true);
  });

  test("classes keep separate budgets: pages spent do not block the API, and sign-in is tighter", async () => {
    const l = limits();
    for (let i = 0; i < 4; i++) await l.admit("page", "c");
    expect((await l.admit("page", "c")).allowed).toBe(false);
    expect((await l.admit("api", "c")).allowed).toBe(true);
    const auth = await Promise.all(Array.from({ length: 4 }, () => l.admit("auth", "c")));
    expect(auth.map((d) => d.allowed)).toEqual([true, true, true, false]);
  });

  test("ingestion is never counted by itself; refused (401) reports are, and past the budget the next report is refused", async () => {
    const l = limits();
    for (let i = 0; i < 50; i++) expect((await l.admit("ingest", "router")).allowed).toBe(true);
    await l.ingestRefused("forger");
    expect((await l.admit("ingest", "forger")).allowed).toBe(true);
    await l.ingestRefused("forger");
    expect((await l.admit("ingest", "forger")).allowed).toBe(false);
    expect((await l.admit("ingest", "router")).allowed).toBe(true);
  });

  test("0 turns a class off", async () => {
    const l = limits({ api: 0, ingest: 0 });
    for (let i = 0; i < 20; i++) expect((await l.admit("api", "c")).allowed).toBe(true);
    for (let i = 0; i < 5; i++) await l.ingestRefused("c");
    expect((await l.admit("ingest", "c")).allowed).toBe(true);
  });

  test("every refusal counts in heurist_rate_limit_refusals_total under its class, and nothing admitted does", async () => {
    const counted = async (cls: string) => (await metrics().rateLimitRefusals.get()).values.find((v) => v.labels.class === cls)?.value ?? 0;
    const [api, ingest, page] = [await counted("api"), await counted("ingest"), await counted("page")];
    const l = limits({ api: 2, ingest: 1 });
    for (let i = 0; i < 5; i++) await l.admit("api", "metered");
    await l.ingestRefused("metered");
    await l.admit("ingest", "metered");
    await l.admit("page", "metered");
    expect([(await counted("api")) - api, (await counted("ingest")) - ingest, (await counted("page")) - page]).toEqual([3, 1, 0]);
  });
});
