import { secureCookies } from "@/lib/server/auth/session";
import { NONCE_COOKIE, issueNonce } from "@/lib/server/auth/siwe";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const { nonce, expiresAt, binding } = await issueNonce();
  const secure = secureCookies() ? "; Secure" : "";
  return Response.json(
    { nonce, expiresAt: expiresAt.toISOString() },
    {
      headers: {
        "cache-control": "no-store",
        "set-cookie": `${NONCE_COOKIE}=${binding}; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Expires=${expiresAt.toUTCString()}${secure}`,
      },
    },
  );
});
