// Hostile requests to the signed-in side: boost slots (read and choose), the session, and
// Sign-In with Ethereum with garbage, near-valid or validly signed messages carrying unknown nonces.
import fc from "fast-check";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import type { HostileRequest } from "./requests";
import { anyJson, badAddress, badMinerId, headerSafe, hostileString, walletAddress } from "./values";

export interface AccountContext {
  /** The signed-in owner's wallet and session cookie ("heurist_session=…"). */
  owner: string;
  ownerCookie: string;
  /** A session of another wallet. */
  strangerCookie: string;
  host: string;
}

const SLOTS = "PUT /api/v1/wallets/{address}/boost-slots";

function put(kind: string, address: string, body: string, cookie?: string): HostileRequest {
  return {
    api: SLOTS,
    kind,
    method: "PUT",
    path: `/api/v1/wallets/${encodeURIComponent(address)}/boost-slots`,
    headers: { "content-type": "application/json", ...(cookie === undefined ? {} : { cookie }) },
    body,
    params: { address },
  };
}

/** Cookies that are not a live session, including malformed percent-encoding. */
const bogusCookie = fc
  .oneof(
    hostileString.map((v) => `heurist_session=${v}`),
    fc.constantFrom("heurist_session=%E0%A4%A", "heurist_session=%", "heurist_session=%zz", "heurist_session=", "heurist_session", "a=b; heurist_session=%C0%80"),
    fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `heurist_session=${Buffer.from(b).toString("base64url")}`),
  )
  .filter(headerSafe);

/** Bodies the schema refuses: each holds no valid {"minerIds": [...]} list. */
const badSlotsBody = fc.oneof(
  anyJson.filter((v) => typeof v !== "object" || v === null || Array.isArray(v) || !("minerIds" in v)).map((v) => JSON.stringify(v)),
  fc
    .tuple(
      fc.array(
        walletAddress.map((w) => `${w}-ok`),
        { maxLength: 3 },
      ),
      badMinerId,
    )
    .map(([good, bad]) => JSON.stringify({ minerIds: [...good, bad] })),
  anyJson.filter((v) => !Array.isArray(v)).map((minerIds) => JSON.stringify({ minerIds })),
  fc.constant(JSON.stringify({ minerIds: Array.from({ length: 1501 }, (_, i) => `0x${"1".repeat(40)}-m${i}`) })),
  fc.constantFrom("{", "", "null", '{"minerIds": [], "__proto__": {"admin": true}}', '{"minerIds": [], "wallet": "0x0"}'),
  fc.string({ unit: "binary", maxLength: 100 }),
);

function boostSlots(ctx: AccountContext): fc.Arbitrary<HostileRequest> {
  const get = (kind: string, address: string): HostileRequest => ({
    api: "GET /api/v1/wallets/{address}/boost-slots",
    kind,
    method: "GET",
    path: `/api/v1/wallets/${encodeURIComponent(address)}/boost-slots`,
    params: { address },
  });
  const foreignIds = fc
    .array(
      walletAddress.map((w) => `${w}-theirs`),
      { minLength: 1, maxLength: 4 },
    )
    .map((minerIds) => JSON.stringify({ minerIds }));
  return fc.oneof(
    badAddress.map((a) => get("slots/bad-address", a)),
    walletAddress.map((a) => get("slots/unknown-wallet", a)),
    foreignIds.map((b) => put("slots/no-cookie", ctx.owner, b)),
    fc.tuple(bogusCookie, foreignIds).map(([c, b]) => put("slots/bogus-cookie", ctx.owner, b, c)),
    foreignIds.map((b) => put("slots/another-wallet's-session", ctx.owner, b, ctx.strangerCookie)),
    badSlotsBody.map((b) => put("slots/bad-body", ctx.owner, b, ctx.ownerCookie)),
    // Well-formed IDs that are not the owner's: refused before anything is recorded.
    foreignIds.map((b) => put("slots/foreign-miner-ids", ctx.owner, b, ctx.ownerCookie)),
    fc.tuple(badAddress, foreignIds).map(([a, b]) => put("slots/bad-address", a, b, ctx.ownerCookie)),
  );
}

function session(): fc.Arbitrary<HostileRequest> {
  return bogusCookie.map((cookie) => ({ api: "GET /api/v1/auth/session", kind: "session/bogus-cookie", method: "GET", path: "/api/v1/auth/session", headers: { cookie } }));
}

/** A random key signs an EIP-4361 message: a real signature, but its nonce was never issued (or the domain is wrong). */
const signedMessage = (host: string) =>
  fc
    .record({
      key: fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((b) => b.some((x) => x !== 0)),
      nonce: fc.stringMatching(/^[a-zA-Z0-9]{8,32}$/),
      domain: fc.constantFrom(host, "evil.test"),
      chainId: fc.constantFrom(31337, 1, 99_999_999),
    })
    .map((m) => ({ ...m, account: privateKeyToAccount(`0x${Buffer.from(m.key).toString("hex")}`) }));

function signIn(ctx: AccountContext): fc.Arbitrary<HostileRequest | Promise<HostileRequest>> {
  const post = (kind: string, body: string): HostileRequest => ({
    api: "POST /api/v1/auth/verify",
    kind,
    method: "POST",
    path: "/api/v1/auth/verify",
    headers: { "content-type": "application/json", host: ctx.host },
    body,
  });
  const hex = fc.uint8Array({ minLength: 0, maxLength: 70 }).map((b) => `0x${Buffer.from(b).toString("hex")}`);
  const siweLike = fc
    .record({
      domain: fc.oneof(fc.constant(ctx.host), hostileString),
      address: fc.oneof(walletAddress, hostileString),
      nonce: hostileString,
      chain: hostileString,
      issued: hostileString,
    })
    .map(
      (f) =>
        `${f.domain} wants you to sign in with your Ethereum account:\n${f.address}\n\nURI: http://${f.domain}\nVersion: 1\nChain ID: ${f.chain}\nNonce: ${f.nonce}\nIssued At: ${f.issued}`,
    );
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }).map((b) => post("siwe/garbage-body", b)),
    anyJson.map((v) => post("siwe/wrong-shape", JSON.stringify(v))),
    fc.tuple(siweLike, hex).map(([message, signature]) => post("siwe/forged-message", JSON.stringify({ message, signature }))),
    fc.tuple(hostileString, hostileString).map(([message, signature]) => post("siwe/garbage-fields", JSON.stringify({ message, signature }))),
    signedMessage(ctx.host).map(async ({ account, nonce, domain, chainId }) => {
      const message = createSiweMessage({ address: account.address, chainId, domain, nonce, uri: `http://${domain}`, version: "1", issuedAt: new Date() });
      return post("siwe/unissued-nonce", JSON.stringify({ message, signature: await account.signMessage({ message }) }));
    }),
  );
}

export function hostileAccounts(ctx: AccountContext) {
  return { boostSlots: boostSlots(ctx), session: session(), signIn: signIn(ctx) };
}
