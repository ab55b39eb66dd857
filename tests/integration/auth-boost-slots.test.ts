// Sign-In with Ethereum with anvil's first test key, then the first owner action: choosing which
// miner IDs hold the wallet's NFT boost slots, which prices the next jobs and leaves past ones alone.
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, test } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as sessionRoute } from "@/app/api/v1/auth/session/route";
import { GET as getSlots, PUT as putSlots } from "@/app/api/v1/wallets/[address]/boost-slots/route";
import { db, giveNfts, imageJob, signedRequest } from "../support/fixtures";
import { HOST, signInAs as signIn, type SiweFields } from "../support/siwe";

// Anvil's well-known development keys (accounts 0 and 1); never used for anything real.
const owner = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const stranger = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const signInAs = (account = owner, overrides: Partial<SiweFields> = {}, signer = account) =>
  signIn(account, { expirationTime: new Date(Date.now() + 600_000), ...overrides }, signer);

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("heurist_session="))!
    .split(";")[0]!;
}

describe("Sign-In with Ethereum", () => {
  test("a signed message opens an httpOnly session; the same message cannot be used twice", async () => {
    const { res, replay } = await signInAs();
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/heurist_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
    const session = await sessionRoute(new Request(`http://${HOST}/api/v1/auth/session`, { headers: { cookie: cookieOf(res) } }));
    expect(await session.json()).toMatchObject({ address: owner.address.toLowerCase(), chainId: 31337 });
    const again = await replay();
    expect(again.status).toBe(401);
    expect((await again.json()).error.message).toMatch(/nonce is unknown, expired or already used/);
  });

  test("a visitor without a session is told so with a 200, not an error; a signed-out cookie reads the same", async () => {
    const ask = (cookie?: string) => sessionRoute(new Request(`http://${HOST}/api/v1/auth/session`, { headers: cookie ? { cookie } : {} }));
    const none = await ask();
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ signedIn: false });
    const unknown = await ask("heurist_session=not-a-session");
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ signedIn: false });

    const { res } = await signInAs();
    const cookie = cookieOf(res);
    expect(await (await ask(cookie)).json()).toMatchObject({ signedIn: true, address: owner.address.toLowerCase() });
    const out = await logout(new Request(`http://${HOST}/api/v1/auth/logout`, { method: "POST", headers: { cookie } }));
    expect(out.status).toBe(200);
    expect(await (await ask(cookie)).json()).toEqual({ signedIn: false });
  });

  test.each([
    ["another domain", { domain: "evil.test" }, /for evil\.test, not portal\.test/],
    ["another chain", { chainId: 1 }, /Chain 1 is not accepted/],
    ["an expired message", { expirationTime: new Date(Date.now() - 1000) }, /expired/],
  ])("%s is refused", async (_name, overrides, message) => {
    const { res } = await signInAs(owner, overrides);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(message);
  });

  test("a signature by another key is refused", async () => {
    const { res } = await signInAs(owner, {}, stranger);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/not made by the address/);
  });
});

describe("boost slot reassignment", () => {
  const wallet = owner.address.toLowerCase();
  const miners = ["a", "b", "c", "d"].map((t) => `${wallet}-${t}`);
  const req = (method: string, cookie?: string, body?: unknown) =>
    new Request(`http://${HOST}/api/v1/wallets/${wallet}/boost-slots`, {
      method,
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ctx = { params: Promise.resolve({ address: wallet }) };

  test("the owner moves a slot to a later GPU: its next jobs earn the boost, past jobs keep their price", async () => {
    const first = miners.map((m, i) => imageJob({ miner_id: m, completed_at: new Date(Date.now() - (10 - i) * 60_000).toISOString() }));
    expect((await ingest(signedRequest({ jobs: first }))).status).toBe(200);
    await giveNfts(wallet);
    expect(await (await getSlots(req("GET"), ctx)).json()).toMatchObject({ slots: 3, chosen: null, holders: miners.slice(0, 3) });

    expect((await putSlots(req("PUT", undefined, { minerIds: [miners[3]] }), ctx)).status).toBe(401);
    const strangerCookie = cookieOf((await signInAs(stranger)).res);
    expect((await putSlots(req("PUT", strangerCookie, { minerIds: [miners[3]] }), ctx)).status).toBe(403);

    const cookie = cookieOf((await signInAs(owner)).res);
    const tooMany = await putSlots(req("PUT", cookie, { minerIds: miners }), ctx);
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error.message).toMatch(/1 NFT\(s\), so 3 boost slot\(s\); 4 miner IDs/);
    const foreign = await putSlots(req("PUT", cookie, { minerIds: [`${stranger.address.toLowerCase()}-x`] }), ctx);
    expect(foreign.status).toBe(422);

    const moved = await putSlots(req("PUT", cookie, { minerIds: [miners[3]] }), ctx);
    expect(moved.status).toBe(200);
    const assignment = await moved.json();
    expect(assignment).toMatchObject({ chosen: [miners[3]], holders: [miners[3], miners[0], miners[1]] });

    // Jobs completed at the very instant the choice takes effect are the first it prices.
    const next = [miners[2], miners[3]].map((m) => imageJob({ miner_id: m, completed_at: assignment.effectiveFrom }));
    const body = await (await ingest(signedRequest({ jobs: next }))).json();
    // c lost its slot (6 × 1.0); d gained one (6 × 1.10).
    expect(body.results.map((r: { points: number }) => r.points)).toEqual([6, 6.6]);
    const past = await db().query("SELECT nft_multiplier_ppm FROM ledger_entries WHERE job_id = $1", [first[3]!.job_id]);
    expect(past.rows[0].nft_multiplier_ppm).toBe(1_000_000);
  });
});
