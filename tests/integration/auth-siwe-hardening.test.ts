// Sign-in holes an outside test found (issue 9): a phishing site relaying a message signed for its
// own domain with a forged Host, a uri on another origin, issued-at times a year ahead or decades
// back, malleable high-s signatures, a nonce spent from another browser, nonces and sessions piling
// up forever. Run with AUTH_DOMAIN unset, the default a fresh deployment has outside production.
import { hexToBigInt, parseSignature, serializeSignature, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { describe, expect, test, vi } from "vitest";
import { hashToken, issueNonce, purgeExpiredAuth } from "@/lib/server/auth/siwe";
import { count, db } from "../support/fixtures";
import { freshNonce, verifyRequest } from "../support/siwe";

vi.hoisted(() => {
  delete process.env.AUTH_DOMAIN;
});

// The unconfigured default outside production (lib/env).
const DOMAIN = "localhost:3000";
const ORIGIN = "http://localhost:3000";
// Anvil's development key 6; never used for anything real.
const victim = privateKeyToAccount("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

type Fields = Parameters<typeof createSiweMessage>[0];

async function attempt(overrides: Partial<Fields> = {}, opts: { headers?: Record<string, string>; cookie?: string | null; sign?: (m: string) => Promise<Hex> } = {}) {
  const { nonce, cookie } = await freshNonce();
  const message = createSiweMessage({ address: victim.address, chainId: 31337, domain: DOMAIN, nonce, uri: ORIGIN, version: "1", issuedAt: new Date(), ...overrides });
  const signature = await (opts.sign ?? ((m) => victim.signMessage({ message: m })))(message);
  const res = await verifyRequest(message, signature, opts.cookie === undefined ? cookie : opts.cookie, opts.headers);
  return { status: res.status, body: await res.json() };
}

describe("the domain and origin come from configuration, never from the request", () => {
  test("a phishing site's relay (its own domain in the message and in the Host header) is refused", async () => {
    const sessions = await count("sessions");
    const relayed = await attempt({ domain: "evil.example", uri: "https://evil.example" }, { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } });
    expect(relayed.status).toBe(401);
    expect(relayed.body.error.message).toMatch(/for evil\.example, not localhost:3000/);
    expect(await count("sessions")).toBe(sessions);
  });

  test("the right domain with a uri on another origin is refused", async () => {
    const res = await attempt({ uri: "https://evil.example/login" });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/uri must be on http:\/\/localhost:3000/);
  });

  test("the configured domain and origin sign in", async () => {
    expect((await attempt()).status).toBe(200);
  });
});

describe("issued-at is within the nonce's lifetime", () => {
  test.each([
    ["a year ahead", new Date(Date.now() + 365 * 86_400_000)],
    ["in 2001", new Date("2001-01-01T00:00:00Z")],
    ["11 minutes ago", new Date(Date.now() - 11 * 60_000)],
  ])("%s is refused", async (_name, issuedAt) => {
    const res = await attempt({ issuedAt });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/issued-at time is not within the last 10 minutes/);
  });

  test("30 seconds ahead (a wallet's clock running fast) is accepted", async () => {
    expect((await attempt({ issuedAt: new Date(Date.now() + 30_000) })).status).toBe(200);
  });
});

test("a high-s signature (the malleable twin of a valid one) is refused", async () => {
  const highS = async (message: string) => {
    const sig = parseSignature(await victim.signMessage({ message }));
    const s = N - hexToBigInt(sig.s);
    return serializeSignature({ r: sig.r, s: `0x${s.toString(16).padStart(64, "0")}`, yParity: sig.yParity === 0 ? 1 : 0 });
  };
  const res = await attempt({}, { sign: highS });
  expect(res.status).toBe(401);
  expect(res.body.error.message).toMatch(/high-s/);
});

describe("a nonce is bound to the browser that asked for it", () => {
  test("without the nonce cookie the sign-in is refused and the nonce stays unspent", async () => {
    const res = await attempt({}, { cookie: null });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/browser that asked for the nonce/);
  });

  test("with another browser's nonce cookie it is refused", async () => {
    const other = await freshNonce();
    const res = await attempt({}, { cookie: other.cookie });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/browser that asked for the nonce/);
  });

  test("the cookie is httpOnly, SameSite=Strict, scoped to the auth API and expires with the nonce", async () => {
    const { GET } = await import("@/app/api/v1/auth/nonce/route");
    const res = await GET(new Request(`${ORIGIN}/api/v1/auth/nonce`));
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^heurist_siwe=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict; Expires=/);
    const { nonce, expiresAt } = await res.json();
    expect(nonce).toBe(hashToken(cookie.split(";")[0]!.slice("heurist_siwe=".length)));
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });
});

test("expired nonces and sessions are purged; live ones stay", async () => {
  const now = new Date();
  const stale = await issueNonce(new Date(now.getTime() - 20 * 60_000));
  const live = await issueNonce(now);
  await db().query("INSERT INTO sessions (token_hash, address, chain_id, expires_at) VALUES ('stale-session', $1, 31337, $2), ('live-session', $1, 31337, $3)", [
    victim.address.toLowerCase(),
    new Date(now.getTime() - 1000),
    new Date(now.getTime() + 3_600_000),
  ]);
  const purged = await purgeExpiredAuth(now);
  expect(purged.nonces).toBeGreaterThanOrEqual(1);
  expect(purged.sessions).toBeGreaterThanOrEqual(1);
  expect(await count("auth_nonces", "nonce = $1", [stale.nonce])).toBe(0);
  expect(await count("auth_nonces", "nonce = $1", [live.nonce])).toBe(1);
  expect(await count("sessions", "token_hash = 'stale-session'")).toBe(0);
  expect(await count("sessions", "token_hash = 'live-session'")).toBe(1);
  expect(await count("auth_nonces", "expires_at <= $1", [now])).toBe(0);
});
