import { clearedSessionCookie, endSession } from "@/lib/server/auth/session";
import { route } from "@/lib/server/http";

export const POST = route(async (req) => {
  await endSession(req);
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie() } });
});
