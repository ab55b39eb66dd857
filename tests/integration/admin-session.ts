// Signing in as an admin for the admin route tests. The test files set ADMIN_ADDRESSES to
// ADMIN_ADDRESS in vi.hoisted, before any server code reads the environment.
import { privateKeyToAccount } from "viem/accounts";
import { expect } from "vitest";
import { HOST, signInAs } from "../support/siwe";

// Anvil's development keys 4 and 5; never used for anything real.
export const admin = privateKeyToAccount("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
export const stranger = privateKeyToAccount("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");

/** The session cookie ("heurist_session=…") of a fresh Sign-In with Ethereum as `account`. */
export async function signInCookie(account: typeof admin): Promise<string> {
  const { res } = await signInAs(account);
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("heurist_session="))!
    .split(";")[0]!;
}

/** A request to an admin route; `body` is sent as JSON unless it is already a string. */
export function adminRequest(path: string, opts: { method?: string; cookie?: string; body?: unknown; contentType?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/json" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  return new Request(`http://${HOST}${path}`, { method: opts.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}
