import { AppError } from "@/lib/errors";
import { signInBodySchema } from "@/lib/schemas/auth";
import { cookieValue, secureCookies, sessionCookie } from "@/lib/server/auth/session";
import { NONCE_COOKIE, signIn } from "@/lib/server/auth/siwe";
import { describeIssues, jsonBodyOf, route } from "@/lib/server/http";

export const POST = route(async (req) => {
  const parsed = signInBodySchema.safeParse(await jsonBodyOf(req));
  if (!parsed.success) throw new AppError("bad_request", 'Send {"message", "signature"}.', describeIssues(parsed.error));
  const session = await signIn({ message: parsed.data.message, signature: parsed.data.signature as `0x${string}`, binding: cookieValue(req, NONCE_COOKIE) });
  const secure = secureCookies();
  const headers = new Headers({ "cache-control": "no-store" });
  headers.append("set-cookie", sessionCookie(session.token, session.expiresAt, secure));
  headers.append("set-cookie", `${NONCE_COOKIE}=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0`);
  return Response.json({ address: session.address, chainId: session.chainId, expiresAt: session.expiresAt.toISOString() }, { headers });
});
