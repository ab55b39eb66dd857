import type { SessionState } from "@/lib/schemas/auth";
import { sessionOf } from "@/lib/server/auth/session";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

// No session (none, expired, or a cookie that is not one) is a 200 `{ signedIn: false }`: every
// visitor's wallet widget asks, and a 401 would log a console error on every page. Endpoints that
// need a session still answer 401.
export const GET = route(async (req) => {
  const session = await sessionOf(req);
  const body: SessionState = session ? { signedIn: true, ...session, expiresAt: session.expiresAt.toISOString() } : { signedIn: false };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
