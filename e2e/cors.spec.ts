// Issue 15 item 4: a tool on another origin (a community wallet-lookup page) reads the portal's
// public APIs from Chromium; the same page cannot call a route that takes a session, neither with a
// preflight (a JSON PUT) nor with a "simple" request that needs none (a form-encoded POST).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { KNOWN_WALLET } from "./known-data";

let tool: Server;
let toolOrigin: string;
const portal = () => process.env.E2E_BASE_URL!;

test.beforeAll(async () => {
  // Another origin: its own server and port, serving an empty page.
  tool = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>wallet lookup</title>"));
  await new Promise<void>((resolve) => tool.listen(0, "127.0.0.1", resolve));
  // "localhost", not the portal's 127.0.0.1: another site, not only another port.
  toolOrigin = `http://localhost:${(tool.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => tool.close(() => resolve())));

test("a page on another origin reads the public APIs; a session route refuses it", async ({ page, request }) => {
  expect(new URL(portal()).origin).not.toBe(toolOrigin);
  await page.goto(toolOrigin);

  // Public reads, with a request header that makes Chromium send a preflight first.
  const read = await page.evaluate(
    async ([base, wallet]) => {
      const get = async (path: string) => {
        const res = await fetch(`${base}${path}`, { headers: { "x-request-id": "lookup-1" } });
        return { status: res.status, requestId: res.headers.get("x-request-id"), body: await res.json() };
      };
      return {
        wallet: await get(`/api/v1/wallets/${wallet}`),
        market: await get("/api/v1/market?pageSize=1"),
        missing: await get("/api/v1/wallets/0xnope"),
        // Heurist's own stats API, as the community's data collector calls it.
        stats: await get(`/prod/stats?minerId=${wallet}`),
      };
    },
    [portal(), KNOWN_WALLET] as const,
  );
  expect(read.market).toMatchObject({ status: 200, requestId: "lookup-1" }); // an exposed header
  expect(read.market.body.items).toHaveLength(1);
  // The same numbers the portal serves to itself; an error is readable too, with what is wrong.
  const direct = (await (await request.get(`/api/v1/wallets/${KNOWN_WALLET}`)).json()) as { totalWaifuPoints: number };
  expect(read.wallet.status).toBe(200);
  expect(read.wallet.body.totalWaifuPoints).toBe(direct.totalWaifuPoints);
  expect(direct.totalWaifuPoints).toBeGreaterThan(0);
  expect(read.missing).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
  expect(read.stats.status).toBe(200);
  expect(read.stats.body.totalWaifuPoints).toBe(direct.totalWaifuPoints);

  // A session route: the preflight of a JSON PUT is refused, so the PUT is never sent.
  const send = (path: string, init: RequestInit) =>
    page.evaluate(
      async ([url, options]) => {
        try {
          await fetch(url, options);
          return "read";
        } catch (err) {
          return (err as Error).name;
        }
      },
      [`${portal()}${path}`, { ...init, credentials: "include" }] as const,
    );
  const failed = page.waitForEvent("requestfailed", (r) => r.method() === "PUT");
  expect(
    await send(`/api/v1/wallets/${KNOWN_WALLET}/boost-slots`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ minerIds: [] }) }),
  ).toBe("TypeError");
  expect(await (await failed).response()).toBeNull();
  const preflight = await request.fetch(`/api/v1/wallets/${KNOWN_WALLET}/boost-slots`, {
    method: "OPTIONS",
    headers: { origin: toolOrigin, "access-control-request-method": "PUT", "access-control-request-headers": "content-type" },
  });
  expect(preflight.status()).toBe(403);
  expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();

  // A form post needs no preflight: Chromium sends it and the page cannot read the answer; the
  // server refuses it too (403), as it does the same request with the headers Chromium sent.
  const sent = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/api/v1/auth/logout"));
  expect(await send("/api/v1/auth/logout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" })).toBe("TypeError");
  expect((await sent).failure()).not.toBeNull();
  const replay = await request.post("/api/v1/auth/logout", {
    headers: { origin: toolOrigin, "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" },
    data: "a=1",
  });
  expect(replay.status()).toBe(403);
  expect(await replay.json()).toMatchObject({ error: { code: "forbidden" } });
});
