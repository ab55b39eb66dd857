// The webhooks' SSRF defence (decision 0036): a URL is refused when its host is, or resolves to, a
// loopback, private, link-local, CGNAT, multicast or unspecified address (or an IPv4-mapped form of
// one), checked at creation and again before every attempt, and the request connects only to the
// addresses just checked. Names resolve through a resolver of the test's own (no DNS server needed).
import { describe, expect, test } from "vitest";
import { deliverDue } from "@/lib/server/watches/deliver";
import { webhookUrlProblem, type Resolver } from "@/lib/server/watches/webhook-target";
import { attemptRows, deliveryRow, insertWatch, LOCAL, queueAlert, webhookFixture } from "../support/webhooks";

const DNS: Record<string, string[]> = {
  "hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
  "evil.test": ["10.0.0.5"],
  "mixed.test": ["93.184.215.14", "127.0.0.1"],
  "metadata.test": ["169.254.169.254"],
  "v6-loopback.test": ["::1"],
  "mapped.test": ["::ffff:127.0.0.1"],
  "cgnat.test": ["100.64.0.7"],
  "multicast.test": ["239.1.2.3"],
  "zero.test": ["0.0.0.0"],
};
const resolve: Resolver = async (host) => {
  const found = DNS[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found;
};
const strict = (url: string) => webhookUrlProblem(url, { allowPrivate: false, resolve });

describe("webhookUrlProblem", () => {
  test.each([
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
    ["http://127.0.0.1:5432", "127.0.0.1 is a loopback address"],
    ["http://[::1]/", "::1 is a loopback address"],
    ["http://[::ffff:169.254.169.254]/", "a link-local address"],
    ["http://10.0.0.5/", "10.0.0.5 is a private address"],
    ["http://2130706433/", "127.0.0.1 is a loopback address"], // decimal
    ["http://0x7f000001:8080/", "127.0.0.1 is a loopback address"], // hex
    ["http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254 is a link-local address"],
    ["http://100.64.0.1/", "carrier-grade NAT"],
    ["http://0.0.0.0:3000/", "unspecified"],
    ["https://evil.test/hook", "evil.test resolves to 10.0.0.5, a private address"],
    ["https://mixed.test/", "mixed.test resolves to 127.0.0.1, a loopback address"],
    ["https://metadata.test/", "link-local"],
    ["https://v6-loopback.test/", "loopback"],
    ["https://mapped.test/", "loopback"],
    ["https://cgnat.test/", "carrier-grade NAT"],
    ["https://multicast.test/", "multicast"],
    ["https://zero.test/", "unspecified"],
    ["https://nowhere.test/", "nowhere.test does not resolve (DNS: ENOTFOUND)"],
    ["https://user:pw@hooks.example.com/", "user name or password"],
    ["file:///etc/passwd", "https:// or http://"],
  ])("%s is refused: %s", async (url, why) => expect(await strict(url)).toContain(why));

  test("a public name or address passes", async () => {
    expect(await strict("https://hooks.example.com/heurist")).toBeNull();
    expect(await strict("http://93.184.215.14:8080/x")).toBeNull();
  });

  test("localhost, through the system's resolver, is refused", async () => {
    expect(await webhookUrlProblem("http://localhost:5432/", { allowPrivate: false })).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  test("WEBHOOK_ALLOW_PRIVATE lets loopback and private receivers through; the rest still applies", async () => {
    expect(await webhookUrlProblem("http://127.0.0.1:9000/", { allowPrivate: true, resolve })).toBeNull();
    expect(await webhookUrlProblem("https://evil.test/", { allowPrivate: true, resolve })).toBeNull();
    expect(await webhookUrlProblem("https://nowhere.test/", { allowPrivate: true, resolve })).toContain("does not resolve");
  });
});

describe("the deliverer", () => {
  const f = webhookFixture("webhooks_ssrf");
  const t0 = new Date("2026-12-06T10:00:00.000Z");

  test("checks the URL before each attempt: a private receiver gets nothing, and the refusal is logged as a failed attempt", async () => {
    const id = await queueAlert(f.pool, await insertWatch(f.pool, `${f.receiver.url}/hook`), t0);
    expect(await deliverDue(f.pool, { ...LOCAL, allowPrivate: false, now: t0 })).toMatchObject({ delivered: 0, retrying: 1 });
    expect(f.receiver.received).toHaveLength(0);
    expect(await attemptRows(f.pool, id)).toMatchObject([
      { status: null, error: "refused: The webhook URL's host 127.0.0.1 is a loopback address; webhooks go to public addresses only." },
    ]);
  });

  test("a name that passed at creation and resolves to a private address later (DNS rebinding) is refused at the attempt", async () => {
    let answers = 0;
    const rebinding: Resolver = async () => (answers++ === 0 ? ["93.184.215.14"] : ["127.0.0.1"]);
    const url = `http://rebind.test:${new URL(f.receiver.url).port}/hook`;
    expect(await webhookUrlProblem(url, { allowPrivate: false, resolve: rebinding })).toBeNull();
    const id = await queueAlert(f.pool, await insertWatch(f.pool, url), t0);
    await deliverDue(f.pool, { ...LOCAL, allowPrivate: false, resolve: rebinding, now: t0 });
    expect(f.receiver.received).toHaveLength(0);
    expect(await attemptRows(f.pool, id)).toMatchObject([{ status: null, error: expect.stringContaining("rebind.test resolves to 127.0.0.1, a loopback address") }]);
  });

  test("the request connects to the address that was checked, never to what the name resolves to later", async () => {
    // hooks.test exists only in this resolver, consulted once: the connection must use its answer.
    let lookups = 0;
    const once: Resolver = async (host) => (lookups++ === 0 && host === "hooks.test" ? ["127.0.0.1"] : ["192.0.2.1"]);
    const id = await queueAlert(f.pool, await insertWatch(f.pool, `http://hooks.test:${new URL(f.receiver.url).port}/in`), t0);
    expect(await deliverDue(f.pool, { ...LOCAL, resolve: once, now: t0 })).toMatchObject({ delivered: 1 });
    expect(lookups).toBe(1);
    expect(f.receiver.received).toMatchObject([{ path: "/in", headers: { host: `hooks.test:${new URL(f.receiver.url).port}` } }]);
    expect(await deliveryRow(f.pool, id)).toMatchObject({ delivered_at: t0 });
  });

  test("a name that does not resolve is a failed attempt, retried", async () => {
    const id = await queueAlert(f.pool, await insertWatch(f.pool, "https://nowhere.test/hook"), t0);
    expect(await deliverDue(f.pool, { ...LOCAL, allowPrivate: false, resolve, now: t0 })).toMatchObject({ retrying: 1 });
    expect(await attemptRows(f.pool, id)).toMatchObject([{ status: null, error: "refused: nowhere.test does not resolve (DNS: ENOTFOUND)." }]);
  });
});
