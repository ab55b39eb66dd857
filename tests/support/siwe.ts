// Sign-In with Ethereum as a browser does it: ask for a nonce (and keep the cookie that binds it),
// sign an EIP-4361 message for the configured domain, post it with that cookie.
import type { PrivateKeyAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { GET as nonceRoute } from "@/app/api/v1/auth/nonce/route";
import { POST as verifyRoute } from "@/app/api/v1/auth/verify/route";

/** The integration tests' AUTH_DOMAIN (tests/support/setup-env.ts). */
export const HOST = "portal.test";
export const ORIGIN = `https://${HOST}`;

export type SiweFields = Parameters<typeof createSiweMessage>[0];

/** Every Set-Cookie of a response as one Cookie header ("a=1; b=2"). */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !/=$/.test(c))
    .join("; ");
}

export async function freshNonce(): Promise<{ nonce: string; cookie: string }> {
  const res = await nonceRoute(new Request(`${ORIGIN}/api/v1/auth/nonce`));
  return { nonce: (await res.json()).nonce, cookie: cookiesOf(res) };
}

export function siweMessage(account: { address: `0x${string}` }, nonce: string, overrides: Partial<SiweFields> = {}): string {
  return createSiweMessage({ address: account.address, chainId: 31337, domain: HOST, nonce, uri: ORIGIN, version: "1", issuedAt: new Date(), ...overrides });
}

export function verifyRequest(message: string, signature: string, cookie: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return verifyRoute(
    new Request(`${ORIGIN}/api/v1/auth/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
      body: JSON.stringify({ message, signature }),
    }),
  );
}

/** A whole sign-in; `signer` signs (another account for forgery tests). */
export async function signInAs(account: PrivateKeyAccount, overrides: Partial<SiweFields> = {}, signer = account) {
  const { nonce, cookie } = await freshNonce();
  const message = siweMessage(account, nonce, overrides);
  const signature = await signer.signMessage({ message });
  const send = () => verifyRequest(message, signature, cookie);
  return { res: await send(), replay: send, nonce, cookie, message, signature };
}
