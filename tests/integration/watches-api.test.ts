// The watches API (issue 15, decision 0035): only the signed-in owner reads or changes a wallet's
// watches; bad input is a 4xx naming the field and writes nothing; the webhook's secret is shown
// once. The public Atom feeds carry the alerts' public facts, validate as Atom 1.0, and name no
// watcher and no webhook.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, test } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET as minerFeed } from "@/app/api/v1/miners/[minerId]/feed.atom/route";
import { GET as walletFeed } from "@/app/api/v1/wallets/[address]/feed.atom/route";
import { DELETE as deleteWatch } from "@/app/api/v1/wallets/[address]/watches/[id]/route";
import { GET as listWatches, POST as createWatch } from "@/app/api/v1/wallets/[address]/watches/route";
import { MAX_WATCHES_PER_WALLET } from "@/lib/schemas/watches";
import { evaluateWatches } from "@/lib/server/watches/evaluate";
import { count, db, foldNow, imageJob, signedRequest } from "../support/fixtures";
import { ORIGIN, signInAs } from "../support/siwe";

const owner = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());
const wallet = owner.address.toLowerCase();
const gpu = `${wallet}-rig7`;

async function sessionOf(account = owner): Promise<string> {
  const { res } = await signInAs(account, { expirationTime: new Date(Date.now() + 600_000) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith("heurist_session="))!.split(";")[0]!;
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
    const created = await createWatch(call("POST", cookie, { kind: "gpu_idle", target: gpu, idleMinutes: 15, webhook: { url: "https://hooks.example/x", format: "discord" } }), params());
    expect(created.status).toBe(201);
    const watch = await created.json();
    expect(watch).toMatchObject({ kind: "gpu_idle", target: gpu, idleMinutes: 15, state: "ok", webhook: { url: "https://hooks.example/x", format: "discord", failures: 0, disabledAt: null } });
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

describe("Atom feeds", () => {
  test("a GPU's quiet spell is in its miner's and its wallet's feed, as valid Atom with public facts only", async () => {
    const res = await ingest(signedRequest({ jobs: [imageJob({ miner_id: gpu, completed_at: new Date(Date.now() - 40 * 60_000).toISOString() })] }));
    expect(res.status).toBe(200);
    await foldNow();
    const created = await (await createWatch(call("POST", await sessionOf(), { kind: "gpu_idle", target: gpu, idleMinutes: 30, webhook: { url: "https://secret-hooks.example/abc" } }), params())).json();
    await evaluateWatches(db());

    for (const feed of [await minerFeed(new Request(`${ORIGIN}/f`), { params: Promise.resolve({ minerId: gpu }) }), await walletFeed(new Request(`${ORIGIN}/f`), params())]) {
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const xml = await feed.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
      // RFC 4287: a feed has id, title, updated and an author; each entry id, title, updated.
      expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
      for (const key of ["id", "title", "updated", "author"]) expect(doc.feed[key], key).toBeDefined();
      const entries = [doc.feed.entry].flat();
      const quiet = entries.find((e: { title: { "#text"?: string } | string }) => JSON.stringify(e.title).includes(`${gpu}: no completed job for 30 minutes`));
      expect(quiet).toBeDefined();
      for (const key of ["id", "title", "updated"]) expect(quiet[key], key).toBeDefined();
      expect(Date.parse(quiet.updated)).toBeGreaterThan(0);
      // No webhook and no secret.
      for (const secret of [created.webhookSecret, "secret-hooks.example"]) expect(xml).not.toContain(secret);
    }
  });

  test("a bad wallet or miner ID is a JSON 400", async () => {
    expect((await walletFeed(new Request(`${ORIGIN}/f`), { params: Promise.resolve({ address: "0xnope" }) })).status).toBe(400);
    expect((await minerFeed(new Request(`${ORIGIN}/f`), { params: Promise.resolve({ minerId: "rig\u0007" }) })).status).toBe(400);
  });
});
