// Replays and reuse, beyond ingest-refusals and auth-boost-slots: a signature moved to another
// timestamp or sent from the future is refused; an exact replay inside the window writes nothing
// new; a SIWE nonce works once, even when two sign-ins race for it, and never after it expires.
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, test } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { serverEnv } from "@/lib/env";
import { hashToken, issueNonce } from "@/lib/server/auth/siwe";
import { signBody } from "@/lib/signing";
import { count, imageJob, SECRET, signedRequest, tableCounts } from "../support/fixtures";
import { freshNonce, siweMessage, verifyRequest } from "../support/siwe";

function posted(body: string, headers: Record<string, string>): Request {
  return new Request("http://localhost/api/v1/jobs", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

describe("ingest signatures", () => {
  const skew = serverEnv().INGEST_MAX_SKEW_SECONDS;

  test("a timestamp further ahead than the allowed skew is refused like a stale one", async () => {
    const body = JSON.stringify({ jobs: [imageJob()] });
    const ahead = String(Math.floor(Date.now() / 1000) + skew + 60);
    const before = await tableCounts();
    const res = await ingest(posted(body, { "x-timestamp": ahead, "x-signature": signBody(SECRET, ahead, body) }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/away from server time/);
    expect(await tableCounts()).toEqual(before);
  });

  test("a signature moved onto a fresh timestamp is refused (the timestamp is signed too)", async () => {
    const body = JSON.stringify({ jobs: [imageJob()] });
    const old = String(Math.floor(Date.now() / 1000) - skew - 60);
    const before = await tableCounts();
    const res = await ingest(posted(body, { "x-timestamp": String(Math.floor(Date.now() / 1000)), "x-signature": signBody(SECRET, old, body) }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/x-signature does not match/);
    expect(await tableCounts()).toEqual(before);
  });

  test("an exact replay inside the window is answered as duplicates and writes nothing new", async () => {
    const job = imageJob();
    const first = signedRequest({ jobs: [job] });
    const replay = new Request(first.url, { method: "POST", headers: first.headers, body: await first.clone().text() });
    expect((await (await ingest(first)).json()).accepted).toBe(1);
    const before = await tableCounts();
    const res = await ingest(replay);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await tableCounts()).toEqual(before);
    expect(await count("ledger_entries", "job_id = $1", [job.job_id])).toBe(1);
  });
});

// Anvil's development keys 2 and 3; never used for anything real.
const alice = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
const bob = privateKeyToAccount("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

/** A sign-in as `account` over a nonce, from the browser holding its cookie. */
async function signedIn(account: typeof alice, { nonce, cookie }: { nonce: string; cookie: string }): Promise<Response> {
  const message = siweMessage(account, nonce);
  return verifyRequest(message, await account.signMessage({ message }), cookie);
}

async function refusedForNonce(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect((await res.json()).error.message).toMatch(/nonce is unknown, expired or already used/);
}

describe("SIWE nonces", () => {
  test("a used nonce is refused in a new message, even one signed by another wallet", async () => {
    const nonce = await freshNonce();
    expect((await signedIn(alice, nonce)).status).toBe(200);
    await refusedForNonce(await signedIn(alice, nonce));
    await refusedForNonce(await signedIn(bob, nonce));
  });

  test("two sign-ins racing for one nonce: exactly one session is opened", async () => {
    const nonce = await freshNonce();
    const sessions = await count("sessions");
    const answers = await Promise.all([signedIn(alice, nonce), signedIn(bob, nonce), signedIn(alice, nonce), signedIn(bob, nonce)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
    expect(await count("sessions")).toBe(sessions + 1);
  });

  test("a nonce the server never issued is refused", async () => {
    const binding = "a-token-the-server-never-saw";
    await refusedForNonce(await signedIn(alice, { nonce: hashToken(binding), cookie: `heurist_siwe=${binding}` }));
  });

  test("an expired nonce is refused", async () => {
    const { nonce, binding } = await issueNonce(new Date(Date.now() - 11 * 60_000));
    await refusedForNonce(await signedIn(alice, { nonce, cookie: `heurist_siwe=${binding}` }));
  });
});
