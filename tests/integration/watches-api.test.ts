// The watches API (issue 15, decision 0035): only the signed-in owner reads or changes a wallet's
// watches; bad input is a 4xx naming the field and writes nothing; the webhook's secret is shown
// once. (The feeds' content is in watches-evaluate.test.ts: only that file evaluates the shared
// database's watches, so no other file's evaluation moves its alerts.)
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, test } from "vitest";
import { GET as minerFeed } from "@/app/api/v1/miners/[minerId]/feed.atom/route";
import { GET as walletFeed } from "@/app/api/v1/wallets/[address]/feed.atom/route";
import { POST as enableWebhook } from "@/app/api/v1/wallets/[address]/watches/[id]/enable/route";
import { DELETE as deleteWatch } from "@/app/api/v1/wallets/[address]/watches/[id]/route";
import { POST as testWebhook } from "@/app/api/v1/wallets/[address]/watches/[id]/test/route";
import { GET as listWatches, POST as createWatch } from "@/app/api/v1/wallets/[address]/watches/route";
import { MAX_WATCHES_PER_WALLET } from "@/lib/schemas/watches";
import { count, db } from "../support/fixtures";
import { ORIGIN, signInAs } from "../support/siwe";

const owner = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());
const wallet = owner.address.toLowerCase();
const gpu = `${wallet}-rig7`;

async function sessionOf(account = owner): Promise<string> {
  const { res } = await signInAs(account, { expirationTime: new Date(Date.now() + 600_000) });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("heurist_session="))!
    .split(";")[0]!;
}

const params = () => ({ params: Promise.resolve({ address: wallet }) });
const withId = (id: string) => ({ params: Promise.resolve({ address: wallet, id }) });
const call = (method: string, cookie: string | null, body?: unknown) =>
  new Request(`${ORIGIN}/api/v1/wallets/${wallet}/watches`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("watches API", () => {
  test("the owner adds, lists and deletes a watch; its webhook secret is shown once", async () => {
    const cookie = await sessionOf();
    const created = await createWatch(
      call("POST", cookie, { kind: "gpu_idle", target: gpu, idleMinutes: 15, webhook: { url: "https://203.0.113.9/x", format: "discord" } }),
      params(),
    );
    expect(created.status).toBe(201);
    const watch = await created.json();
    expect(watch).toMatchObject({
      kind: "gpu_idle",
      target: gpu,
      idleMinutes: 15,
      state: "ok",
      webhook: { url: "https://203.0.113.9/x", format: "discord", failures: 0, disabledAt: null },
    });
    expect(watch.webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const list = await (await listWatches(call("GET", cookie), params())).json();
    expect(list).toMatchObject({ wallet, max: MAX_WATCHES_PER_WALLET });
    expect(list.watches.map((w: { id: string }) => w.id)).toContain(watch.id);
    expect(JSON.stringify(list)).not.toContain(watch.webhookSecret);

    expect((await deleteWatch(call("DELETE", cookie), withId(watch.id))).status).toBe(204);
    expect((await deleteWatch(call("DELETE", cookie), withId(watch.id))).status).toBe(404);
  });

  test("nobody else reads or changes them: not signed in 401, another wallet 403", async () => {
    const mine = await (await createWatch(call("POST", await sessionOf(), { kind: "epoch", target: wallet }), params())).json();
    const theirs = await sessionOf(stranger);
    expect((await listWatches(call("GET", null), params())).status).toBe(401);
    expect((await listWatches(call("GET", theirs), params())).status).toBe(403);
    expect((await createWatch(call("POST", theirs, { kind: "epoch", target: wallet }), params())).status).toBe(403);
    expect((await deleteWatch(call("DELETE", theirs), withId(mine.id))).status).toBe(403);
    // Signed in as itself, the stranger still cannot touch another wallet's watch by id.
    const strangerParams = { params: Promise.resolve({ address: stranger.address.toLowerCase(), id: mine.id }) };
    expect((await deleteWatch(new Request(`${ORIGIN}/x`, { method: "DELETE", headers: { cookie: theirs } }), strangerParams)).status).toBe(404);
  });

  test.each([
    [{ kind: "gpu_idle", target: gpu }, "idleMinutes"],
    [{ kind: "gpu_idle", target: gpu, idleMinutes: 2 }, "idleMinutes"],
    [{ kind: "gpu_availability", target: gpu, availabilityBelowPercent: 150 }, "availabilityBelowPercent"],
    [{ kind: "node_bribe", target: gpu, idleMinutes: 10 }, "idleMinutes"],
    [{ kind: "epoch", target: gpu }, "target"],
    [{ kind: "mood", target: gpu }, "kind"],
    [{ kind: "node_stake", target: "0x12\u0000" }, "target"],
    [{ kind: "node_stake", target: gpu, webhook: { url: "ftp://x.example/h" } }, "webhook.url"],
    [{ kind: "node_stake", target: gpu, webhook: { url: "https://hooks.invalid/h" } }, "webhook.url"], // a host that does not resolve
    [{ kind: "node_stake", target: gpu, extra: 1 }, ""],
  ])("a bad watch is a 422 naming the field and writes nothing: %j", async (body, field) => {
    const cookie = await sessionOf();
    const before = await count("watches", "owner = $1", [wallet]);
    const res = await createWatch(call("POST", cookie, body), params());
    expect(res.status).toBe(422);
    const err = await res.json();
    expect(err.error.code).toBe("validation_failed");
    if (field) expect(JSON.stringify(err.error.details)).toContain(field);
    expect(await count("watches", "owner = $1", [wallet])).toBe(before);
  });
});

describe("the owner's webhook controls", () => {
  const watchCall = (id: string, action: "test" | "enable", cookie: string | null) =>
    new Request(`${ORIGIN}/api/v1/wallets/${wallet}/watches/${id}/${action}`, { method: "POST", headers: cookie ? { cookie } : {} });

  test("send a test event queues it for the webhook; enable clears a disable; neither for a watch without one, nor for anyone else", async () => {
    const cookie = await sessionOf();
    const hooked = await (await createWatch(call("POST", cookie, { kind: "node_stake", target: gpu, webhook: { url: "https://203.0.113.11/t" } }), params())).json();
    const bare = await (await createWatch(call("POST", cookie, { kind: "node_stake", target: gpu }), params())).json();

    expect((await testWebhook(watchCall(hooked.id, "test", cookie), withId(hooked.id))).status).toBe(202);
    const queued = await db().query("SELECT event, next_attempt_at FROM webhook_deliveries WHERE watch_id = $1", [hooked.id]);
    expect(queued.rows).toEqual([{ event: "test", next_attempt_at: expect.any(Date) }]);
    expect((await testWebhook(watchCall(bare.id, "test", cookie), withId(bare.id))).status).toBe(409);

    await db().query("UPDATE watches SET failures = 10, disabled_at = now(), disabled_reason = 'test' WHERE id = $1", [hooked.id]);
    expect((await enableWebhook(watchCall(hooked.id, "enable", cookie), withId(hooked.id))).status).toBe(200);
    expect((await db().query("SELECT failures, disabled_at FROM watches WHERE id = $1", [hooked.id])).rows[0]).toEqual({ failures: 0, disabled_at: null });

    const theirs = await sessionOf(stranger);
    expect((await testWebhook(watchCall(hooked.id, "test", theirs), withId(hooked.id))).status).toBe(403);
    expect((await enableWebhook(watchCall(hooked.id, "enable", null), withId(hooked.id))).status).toBe(401);
    expect((await testWebhook(watchCall("999999999", "test", cookie), withId("999999999"))).status).toBe(404);
  });
});

describe("Atom feeds", () => {
  test("a bad wallet or miner ID is a JSON 400", async () => {
    expect((await walletFeed(new Request(`${ORIGIN}/f`), { params: Promise.resolve({ address: "0xnope" }) })).status).toBe(400);
    expect((await minerFeed(new Request(`${ORIGIN}/f`), { params: Promise.resolve({ minerId: "rig\u0007" }) })).status).toBe(400);
  });
});
