import { AppError } from "@/lib/errors";
import { signInBodySchema } from "@/lib/schemas/auth";
import { sessionCookie } from "@/lib/server/auth/session";
import { signIn } from "@/lib/server/auth/siwe";
import { describeIssues, route } from "@/lib/server/http";

export const POST = route(async (req) => {
  const parsed = signInBodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) throw new AppError("bad_request", "Send {\"message\", \"signature\"}.", describeIssues(parsed.error));
  const host = req.headers.get("host") ?? new URL(req.url).host;
  const session = await signIn({ message: parsed.data.message, signature: parsed.data.signature as `0x${string}`, host });
  const secure = new URL(req.url).protocol === "https:";
  return Response.json(
    { address: session.address, chainId: session.chainId, expiresAt: session.expiresAt.toISOString() },
    { headers: { "set-cookie": sessionCookie(session.token, session.expiresAt, secure), "cache-control": "no-store" } },
  );
});
